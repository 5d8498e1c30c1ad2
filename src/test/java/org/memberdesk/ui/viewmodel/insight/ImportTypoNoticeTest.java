package org.memberdesk.ui.viewmodel.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.service.Actor;
import org.memberdesk.testsupport.ServicesCase;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.common.RecordingDialogService;
import org.memberdesk.ui.common.RecordingFilePicker;
import org.memberdesk.ui.common.TestExecutor;
import org.memberdesk.ui.viewmodel.DisplayTime;

/** The import preview notes a row whose address looks mistyped, naming the address it most likely meant. */
class ImportTypoNoticeTest extends ServicesCase {

    @TempDir
    Path files;

    @Test
    void aRowWithALikelyTypoGetsANoteWithTheSuggestedAddress() throws IOException {
        Path file = files.resolve("typos.csv");
        Files.writeString(file, "email,name\nkim@ymail.com,Kim\ndana@gmial.com,Dana\n", StandardCharsets.UTF_8);
        Messages messages = Messages.load();
        InsightTools tools = new InsightTools(TestExecutor.currentThread(), RecordingDialogService.accepting(),
                RecordingFilePicker.answering(file), messages, new DisplayTime(ZoneOffset.UTC, messages.locale()),
                Actor.agent("Sam (support)"));
        ImportViewModel importer = new ImportViewModel(services.contactImport(), tools, () -> { });

        importer.chooseFile();

        assertThat(importer.problems()).singleElement().satisfies(notice -> {
            assertThat(notice.error()).isFalse();
            assertThat(notice.line()).isEqualTo(3);
            assertThat(notice.email()).isEqualTo("dana@gmial.com");
            assertThat(notice.reason()).isEqualTo("gmial.com looks like a typo of gmail.com: did you mean"
                    + " dana@gmail.com? The row is imported as written unless you use the suggested address.");
            assertThat(notice.suggestedEmail()).isEqualTo("dana@gmail.com");
        });
        assertThat(importer.canImportProperty().get()).isTrue();
    }

    @Test
    void takingTheSuggestionImportsTheRowWithTheSuggestedAddressAndLeavesTheFileAlone() throws IOException {
        Path file = files.resolve("typos.csv");
        String csv = "email,name\nkim@ymail.com,Kim\ndana@gmial.com,Dana\nlee@hotmial.com,Lee\n";
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        ImportViewModel importer = importer(file);
        importer.chooseFile();
        assertThat(importer.problems()).hasSize(2);

        importer.takeSuggestion(importer.problems().get(0));

        assertThat(importer.problems()).singleElement().satisfies(left ->
                assertThat(left.email()).isEqualTo("lee@hotmial.com"));
        assertThat(importer.summaryProperty().get()).endsWith("Suggested address used on line 3 (the file is not changed).");
        importer.importRows();

        assertThat(importer.stateProperty().get()).isEqualTo(ImportViewModel.State.IMPORTED);
        assertThat(services.contacts().find("dana", 10)).extracting(c -> c.email()).containsExactly("dana@gmail.com");
        assertThat(services.contacts().find("lee", 10)).extracting(c -> c.email()).containsExactly("lee@hotmial.com");
        assertThat(services.contacts().find("kim", 10)).extracting(c -> c.email()).containsExactly("kim@ymail.com");
        assertThat(Files.readString(file)).isEqualTo(csv);
    }

    @Test
    void allSuggestionsAtOnceAndANewFileStartsWithNone() throws IOException {
        Path file = files.resolve("typos.csv");
        Files.writeString(file, "email,name\ndana@gmial.com,Dana\nlee@hotmial.com,Lee\n", StandardCharsets.UTF_8);
        ImportViewModel importer = importer(file);
        importer.chooseFile();

        importer.takeAllSuggestions();

        assertThat(importer.problems()).isEmpty();
        assertThat(importer.summaryProperty().get()).contains("Suggested address used on lines 2, 3");
        importer.previewFile(file);
        assertThat(importer.problems()).hasSize(2);
    }

    private ImportViewModel importer(Path file) {
        Messages messages = Messages.load();
        InsightTools tools = new InsightTools(TestExecutor.currentThread(), RecordingDialogService.accepting(),
                RecordingFilePicker.answering(file), messages, new DisplayTime(ZoneOffset.UTC, messages.locale()),
                Actor.agent("Sam (support)"));
        return new ImportViewModel(services.contactImport(), tools, () -> { });
    }
}
