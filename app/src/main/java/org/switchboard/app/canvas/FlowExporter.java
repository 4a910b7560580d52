package org.switchboard.app.canvas;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import javax.imageio.ImageIO;

import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Background;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.transform.Scale;

/**
 * Renders the whole flow (not only the visible part) to a PNG: the node and wire layers are snapshotted at the
 * requested scale over the canvas colour, with each card in its {@linkplain CardLook#forExport() export look} (no
 * selection or pointer highlight), whatever the current pan and zoom.
 */
final class FlowExporter {

    private static final double MARGIN = 32;

    private FlowExporter() {
    }

    static void export(FlowCanvas canvas, Path file, double scale) throws IOException {
        if (scale <= 0 || scale > 4) {
            throw new IllegalArgumentException("Export scale must be between 0 and 4, not " + scale);
        }
        Bounds b = canvas.flowBounds();
        double x = b == null ? 0 : b.getMinX() - MARGIN;
        double y = b == null ? 0 : b.getMinY() - MARGIN;
        double w = b == null ? 2 * MARGIN : b.getWidth() + 2 * MARGIN;
        double h = b == null ? 2 * MARGIN : b.getHeight() + 2 * MARGIN;

        SnapshotParameters params = new SnapshotParameters();
        params.setFill(background(canvas));
        params.setTransform(new Scale(scale, scale));
        params.setViewport(new Rectangle2D(x * scale, y * scale, Math.ceil(w * scale), Math.ceil(h * scale)));

        canvas.setLookFilter(CardLook::forExport);
        canvas.previewLayer().setVisible(false);
        canvas.setShowEverything(true);
        WritableImage image;
        try {
            // Snapshot the layers without the view transform: a copy of the content group's children is not
            // needed, because the transform list is swapped out only for the duration of this call.
            var transforms = List.copyOf(canvas.content().getTransforms());
            canvas.content().getTransforms().clear();
            try {
                image = canvas.content().snapshot(params, null);
            } finally {
                canvas.content().getTransforms().setAll(transforms);
            }
        } finally {
            canvas.setShowEverything(false);
            canvas.previewLayer().setVisible(true);
            canvas.setLookFilter(java.util.function.UnaryOperator.identity());
        }
        BufferedImage out = SwingFXUtils.fromFXImage(image, null);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Path tmp = Files.createTempFile(parent, ".export-", ".png");
        try {
            if (!ImageIO.write(out, "png", tmp.toFile())) {
                throw new IOException("No PNG writer available");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static Paint background(FlowCanvas canvas) {
        Background bg = canvas.getBackground();
        if (bg != null && !bg.getFills().isEmpty()) {
            return bg.getFills().get(bg.getFills().size() - 1).getFill();
        }
        return Color.web("#F3F4F7");
    }
}
