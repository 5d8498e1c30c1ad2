package org.memberdesk.ui.viewmodel.console;

import org.memberdesk.service.Services;

/**
 * Runs the Client Portal next to the console: started once the database is open, stopped when the
 * console closes. The application supplies the web server; tests may pass their own. Called off the UI thread.
 */
public interface PortalHost {

    /** Starts serving the open data directory on {@code port}; returns where this computer reaches it. */
    String start(Services services, int port) throws Exception;

    /** Stops serving (it may start again, say on another port); does nothing when not running. */
    void stop();

    /** Stops for good: the console is closing; a start still under way stops at once. */
    default void close() {
        stop();
    }

    /** No portal (a console without a web server). */
    PortalHost NONE = new PortalHost() {
        @Override
        public String start(Services services, int port) {
            throw new IllegalStateException("no portal in this console");
        }

        @Override
        public void stop() {
        }
    };
}
