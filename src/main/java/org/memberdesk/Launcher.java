package org.memberdesk;

import org.memberdesk.cli.MemberDeskCommand;
import org.slf4j.LoggerFactory;

/**
 * The jar's main class (a plain main, so the JavaFX runtime checks do not apply): runs the
 * {@code memberdesk} command line and exits with its code. Nothing here logs before the command
 * line has chosen the data directory, because the log file lives there.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        // Logback reports its own trouble (say, a log directory it cannot create) on stdout, which
        // belongs to the command's output: keep it quiet unless someone asked otherwise.
        if (System.getProperty("logback.statusListenerClass") == null) {
            System.setProperty("logback.statusListenerClass", "ch.qos.logback.core.status.NopStatusListener");
        }
        int exitCode = MemberDeskCommand.commandLine(args, MemberDeskApp::launchConsole, Launcher::logUnexpected)
                .execute(args);
        System.exit(exitCode);
    }

    private static void logUnexpected(Throwable failure) {
        LoggerFactory.getLogger(Launcher.class).error("command failed unexpectedly", failure);
    }
}
