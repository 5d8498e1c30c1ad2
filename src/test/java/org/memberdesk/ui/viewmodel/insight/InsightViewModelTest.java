package org.memberdesk.ui.viewmodel.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.service.Services;
import org.memberdesk.testsupport.TestClock;
import org.memberdesk.testsupport.TestServices;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.common.RecordingDialogService;
import org.memberdesk.ui.common.RecordingFilePicker;
import org.memberdesk.ui.common.TestExecutor;
import org.memberdesk.ui.viewmodel.DemoDirectory;
import org.memberdesk.ui.viewmodel.RecordingContactWindows;
import org.memberdesk.ui.viewmodel.RecordingInsightWindows;
import org.memberdesk.ui.viewmodel.RecordingMailWindows;
import org.memberdesk.ui.viewmodel.TestConsoles;
import org.memberdesk.ui.viewmodel.console.ConsoleViewModel;
import org.memberdesk.ui.viewmodel.contact.ContactViewModel;
import org.memberdesk.ui.viewmodel.workflow.WorkflowWindows;

/** The console's wiring of Diagnose, Activity and Import contacts, over a demo data directory. */
class InsightViewModelTest {

    @TempDir
    Path dir;
    @TempDir
    Path files;
    final TestClock clock = TestClock.at(TestServices.START);
    final Messages messages = Messages.load();
    final TestExecutor executor = TestExecutor.currentThread();
    final RecordingDialogService dialogs = RecordingDialogService.accepting();
    final RecordingInsightWindows windows = new RecordingInsightWindows();
    final RecordingContactWindows contactWindows = new RecordingContactWindows();
    final List<ContactViewModel> contacts = contactWindows.shown;
    ConsoleViewModel console;

    @AfterEach
    void close() {
        if (console != null) {
            console.close();
        }
    }

    private ConsoleViewModel console(RecordingFilePicker picker) {
        try (Services seeded = DemoDirectory.seeded(dir, clock)) {
            assertThat(seeded.contacts().count()).isPositive();
        }
        console = TestConsoles.console(dir, clock, TestConsoles.tools(executor, dialogs, messages, contactWindows,
                new RecordingMailWindows(), WorkflowWindows.NONE, windows, picker));
        return console;
    }

    @Test
    void nothingOpensBeforeTheDatabaseIsOpenAndEverythingAfter() {
        ConsoleViewModel console = console(RecordingFilePicker.cancelling());
        assertThat(console.sessionProperty().get()).as("no Activity nor Import before the database is open").isNull();
        assertThat(windows.activity).isEmpty();
        assertThat(windows.imports).isEmpty();

        console.start();
        console.sessionProperty().get().insight().openActivity();
        console.sessionProperty().get().importContacts();

        assertThat(console.sessionProperty().get()).isNotNull();
        assertThat(windows.activity).singleElement()
                .satisfies(activity -> {
                    assertThat(activity.countTextProperty().get()).matches("Showing \\d+ of \\d+ events?");
                    assertThat(activity.agentChoices()).first().isEqualTo("Any");
                    assertThat(activity.errorProperty().get()).isEmpty();
                });
        assertThat(windows.imports).hasSize(1);

        console.close();
        assertThat(console.sessionProperty().get()).isNull();
    }

    @Test
    void theContactWindowsDiagnoseButtonOpensDiagnoseForThatContactAndAFixReloadsIt() {
        ConsoleViewModel console = console(RecordingFilePicker.cancelling());
        console.start();
        console.list().queryProperty().set("ben carter");
        console.openSelected();
        ContactViewModel ben = contacts.get(0);
        assertThat(ben.accessSummaryProperty().get()).endsWith(", locked");

        ben.diagnose();

        assertThat(windows.diagnoseIds).containsExactly(ben.contactId());
        DiagnoseViewModel diagnose = windows.diagnose.get(0);
        assertThat(diagnose.contactNameProperty().get()).isEqualTo("Ben Carter");
        diagnose.questionProperty().set(DiagnoseViewModel.Question.NOT_SURE);
        diagnose.run();
        diagnose.apply(diagnose.findings().get(0).fixes().get(0));

        assertThat(ben.accessSummaryProperty().get()).endsWith(", not locked");
    }

    @Test
    void anOpenOffersFixSelectsTheOffersTabOfTheContactWindow() {
        ConsoleViewModel console = console(RecordingFilePicker.cancelling());
        console.start();
        console.list().queryProperty().set("leo martins");
        console.openSelected();
        ContactViewModel leo = contacts.get(0);
        leo.diagnose();
        DiagnoseViewModel diagnose = windows.diagnose.get(0);
        diagnose.questionProperty().set(DiagnoseViewModel.Question.NOT_SURE);
        diagnose.run();
        int before = leo.offersRequestsProperty().get();

        diagnose.apply(diagnose.findings().get(0).fixes().get(0));

        assertThat(leo.offersRequestsProperty().get()).isEqualTo(before + 1);
    }

    @Test
    void anImportRefreshesTheContactListAndItsCount() throws IOException {
        Path file = files.resolve("new.csv");
        Files.writeString(file, "email,name\nzed.zimmer@example.com,Zed Zimmer\n", StandardCharsets.UTF_8);
        ConsoleViewModel console = console(RecordingFilePicker.answering(file));
        console.start();
        String countBefore = console.status().contactCountProperty().get();
        console.list().queryProperty().set("zed zimmer");
        assertThat(console.list().results()).isEmpty();

        console.sessionProperty().get().importContacts();
        ImportViewModel importer = windows.imports.get(0);
        importer.chooseFile();
        importer.importRows();

        assertThat(importer.stateProperty().get()).isEqualTo(ImportViewModel.State.IMPORTED);
        assertThat(console.list().results()).extracting(row -> row.email()).containsExactly("zed.zimmer@example.com");
        assertThat(console.status().contactCountProperty().get()).isNotEqualTo(countBefore);
    }
}
