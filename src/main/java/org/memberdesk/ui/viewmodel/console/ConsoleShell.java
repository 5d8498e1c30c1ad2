package org.memberdesk.ui.viewmodel.console;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.memberdesk.ui.common.LinkOpener;

/**
 * What the main window needs from the application besides the back end: the portal it runs, its
 * own dialogs, the browser, the environment (MEMBERDESK_AGENT), the app's version and how to ask the
 * OS whether it prefers a dark theme.
 */
public record ConsoleShell(PortalHost portal, ShellWindows windows, LinkOpener browser,
                           Map<String, String> environment, String version, Callable<Boolean> systemPrefersDark) {

    public ConsoleShell {
        Objects.requireNonNull(windows);
        environment = Map.copyOf(environment);
    }

    /**
     * No portal and no welcome window: an empty database is offered demo data with a plain question,
     * as before the welcome existed. For tests of other parts of the console.
     */
    public static ConsoleShell none() {
        return new ConsoleShell(PortalHost.NONE, ShellWindows.NONE, url -> { }, Map.of(), "dev", () -> false);
    }
}
