package org.switchboard.app.canvas;

import java.util.List;

/**
 * Where everything on one node card goes, computed from the node and the fonts alone (see {@link CardMeasurer}),
 * so that wires, the minimap, hit tests and culling know a card's size and port positions without building it.
 * All coordinates are relative to the card's outer top-left corner; texts are already shortened to fit.
 */
record CardGeometry(double width, double height, String title, String typeTag, String summary, List<Row> rows,
                    String footer, double summaryY, double dividerY, double footerY, boolean input,
                    String headerPort) {

    // The card anatomy from the design, in px: 1 border, padding 10 top / 12 sides / 11 bottom, 22 px header.
    static final double BORDER = 1;
    static final double PAD_X = 12;
    static final double PAD_TOP = 10;
    static final double HEADER = 22;
    static final double TILE = 22;
    static final double ICON = 14;
    static final double TITLE_GAP = 8;
    static final double TAG_GAP = 16;
    static final double SUMMARY_GAP = 7;
    static final double SUMMARY_LINE = 16;
    static final double ROW = 22;
    static final double ROWS_PAD_TOP = 4;
    static final double ROWS_PAD_BOTTOM = 5;
    static final double ROW_LABEL_RIGHT = 21;
    static final double ROW_LABEL_LEFT = 24;
    static final double FOOTER = 29;
    static final double FOOTER_ICON = 13;
    static final double FOOTER_GAP = 6;
    /** Port centres in the header row sit this far below the card's outer top (1 border + 10 padding + 11). */
    static final double PORT_Y = BORDER + PAD_TOP + HEADER / 2;
    static final double GRID = 8;
    static final double MIN_WIDTH = 112;
    static final double MAX_WIDTH = 296;

    /** One labelled output row: its port id, label and the y of its centre. */
    record Row(String portId, String label, double y) {
    }

    /** The y of an output port's centre, or NaN when the card has no such output. */
    double outputY(String portId) {
        if (portId.equals(headerPort)) {
            return PORT_Y;
        }
        for (Row r : rows) {
            if (r.portId().equals(portId)) {
                return r.y();
            }
        }
        return Double.NaN;
    }

    boolean hasOutput(String portId) {
        return !Double.isNaN(outputY(portId));
    }

    /** The x where the content starts (inside border and padding). */
    static double contentX() {
        return BORDER + PAD_X;
    }
}
