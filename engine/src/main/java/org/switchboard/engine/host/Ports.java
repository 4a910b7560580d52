package org.switchboard.engine.host;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Whether a port is free on an address, and a free one to offer when the wanted one is taken. */
public final class Ports {

    private Ports() {
    }

    /** Whether a listener could bind {@code address:port} right now. */
    public static boolean isFree(String address, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(address), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * A free port near {@code wanted} (the next ones up, so the number stays easy to read), else any free one the
     * system picks; -1 when none can be found.
     */
    public static int freeNear(String address, int wanted) {
        for (int p = Math.max(1024, wanted + 1); p <= Math.min(65_535, wanted + 20); p++) {
            if (isFree(address, p)) {
                return p;
            }
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(address), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            return -1;
        }
    }
}
