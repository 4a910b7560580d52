package org.switchboard.app;

/**
 * The entry point. A plain class rather than the {@link javafx.application.Application} itself, because Java
 * refuses to start an Application main class when JavaFX is on the class path instead of the module path (as in a
 * packaged app); this indirection works in every layout.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        SwitchboardApp.main(args);
    }
}
