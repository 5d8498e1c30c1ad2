package org.memberdesk.ui.viewmodel.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.service.Actor;
import org.memberdesk.service.Services;
import org.memberdesk.service.demo.DemoData;
import org.memberdesk.service.importing.ImportProgress;
import org.memberdesk.testsupport.TestClock;
import org.memberdesk.testsupport.TestServices;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.common.RecordingDialogService;
import org.memberdesk.ui.common.RecordingFilePicker;
import org.memberdesk.ui.common.TestExecutor;
import org.memberdesk.ui.viewmodel.DemoDirectory;
import org.memberdesk.ui.viewmodel.DisplayTime;
import org.memberdesk.ui.viewmodel.insight.ImportViewModel.State;

/** Import contacts over the demo data: a preview that writes nothing, then one transaction, or none. */
class ImportViewModelTest {

    @TempDir
    static Path dir;
    @TempDir
    Path files;
    static final TestClock CLOCK = TestClock.at(TestServices.START);
    static Services services;
    final Messages messages = Messages.load();
    final TestExecutor executor = TestExecutor.currentThread();
    int imported;

    @BeforeAll
    static void seed() {
        services = DemoDirectory.seeded(dir, CLOCK);
    }

    @AfterAll
    static void close() {
        services.close();
    }

    private ImportViewModel importer(Services on, RecordingFilePicker picker) {
        InsightTools tools = new InsightTools(executor, RecordingDialogService.accepting(), picker, messages,
                new DisplayTime(ZoneOffset.UTC, messages.locale()), Actor.agent("Sam (support)"));
        return new ImportViewModel(on.contactImport(), tools, () -> imported++);
    }

    private Path csv(String name, String text) throws IOException {
        Path file = files.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private boolean exists(String email) {
        return services.contacts().find(email, 5).stream().anyMatch(c -> c.email().equals(email));
    }

    private static final String MIXED = "email,name,tags,offer,shoe_size\n"
            + "nina.new@example.com,Nina New,vip;csv,Momentum Membership,38\n"
            + "not-an-email,Bad Row,,,40\n"
            + "otto.offer@example.com,Otto Offer,,No Such Offer,41\n"
            + "nina.new@example.com,Nina Again,,Momentum Membership,38\n"
            + "dana.whitfield@example.com,Dana,,Momentum Membership,39\n"
            + "two@@example.com,Q,,,1\n"
            + "pia.plain@example.com,Pia Plain,,,37\n";

    @Test
    void thePreviewListsBadRowsWithLineAndReasonAndWritesNothing() throws IOException {
        Path file = csv("mixed.csv", MIXED);
        RecordingFilePicker picker = RecordingFilePicker.answering(file);
        ImportViewModel importer = importer(services, picker);
        long before = services.contacts().count();

        importer.chooseFile();

        assertThat(picker.asked()).containsExactly("Import contacts from CSV");
        assertThat(importer.errorProperty().get()).isEmpty();
        assertThat(importer.stateProperty().get()).isEqualTo(State.PREVIEWED);
        assertThat(importer.fileProperty().get()).isEqualTo(file.toString());
        assertThat(importer.problems()).filteredOn(ProblemRow::error).extracting(ProblemRow::line)
                .containsExactly(3, 4, 5, 7);
        assertThat(importer.problems()).filteredOn(p -> p.line() == 3).singleElement()
                .satisfies(p -> assertThat(p.reason()).isEqualTo("'not-an-email' is not a valid email address"));
        assertThat(importer.problems()).filteredOn(p -> p.line() == 4).singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("unknown offer 'No Such Offer'"));
        assertThat(importer.problems()).filteredOn(p -> p.line() == 5).singleElement()
                .satisfies(p -> assertThat(p.reason()).startsWith("duplicate of line 2"));
        assertThat(importer.problems()).filteredOn(p -> !p.error()).singleElement().satisfies(notice -> {
            assertThat(notice.line()).isEqualTo(6);
            assertThat(notice.reason()).contains("already has active access");
        });
        assertThat(importer.summaryProperty().get()).startsWith("7 rows: 3 valid, 4 refused")
                .contains("2 new contacts").contains("1 grant to add, 1 already active");
        assertThat(importer.unknownColumnsProperty().get()).isEqualTo("Ignored columns: shoe_size");
        assertThat(importer.welcomeEmailsProperty().get()).startsWith("Welcome emails this import will trigger: 1 \u2014 1 grant fires");
        assertThat(importer.canImportProperty().get()).isTrue();
        assertThat(importer.progressProperty().get()).isEqualTo(1.0);

        importer.noTriggersProperty().set(true);
        assertThat(importer.welcomeEmailsProperty().get()).startsWith("Welcome emails this import will trigger: none");

        assertThat(services.contacts().count()).isEqualTo(before);
        assertThat(exists("nina.new@example.com")).isFalse();
        assertThat(imported).isZero();
    }

