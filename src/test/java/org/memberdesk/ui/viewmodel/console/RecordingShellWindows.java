package org.memberdesk.ui.viewmodel.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Keeps the welcome, the questions, Settings → Database, the shortcuts and About the console asked to show; answers with {@link #answer}. */
final class RecordingShellWindows implements ShellWindows {
    final List<WelcomeViewModel> welcomes = new ArrayList<>();
    final List<String> asked = new ArrayList<>();
    final List<Shortcut> shortcuts = new ArrayList<>();
    final List<About> abouts = new ArrayList<>();
    final List<DatabaseSettingsViewModel> databaseSettings = new ArrayList<>();
    Optional<String> answer = Optional.empty();

    @Override
    public void showWelcome(WelcomeViewModel model) {
        welcomes.add(model);
    }

    @Override
    public Optional<String> askText(String title, String question, String label, String initial) {
        asked.add(initial);
        return answer;
    }

    @Override
    public void showDatabaseSettings(DatabaseSettingsViewModel model) {
        databaseSettings.add(model);
    }

    @Override
    public void showShortcuts(List<Shortcut> list) {
        shortcuts.addAll(list);
    }

    @Override
    public void showAbout(About about) {
        abouts.add(about);
    }
}
