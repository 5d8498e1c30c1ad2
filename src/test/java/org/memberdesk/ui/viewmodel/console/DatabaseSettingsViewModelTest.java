package org.memberdesk.ui.viewmodel.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.service.UserError;
import org.memberdesk.service.storage.DataDirectory;
import org.memberdesk.service.storage.DatabaseChoice;
import org.memberdesk.service.storage.DatabaseSettingsService;
import org.memberdesk.service.storage.SavedDatabase;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.common.RecordingDialogService;
import org.memberdesk.ui.common.RecordingLinkOpener;
import org.memberdesk.ui.common.TestExecutor;
import org.memberdesk.ui.viewmodel.RecordingContactWindows;
import org.memberdesk.ui.viewmodel.RecordingMailWindows;
import org.memberdesk.ui.viewmodel.TestConsoles;
import org.memberdesk.ui.viewmodel.Tone;

/** Settings → Database over the real settings in a data directory: choose, test, save for the next start. */
class DatabaseSettingsViewModelTest {

    private static final String SERVER = "postgresql://desk@db.example.com:5432/memberdesk";

    @TempDir
    Path dir;
    final Messages messages = Messages.load();
    final TestExecutor executor = TestExecutor.currentThread();

    private DatabaseSettingsViewModel form(Map<String, String> env) {
        DatabaseSettingsViewModel form = new DatabaseSettingsViewModel(
                new DatabaseSettingsService(new DataDirectory(dir), env), executor, messages);
        form.load();
        return form;
    }

    @Test
    void aNewDeskUsesItsOwnDatabaseAndCannotTestAServer() {
        DatabaseSettingsViewModel form = form(Map.of());

        assertThat(form.sharedProperty().get()).isFalse();
        assertThat(form.inUseProperty().get()).isEqualTo("In use now: SQLite: " + dir.resolve("memberdesk.db"));
        assertThat(form.environmentNoteProperty().get()).isEmpty();
        assertThat(form.canSave().get()).isTrue();
        assertThat(form.canTest().get()).isFalse();
    }

    @Test
    void aUrlWithAPasswordIsMarkedOnTheFieldAndNothingIsSaved() {
        DatabaseSettingsViewModel form = form(Map.of());
        form.sharedProperty().set(true);
        form.urlProperty().set("postgresql://desk:s3cret@db.example.com/memberdesk");

        form.save();

        assertThat(form.urlErrorProperty().get()).contains("carries a password").doesNotContain("s3cret");
        assertThat(form.outcomeProperty().get()).startsWith("Not saved:");
        assertThat(form.outcomeToneProperty().get()).isEqualTo(Tone.BAD);
        assertThat(new SavedDatabase(new DataDirectory(dir)).url()).isEmpty();

        form.urlProperty().set(SERVER);
        assertThat(form.urlErrorProperty().get()).as("editing the URL clears the mark").isEmpty();
    }

    @Test
    void savingAServerKeepsItForTheNextStartAndSayingSo() {
        DatabaseSettingsViewModel form = form(Map.of());
        form.sharedProperty().set(true);
        form.urlProperty().set(SERVER);
        form.passwordProperty().set("team-Secret-4711");

        form.save();

        assertThat(form.outcomeProperty().get())
                .isEqualTo("Saved. MemberDesk uses the PostgreSQL server db.example.com:5432/memberdesk when it"
                        + " starts again.");
        assertThat(form.outcomeToneProperty().get()).isEqualTo(Tone.GOOD);
        assertThat(form.passwordProperty().get()).as("the typed password leaves the form").isEmpty();
        assertThat(form.passwordStoredProperty().get()).isTrue();
        assertThat(form.inUseProperty().get()).isEqualTo("In use now: PostgreSQL: db.example.com:5432/memberdesk");
        SavedDatabase saved = new SavedDatabase(new DataDirectory(dir));
        assertThat(saved.url()).contains(SERVER);
        assertThat(saved.password()).contains("team-Secret-4711");

        DatabaseSettingsViewModel again = form(Map.of());
        assertThat(again.sharedProperty().get()).isTrue();
        assertThat(again.urlProperty().get()).isEqualTo(SERVER);

        again.sharedProperty().set(false);
        again.save();
        assertThat(again.outcomeProperty().get()).isEqualTo(
                "Saved. MemberDesk uses this desk\u2019s own database when it starts again.");
        assertThat(saved.url()).isEmpty();
        assertThat(saved.passwordStored()).isFalse();
    }

    @Test
    void testingAClosedPortShowsTheErrorAndMarksTheUrl() {
        DatabaseSettingsViewModel form = form(Map.of());
        form.sharedProperty().set(true);
        form.urlProperty().set("postgresql://memberdesk@localhost:1/memberdesk");

        form.testConnection();

        assertThat(form.testOutcomeProperty().get()).startsWith("Not connected: the PostgreSQL server localhost:1/"
                + "memberdesk cannot be reached");
        assertThat(form.testToneProperty().get()).isEqualTo(Tone.BAD);
        assertThat(form.urlErrorProperty().get()).contains("localhost:1/memberdesk cannot be reached");
        assertThat(form.busyProperty().get()).isFalse();
        assertThat(new SavedDatabase(new DataDirectory(dir)).url()).as("a test saves nothing").isEmpty();
    }

    @Test
    void theEnvironmentUrlIsNamedAsWinningOverWhatIsSaved() {
        DatabaseSettingsViewModel form = form(Map.of(DatabaseChoice.URL_ENV, "postgresql://ops@team.example.org/desk"));

        assertThat(form.environmentNoteProperty().get())
                .startsWith("MEMBERDESK_DATABASE_URL is set (postgresql://ops@team.example.org/desk): it wins");
        assertThat(form.inUseProperty().get()).isEqualTo("In use now: PostgreSQL: team.example.org:5432/desk");
    }

    @Test
    void theConsoleNamesTheSavedServerAndOffersTheDialogWhenItCannotOpenIt() {
        new DatabaseSettingsService(new DataDirectory(dir), Map.of()).saveServer(SERVER, Optional.empty(), false);
        RecordingShellWindows shellWindows = new RecordingShellWindows();
        ConsoleShell shell = new ConsoleShell(PortalHost.NONE, shellWindows, new RecordingLinkOpener(), Map.of(),
                "1.2.3", () -> false);
        ConsoleViewModel console = TestConsoles.console(dir, () -> {
            throw new UserError("Database unreachable: the PostgreSQL server db.example.com:5432/memberdesk cannot"
                    + " be reached");
        }, TestConsoles.tools(executor, RecordingDialogService.accepting(), messages, new RecordingContactWindows(),
                new RecordingMailWindows()), shell);
        assertThat(console.databaseProperty().get()).isEqualTo("Data directory: " + dir);

        console.start();

        assertThat(console.phaseProperty().get()).isEqualTo(ConsoleViewModel.Phase.FAILED);
        assertThat(console.databaseProperty().get()).isEqualTo("PostgreSQL: db.example.com:5432/memberdesk");
        console.openDatabaseSettings();
        assertThat(shellWindows.databaseSettings).singleElement()
                .satisfies(model -> assertThat(model.canSave().get()).as("not loaded until shown").isFalse());
    }
}
