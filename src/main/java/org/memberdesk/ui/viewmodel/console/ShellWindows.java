package org.memberdesk.ui.viewmodel.console;

import java.util.List;
import java.util.Optional;

/**
 * The main window's own dialogs: the first-run welcome, the agent name, Settings → Database, the
 * shortcut list and About.
 */
public interface ShellWindows {

    /**
     * No windows: no welcome (an empty database is offered demo data with a plain question instead),
     * no question answered, no list or About shown. For a console without a window.
     */
    ShellWindows NONE = new ShellWindows() {
        @Override
        public boolean welcomes() {
            return false;
        }

        @Override
        public void showWelcome(WelcomeViewModel model) {
        }

        @Override
        public Optional<String> askText(String title, String question, String label, String initial) {
            return Optional.empty();
        }

        @Override
        public void showDatabaseSettings(DatabaseSettingsViewModel model) {
        }

        @Override
        public void showShortcuts(List<Shortcut> shortcuts) {
        }

        @Override
        public void showAbout(About about) {
        }
    };

    /** True when a new data directory gets the welcome window. */
    default boolean welcomes() {
        return true;
    }

    /** Shows the welcome; it closes itself once the model is {@code done}, and closing it early dismisses it. */
    void showWelcome(WelcomeViewModel model);

    /** Asks for one line of text; empty when cancelled. */
    Optional<String> askText(String title, String question, String label, String initial);

    /** Shows Settings → Database (one at a time); the view model is loaded once the dialog shows. */
    void showDatabaseSettings(DatabaseSettingsViewModel model);

    void showShortcuts(List<Shortcut> shortcuts);

    void showAbout(About about);
}
