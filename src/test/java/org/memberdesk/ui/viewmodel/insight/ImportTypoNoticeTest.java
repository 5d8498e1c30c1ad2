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
                    + " dana@gmail.com? The row is imported as written.");
        });
        assertThat(importer.canImportProperty().get()).isTrue();
    }
}
