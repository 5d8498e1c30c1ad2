package org.memberdesk;

import org.memberdesk.portal.PortalServer;
import org.memberdesk.service.Services;
import org.memberdesk.ui.viewmodel.console.PortalHost;

/**
 * The Client Portal the console runs on this computer (loopback only), on the configured port.
 * It restarts after {@link #stop()} (another port); after {@link #close()} (the console closed,
 * maybe while a start was under way) it never starts again.
 */
public final class LocalPortal implements PortalHost {

    private PortalServer server;
    private boolean stopped;

    @Override
    public synchronized String start(Services services, int port) {
        if (stopped) {
            throw new IllegalStateException("the console is closing");
        }
        if (server != null) {
            return server.url();
        }
        PortalServer starting = new PortalServer(services);
        try {
            starting.start(port);
        } catch (RuntimeException e) {
            starting.stop();
            throw e;
        }
        server = starting;
        return server.url();
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    @Override
    public synchronized void close() {
        stopped = true;
        stop();
    }

    /** The port it listens on, or -1. */
    public synchronized int port() {
        return server == null ? -1 : server.port();
    }
}
