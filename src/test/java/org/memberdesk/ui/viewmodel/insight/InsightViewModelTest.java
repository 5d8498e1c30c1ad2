package org.memberdesk.ui.viewmodel.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.service.Services;
import org.memberdesk.service.storage.DataDirectory;
import org.memberdesk.testsupport.TestClock;
import org.memberdesk.testsupport.TestServices;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.common.RecordingClipboard;
import org.memberdesk.ui.common.RecordingDialogService;
import org.memberdesk.ui.common.RecordingFilePicker;
import org.memberdesk.ui.common.RecordingLinkOpener;
import org.memberdesk.ui.common.TestExecutor;
import org.memberdesk.ui.viewmodel.DemoDirectory;
import org.memberdesk.ui.viewmodel.RecordingContactWindows;
import org.memberdesk.ui.viewmodel.RecordingMailWindows;
import org.memberdesk.ui.viewmodel.console.ConsoleViewModel;
import org.memberdesk.ui.viewmodel.contact.ContactViewModel;
import org.memberdesk.ui.viewmodel.mail.MailViewModel;

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
        MailViewModel mail = new MailViewModel(executor, dialogs, new RecordingMailWindows(), new RecordingClipboard(),
                new RecordingLinkOpener(), messages);
        console = new ConsoleViewModel(new DataDirectory(dir), () -> TestServices.open(dir, clock), executor, dialogs,
                contactWindows, mail, messages);
        console.useInsight(new InsightViewModel(executor, dialogs, windows, picker, messages));
        return console;
    }

    @Test
    void nothingOpensBeforeTheDatabaseIsOpenAndEverythingAfter() {
        ConsoleViewModel console = console(RecordingFilePicker.cancelling());
        console.openActivity();
        console.importContacts();
        assertThat(console.insight().connectedProperty().get()).isFalse();
        assertThat(windows.activity).isEmpty();
        assertThat(windows.imports).isEmpty();

        console.start();
        console.openActivity();
        console.importContacts();

        assertThat(console.insight().connectedProperty().get()).isTrue();
        assertThat(windows.activity).singleElement()
                .satisfies(activity -> {
                    assertThat(activity.countTextProperty().get()).matches("Showing \\d+ of \\d+ events?");
                    assertThat(activity.agentChoices()).first().isEqualTo("Any");
                    assertThat(activity.errorProperty().get()).isEmpty();
                });
        assertThat(windows.imports).hasSize(1);

        console.close();
        assertThat(console.insight().connectedProperty().get()).isFalse();
    }

    @Test
    void theContactWindowsDiagnoseButtonOpensDiagnoseForThatContactAndAFixReloadsIt() {
        ConsoleViewModel console = console(RecordingFilePicker.cancelling());
        console.start();
        console.search().queryProperty().set("ben carter");
        console.openSelected();
        ContactViewModel ben = contacts.get(0);
        assertThat(ben.canDiagnoseProperty().get()).isTrue();
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
        console.search().queryProperty().set("leo martins");
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
        String countBefore = console.contactCountProperty().get();
        console.search().queryProperty().set("zed zimmer");
        assertThat(console.search().results()).isEmpty();

        console.importContacts();
        ImportViewModel importer = windows.imports.get(0);
        importer.chooseFile();
        importer.importRows();

        assertThat(importer.stateProperty().get()).isEqualTo(ImportViewModel.State.IMPORTED);
        assertThat(console.search().results()).extracting(row -> row.email()).containsExactly("zed.zimmer@example.com");
        assertThat(console.contactCountProperty().get()).isNotEqualTo(countBefore);
    }

    static final class RecordingInsightWindows implements InsightWindows {
        final List<UUID> diagnoseIds = new ArrayList<>();
        final List<DiagnoseViewModel> diagnose = new ArrayList<>();
        final List<ActivityViewModel> activity = new ArrayList<>();
        final List<ImportViewModel> imports = new ArrayList<>();

        @Override
        public void showDiagnose(UUID contactId, Supplier<DiagnoseViewModel> model) {
            diagnoseIds.add(contactId);
            diagnose.add(model.get());
        }

        @Override
        public void showActivity(Supplier<ActivityViewModel> model) {
            activity.add(model.get());
        }

        @Override
        public void showImport(Supplier<ImportViewModel> model) {
            imports.add(model.get());
        }
    }
}
