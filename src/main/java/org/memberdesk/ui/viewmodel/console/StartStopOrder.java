package org.memberdesk.ui.viewmodel.console;

import java.util.concurrent.Callable;

/**
 * Keeps a session's start and stop in order although they run on different background threads:
 * the stop waits for a start that is running, and a start that comes after the stop does nothing.
 */
final class StartStopOrder {

    private boolean stopped;

    /** Runs a start unless the session stopped already (then it answers null); background thread. */
    synchronized <T> T start(Callable<T> work) throws Exception {
        return stopped ? null : work.call();
    }

    /** Runs the stop once, after any start still running; background thread. */
    synchronized void stop(Runnable work) {
        if (!stopped) {
            stopped = true;
            work.run();
        }
    }
}
