package org.memberdesk.ui.viewmodel.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.persistence.DatabaseCopy;
import org.memberdesk.service.Services;
import org.memberdesk.testsupport.TestClock;
import org.memberdesk.testsupport.TestServices;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.common.RecordingDialogService;
import org.memberdesk.ui.common.TestExecutor;
import org.memberdesk.ui.viewmodel.DemoDirectory;
import org.memberdesk.ui.viewmodel.RecordingContactWindows;
import org.memberdesk.ui.viewmodel.RecordingMailWindows;
import org.memberdesk.ui.viewmodel.TestConsoles;

/** File → Back up…: the copy runs through the view model's executor; a notification says where and how big. */
class BackupViewModelTest {

    @TempDir
    Path dir;
    final TestClock clock = TestClock.at(TestServices.START);
    final Messages messages = Messages.load();
    final TestExecutor executor = TestExecutor.currentThread();
    ConsoleViewModel console;

    @AfterEach
    void close() {
        if (console != null) {
            console.close();
        }
    }

    @Test
    void backUpWritesTheCopyAndSaysWhereAndHowBig() throws Exception {
        Path data = dir.resolve("data");
        long contacts;
        try (Services seeded = DemoDirectory.seeded(data, clock)) {
            contacts = seeded.contacts().count();
        }
        RecordingDialogService dialogs = RecordingDialogService.accepting();
        console = TestConsoles.console(data, clock, TestConsoles.tools(executor, dialogs, messages,
                new RecordingContactWindows(), new RecordingMailWindows()));
        console.start();
        assertThat(console.sessionProperty().get().backup().suggestedName()).isEqualTo("memberdesk-backup-2026-03-02.db");
        Path target = dir.resolve(console.sessionProperty().get().backup().suggestedName());

        console.sessionProperty().get().backup().backUp(target);

        assertThat(dialogs.errors()).isEmpty();
        assertThat(console.status().notificationProperty().get())
                .matches("Backed up " + contacts + " contacts \\(\\d+\\.\\d (KB|MB)\\) to " + java.util.regex.Pattern
                        .quote(target.toString()) + "\\.");
        assertThat(DatabaseCopy.problem(target)).isEmpty();
        assertThat(DatabaseCopy.summary(target).contacts()).isEqualTo(contacts);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-------");

        console.sessionProperty().get().backup().backUp(target);

        assertThat(dialogs.errors()).singleElement().satisfies(shown -> {
            assertThat(shown.title()).isEqualTo("Backup not written");
            assertThat(shown.message()).contains("already exists");
        });
    }
}
