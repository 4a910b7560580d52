package org.switchboard.app;

import java.io.IOException;
import java.nio.file.Path;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;

import javax.imageio.ImageIO;

/** Writes a picture of the canvas as PNG (until the canvas brings its own export of the whole flow). */
final class CanvasExport {

    private CanvasExport() {
    }

    static void write(Node canvas, Path file) throws IOException {
        WritableImage image = canvas.snapshot(new SnapshotParameters(), null);
        if (!ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile())) {
            throw new IOException("PNG is not supported here");
        }
    }
}
