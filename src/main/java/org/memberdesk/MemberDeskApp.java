package org.memberdesk;

import org.memberdesk.service.DataDirectory;

/** The JavaFX console. Placeholder until the console lands on this branch. */
public final class MemberDeskApp {

    private MemberDeskApp() {
    }

    /** Starts the console on a data directory and returns when its last window closes. */
    public static void launchConsole(DataDirectory dataDirectory) {
        throw new UnsupportedOperationException("the console is not built yet");
    }
}
