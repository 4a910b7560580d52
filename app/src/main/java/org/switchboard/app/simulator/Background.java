package org.switchboard.app.simulator;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** One worker thread per job kind, as a daemon, so that a waiting call never holds the app open. */
final class Background {

    private Background() {
    }

    static ExecutorService thread(String name) {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }
}
