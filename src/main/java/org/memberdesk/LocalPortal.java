package org.memberdesk;

import org.memberdesk.portal.PortalServer;
import org.memberdesk.service.Services;
import org.memberdesk.ui.viewmodel.console.PortalHost;

/**
 * The Client Portal the console runs on this computer (loopback only), on the configured port.
 * A stop that comes before the start has finished (the console closed meanwhile) wins.
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
        stopped = true;
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** The port it listens on, or -1. */
    public synchronized int port() {
        return server == null ? -1 : server.port();
    }
}
