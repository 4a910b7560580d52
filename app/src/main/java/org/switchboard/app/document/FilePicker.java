package org.switchboard.app.document;

import java.io.File;
import java.nio.file.Path;

import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Asks the user for a file to open or to save to. Normally the system's file dialog; tests put their own answer
 * here, because a native dialog cannot be driven headless.
 */
public interface FilePicker {

    /** The system's file dialogs. */
    FilePicker SYSTEM = new FilePicker() {
        @Override
        public Path open(FileChooser chooser, Window owner) {
            File f = chooser.showOpenDialog(owner);
            return f == null ? null : f.toPath();
        }

        @Override
        public Path save(FileChooser chooser, Window owner) {
            File f = chooser.showSaveDialog(owner);
            return f == null ? null : f.toPath();
        }
    };

    /** The file to open, or null when the user cancelled. */
    Path open(FileChooser chooser, Window owner);

    /** The file to save to, or null when the user cancelled. */
    Path save(FileChooser chooser, Window owner);
}
