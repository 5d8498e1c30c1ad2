package org.memberdesk.ui.viewmodel.console;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import org.memberdesk.service.storage.BackupService;
import org.memberdesk.ui.common.BackgroundExecutor;
import org.memberdesk.ui.common.DialogService;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.viewmodel.Command;
import org.memberdesk.ui.viewmodel.Failures;

/**
 * File → Back up…: a consistent copy of the database to a new file the agent chose, written in the
 * background while everything else goes on; a notification says where and how big.
 */
public final class BackupViewModel {

    private final BackupService backups;
    private final Clock clock;
    private final ConsoleStatus status;
    private final Messages messages;
    private final Command backUp;

    public BackupViewModel(BackupService backups, Clock clock, ConsoleStatus status, BackgroundExecutor executor,
                           DialogService dialogs, Messages messages) {
        this.backups = backups;
        this.clock = clock;
        this.status = status;
        this.messages = messages;
        this.backUp = new Command(executor, failure -> {
            String reason = Failures.describe(failure, messages);
            status.say(reason);
            dialogs.showError(messages.get("backup.failed.title"), reason);
        });
    }

    /** The file name offered: the data directory's name and today's date. */
    public String suggestedName() {
        return "memberdesk-backup-" + LocalDate.now(clock) + ".db";
    }

    public void backUp(Path target) {
        if (!backUp.executableProperty().get()) {
            return;
        }
        status.say(messages.get("backup.running"));
        backUp.run(() -> backups.backUp(target), backup -> status.announce(messages.get("backup.done",
                backup.contacts(), size(backup.bytes()), backup.file().toString())));
    }

    public Command command() {
        return backUp;
    }

    private static String size(long bytes) {
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
