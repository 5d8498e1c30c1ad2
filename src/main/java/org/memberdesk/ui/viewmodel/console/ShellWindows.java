package org.memberdesk.ui.viewmodel.console;

import java.util.List;
import java.util.Optional;

/** The main window's own dialogs: the first-run welcome, the agent name, the shortcut list and About. */
public interface ShellWindows {

    /** Shows the welcome; it closes itself once the model is {@code done}, and closing it early dismisses it. */
    void showWelcome(WelcomeViewModel model);

    /** Asks for one line of text; empty when cancelled. */
    Optional<String> askText(String title, String question, String label, String initial);

    void showShortcuts(List<Shortcut> shortcuts);

    void showAbout(About about);
}
