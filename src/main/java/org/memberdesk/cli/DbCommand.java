package org.memberdesk.cli;

import java.nio.file.Path;
import org.memberdesk.service.storage.BackupService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code memberdesk db ...}: the database of the data directory as a whole (backup, restore). */
@Command(name = "db", description = "The database as a whole: back it up, restore a backup.")
final class DbCommand implements Runnable {

    /** What {@code db backup --json} prints. */
    record BackupJson(String file, long bytes, long contacts) {
    }

    /** What {@code db restore --json} prints. */
    record RestoreJson(String from, String database, long bytes, long contacts, String schemaVersion) {
    }

    @Mixin
    private CliContext cli;

    @Override
    public void run() {
        throw cli.missingSubcommand();
    }

    @Command(name = "backup", description = "Writes a consistent copy of the database to a new file (owner-only),"
            + " also while the console or the portal work; never overwrites a file.")
    void backup(@Option(names = "--to", paramLabel = "FILE", required = true, description = "The new backup file.")
                Path to) {
        BackupService.Backup backup = new BackupService(cli.dataDirectory()).backUp(to);
        cli.output().change(new BackupJson(backup.file().toString(), backup.bytes(), backup.contacts()),
                "backed up " + backup.contacts() + " contacts (" + size(backup.bytes()) + ") to " + backup.file());
    }

    @Command(name = "restore", description = "Puts a backup into a data directory that holds no database"
            + " (a new --data-dir), then brings it up to date.")
    void restore(@Option(names = "--from", paramLabel = "FILE", required = true,
                         description = "A backup made by db backup.") Path from) {
        BackupService.Restore restore = new BackupService(cli.dataDirectory()).restore(from);
        cli.output().change(new RestoreJson(restore.from().toString(), restore.database().toString(), restore.bytes(),
                        restore.contacts(), restore.schemaVersion()),
                "restored " + restore.contacts() + " contacts (" + size(restore.bytes()) + ") from " + restore.from()
                        + " into " + restore.database());
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        if (bytes < 1024 * 1024) {
            return String.format(java.util.Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
