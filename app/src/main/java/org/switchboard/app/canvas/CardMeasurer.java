package org.switchboard.app.canvas;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javafx.scene.Group;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

import org.switchboard.app.i18n.AppTexts;
import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.Problem;
import org.switchboard.engine.i18n.Messages;
import org.switchboard.engine.nodes.NodeType;
import org.switchboard.engine.nodes.OutputPort;

/**
 * Measures node cards. The fonts come from invisible probe texts that carry the same style classes as the card's
 * texts, so measuring uses exactly what {@code canvas.css} (and the app's theme) resolve to; widths of repeated
 * strings are cached. A card is as wide as its content needs (so longer German texts fit), between 112 and 296 px,
 * rounded up to the 8 px grid; texts longer than that are cut with an ellipsis.
 */
final class CardMeasurer {

    private static final String ELLIPSIS = "\u2026";

    /** The text roles on a card, named by their style class. */
    enum Role {
        TITLE("node-title"), TYPE("node-type"), SUMMARY("node-summary"), OUTPUT("node-output-label"),
        FOOTER("node-footer-text");

        final String styleClass;

        Role(String styleClass) {
            this.styleClass = styleClass;
        }
    }

    private final Group probes = new Group();
    private final Map<Role, Text> probe = new HashMap<>();
    private final Map<Role, Map<String, Double>> widths = new HashMap<>();
    private final Text ruler = new Text();
    private final Map<Role, Font> fonts = new HashMap<>();
    private final Map<Role, Double> heights = new HashMap<>();

    CardMeasurer() {
        probes.setManaged(false);
        probes.setVisible(false);
        probes.setMouseTransparent(true);
        for (Role r : Role.values()) {
            Text t = new Text("Ag");
            t.getStyleClass().add(r.styleClass);
            probe.put(r, t);
            probes.getChildren().add(t);
            widths.put(r, new HashMap<>());
        }
    }

    /** The probe texts; they must sit inside the canvas so its stylesheet reaches them. */
    Group probes() {
        return probes;
    }

    /** Reads the fonts the stylesheet gives the probes. Returns true when any font changed (re-measure all). */
    boolean refreshFonts() {
        boolean changed = false;
        for (Role r : Role.values()) {
            Font f = probe.get(r).getFont();
            if (!f.equals(fonts.get(r))) {
                fonts.put(r, f);
                widths.get(r).clear();
                heights.remove(r);
                changed = true;
            }
        }
        return changed;
    }

    Font font(Role r) {
        Font f = fonts.get(r);
        return f != null ? f : probe.get(r).getFont();
    }

    double width(Role r, String s) {
        if (s == null || s.isEmpty()) {
            return 0;
        }
        return widths.get(r).computeIfAbsent(s, k -> {
            ruler.setFont(font(r));
            ruler.setText(k);
            return Math.ceil(ruler.getLayoutBounds().getWidth());
        });
    }

    /** The height of one line of text in the role's font. */
    double lineHeight(Role r) {
        return heights.computeIfAbsent(r, k -> {
            ruler.setFont(font(k));
            ruler.setText("Ag");
            return ruler.getLayoutBounds().getHeight();
        });
    }

