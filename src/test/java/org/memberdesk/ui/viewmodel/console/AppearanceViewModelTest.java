package org.memberdesk.ui.viewmodel.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.service.storage.ConsolePreferences;
import org.memberdesk.service.storage.DataDirectory;
import org.memberdesk.ui.common.TestExecutor;

/** View → Theme and Presenter mode, remembered in the data directory. */
class AppearanceViewModelTest {

    @TempDir
    Path dir;
    final TestExecutor executor = TestExecutor.currentThread();

    @Test
    void themeAndPresenterModeAreRememberedAcrossRestarts() {
        ConsolePreferences preferences = new ConsolePreferences(new DataDirectory(dir));
        AppearanceViewModel appearance = new AppearanceViewModel(preferences, executor, () -> false);
        appearance.load();
        assertThat(appearance.themeProperty().get()).isEqualTo(Theme.SYSTEM);
        assertThat(appearance.darkProperty().get()).as("System on a light desktop").isFalse();
        assertThat(appearance.presenterProperty().get()).isFalse();

        appearance.themeProperty().set(Theme.DARK);
        appearance.togglePresenter();
        assertThat(appearance.darkProperty().get()).isTrue();

        AppearanceViewModel restarted = new AppearanceViewModel(preferences, executor, () -> false);
        restarted.load();
        assertThat(restarted.themeProperty().get()).isEqualTo(Theme.DARK);
        assertThat(restarted.darkProperty().get()).isTrue();
        assertThat(restarted.presenterProperty().get()).isTrue();

        restarted.themeProperty().set(Theme.LIGHT);
        assertThat(restarted.darkProperty().get()).isFalse();
        assertThat(preferences.load()).containsEntry("console.theme", "light").containsEntry("console.presenter", "true");
    }

    @Test
    void systemThemeFollowsTheDesktop() {
        ConsolePreferences preferences = new ConsolePreferences(new DataDirectory(dir));
        AppearanceViewModel onDarkDesktop = new AppearanceViewModel(preferences, executor, () -> true);
        onDarkDesktop.load();
        assertThat(onDarkDesktop.darkProperty().get()).isTrue();
        onDarkDesktop.themeProperty().set(Theme.LIGHT);
        assertThat(onDarkDesktop.darkProperty().get()).isFalse();

        AppearanceViewModel unknown = new AppearanceViewModel(preferences, executor, () -> {
            throw new IllegalStateException("no desktop");
        });
        preferences.put(ConsolePreferences.THEME, "system");
        unknown.load();
        assertThat(unknown.darkProperty().get()).as("unknown means light").isFalse();
    }
}