    @Test
    void importWritesTheValidRowsInTheBackgroundAndRefreshesTheConsole() throws IOException {
        Path file = csv("mixed2.csv", MIXED.replace("nina.new", "nora.new").replace("pia.plain", "pete.plain"));
        ImportViewModel importer = importer(services, RecordingFilePicker.cancelling());
        importer.previewFile(file);
        long before = services.contacts().count();
        executor.holdWork();

        importer.importRows();

        assertThat(importer.stateProperty().get()).isEqualTo(State.IMPORTING);
        assertThat(importer.busyProperty().get()).isTrue();
        assertThat(importer.canImportProperty().get()).isFalse();
        assertThat(exists("nora.new@example.com")).isFalse();
        executor.runHeldWork();

        assertThat(importer.stateProperty().get()).isEqualTo(State.IMPORTED);
        assertThat(services.contacts().count()).isEqualTo(before + 2);
        assertThat(exists("nora.new@example.com")).isTrue();
        assertThat(exists("pete.plain@example.com")).isTrue();
        assertThat(importer.resultProperty().get()).startsWith("Imported 3 rows: 2 new contacts, 1 grant added,"
                + " 4 refused, 1 workflow trigger fired");
        assertThat(imported).isEqualTo(1);
    }

    @Test
    void cancellingAnImportWritesNothing() throws IOException {
        Path file = csv("cancel.csv", "email,name\ncarl.cancel@example.com,Carl\n");
        ImportViewModel importer = importer(services, RecordingFilePicker.cancelling());
        importer.previewFile(file);
        executor.holdWork();
        importer.importRows();

        importer.cancel();
        assertThat(importer.progressTextProperty().get()).startsWith("Cancelling");
        executor.runHeldWork();

        assertThat(importer.stateProperty().get()).isEqualTo(State.CANCELLED);
        assertThat(importer.resultProperty().get()).isEqualTo("Import cancelled: nothing was written.");
        assertThat(exists("carl.cancel@example.com")).isFalse();
        assertThat(imported).isZero();
    }

    @Test
    void anEmptyFileIsRefusedWithItsReason() throws IOException {
        ImportViewModel importer = importer(services, RecordingFilePicker.cancelling());

        importer.previewFile(csv("empty.csv", ""));

        assertThat(importer.stateProperty().get()).isEqualTo(State.FAILED);
        assertThat(importer.errorProperty().get()).contains("is empty");
        assertThat(importer.canImportProperty().get()).isFalse();
    }

    @Test
    void cancellingTheFileDialogDoesNothing() {
        ImportViewModel importer = importer(services, RecordingFilePicker.cancelling());
        int before = executor.submitted();

        importer.chooseFile();

        assertThat(executor.submitted()).isEqualTo(before);
        assertThat(importer.stateProperty().get()).isEqualTo(State.CHOOSING);
    }

    @Test
    void aHundredThousandRowsImportWithAFewHundredProgressUpdatesAtMost(@TempDir Path bigDir) throws IOException {
        Path file = files.resolve("big.csv");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("email,name,tags,offer\n");
            for (int i = 0; i < 100_000; i++) {
                out.write("member" + i + "@example.com,Member " + i + ",bulk," + (i % 2 == 0 ? DemoData.MEMBERSHIP
                        : "") + "\n");
            }
        }
        try (Services big = TestServices.open(bigDir, CLOCK)) {
            big.offers().create(DemoData.MEMBERSHIP, null, Actor.agent("Sam (support)"));
            ImportViewModel importer = importer(big, RecordingFilePicker.cancelling());
            List<Double> shown = new ArrayList<>();
            importer.progressProperty().addListener((o, before, now) -> shown.add(now.doubleValue()));

            importer.previewFile(file);
            assertThat(importer.summaryProperty().get()).startsWith("100,000 rows: 100,000 valid, 0 refused");
            int previewUpdates = shown.size();
            shown.clear();
            importer.noTriggersProperty().set(true);
            importer.importRows();

            assertThat(importer.stateProperty().get()).isEqualTo(State.IMPORTED);
            assertThat(big.contacts().count()).isEqualTo(100_000);
            assertThat(previewUpdates).isBetween(3, 210);
            assertThat(shown.size()).isBetween(3, 310);
            List<Double> bar = shown.subList(1, shown.size());
            assertThat(bar).isSorted();
            assertThat(bar.get(bar.size() - 1)).isEqualTo(1.0);
        }
    }

    @Test
    void oneBarCoversThePhasesInOrder() {
        assertThat(ImportViewModel.overall(true, ImportProgress.Phase.READING, 1)).isEqualTo(0.25);
        assertThat(ImportViewModel.overall(true, ImportProgress.Phase.CHECKING, 0.5)).isEqualTo(0.325);
        assertThat(ImportViewModel.overall(true, ImportProgress.Phase.WRITING, 1)).isEqualTo(1.0);
        assertThat(ImportViewModel.overall(false, ImportProgress.Phase.READING, 0.5)).isEqualTo(0.3);
        assertThat(ImportViewModel.overall(false, ImportProgress.Phase.CHECKING, 1)).isEqualTo(1.0);
    }
}