    /** The text itself, or its longest prefix plus an ellipsis that fits into {@code max} pixels. */
    String fit(Role r, String s, double max) {
        if (s == null || width(r, s) <= max) {
            return s;
        }
        int lo = 0;
        int hi = s.length();
        while (lo < hi) {
            int mid = (lo + hi + 1) / 2;
            if (measureUncached(r, s.substring(0, mid).stripTrailing() + ELLIPSIS) <= max) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo == 0 ? ELLIPSIS : s.substring(0, lo).stripTrailing() + ELLIPSIS;
    }

    private double measureUncached(Role r, String s) {
        ruler.setFont(font(r));
        ruler.setText(s);
        return Math.ceil(ruler.getLayoutBounds().getWidth());
    }

    /** The layout of one card. {@code unknownOutputs} are the ports wires use on a node of an unknown type. */
    CardGeometry measure(FlowNode node, NodeType type, List<Problem> problems, List<String> unknownOutputs,
                         Messages m) {
        String typeLabel = type == null ? node.type() : type.label(m);
        String title = type == null ? AppTexts.get("canvas.node.unknown", node.type()) : node.displayName(typeLabel);
        String tag = type != null && !node.name().isBlank() && !node.name().strip().equals(typeLabel)
                ? typeLabel : null;
        String summary = type == null ? null : type.summary(node, m);
        if (summary != null && summary.isBlank()) {
            summary = null;
        }
        List<OutputPort> outputs = new ArrayList<>();
        if (type != null) {
            outputs.addAll(type.outputs(node, m));
        } else {
            unknownOutputs.forEach(p -> outputs.add(new OutputPort(p, p)));
        }
        String footer = problems.isEmpty() ? null : NodeView.shortReason(problems.get(0).message());

        double x0 = CardGeometry.contentX();
        double titleX = x0 + CardGeometry.TILE + CardGeometry.TITLE_GAP;
        double need = titleX + width(Role.TITLE, title) + (tag == null ? 0
                : CardGeometry.TAG_GAP + width(Role.TYPE, tag)) + x0;
        if (summary != null) {
            need = Math.max(need, 2 * x0 + width(Role.SUMMARY, summary));
        }
        boolean rows = outputs.size() > 1;
        if (rows) {
            for (OutputPort p : outputs) {
                need = Math.max(need, CardGeometry.ROW_LABEL_LEFT + width(Role.OUTPUT, p.label())
                        + CardGeometry.ROW_LABEL_RIGHT);
            }
        }
        // A problem's footer never widens the card (it would jump when a warning comes and goes): it is cut to the
        // card's width, and the tooltip has it all.
        double w = Math.ceil(Math.max(CardGeometry.MIN_WIDTH, Math.min(CardGeometry.MAX_WIDTH, need))
                / CardGeometry.GRID) * CardGeometry.GRID;

        // Shorten what does not fit the clamped width.
        // The type tag keeps its full width when the title fits beside it; else the two share the header.
        double header = w - titleX - x0;
        double tagW = tag == null ? 0 : Math.min(width(Role.TYPE, tag),
                Math.max(header / 2, header - CardGeometry.TAG_GAP - width(Role.TITLE, title)));
        String tagText = tag == null ? null : fit(Role.TYPE, tag, tagW);
        double titleMax = w - x0 - titleX - (tag == null ? 0 : CardGeometry.TAG_GAP + width(Role.TYPE, tagText));
        String titleText = fit(Role.TITLE, title, titleMax);
        String summaryText = summary == null ? null : fit(Role.SUMMARY, summary, w - 2 * x0);
        String footerText = footer == null ? null : fit(Role.FOOTER, footer,
                w - 2 * x0 - CardGeometry.FOOTER_ICON - CardGeometry.FOOTER_GAP);

        boolean below = rows || footer != null;
        double y = CardGeometry.BORDER + CardGeometry.PAD_TOP + CardGeometry.HEADER;
        double summaryY = Double.NaN;
        if (summaryText != null) {
            summaryY = y + CardGeometry.SUMMARY_GAP;
            y = summaryY + CardGeometry.SUMMARY_LINE;
        }
        y += below ? CardGeometry.PAD_TOP : CardGeometry.PAD_TOP + 1;
        double dividerY = Double.NaN;
        List<CardGeometry.Row> rowList = new ArrayList<>();
        if (rows) {
            dividerY = y;
            double rowTop = y + 1 + CardGeometry.ROWS_PAD_TOP;
            double labelMax = w - CardGeometry.ROW_LABEL_LEFT - CardGeometry.ROW_LABEL_RIGHT;
            for (int i = 0; i < outputs.size(); i++) {
                OutputPort p = outputs.get(i);
                rowList.add(new CardGeometry.Row(p.id(), fit(Role.OUTPUT, p.label(), labelMax),
                        rowTop + i * CardGeometry.ROW + CardGeometry.ROW / 2));
            }
            y = rowTop + outputs.size() * CardGeometry.ROW + CardGeometry.ROWS_PAD_BOTTOM;
        }
        double footerY = Double.NaN;
        if (footerText != null) {
            footerY = y;
            y += CardGeometry.FOOTER;
        }
        double h = y + CardGeometry.BORDER;
        String headerPort = outputs.size() == 1 ? outputs.get(0).id() : null;
        return new CardGeometry(w, h, titleText, tagText, summaryText, List.copyOf(rowList), footerText, summaryY,
                dividerY, footerY, type == null || type.hasInput(), headerPort);
    }
}
