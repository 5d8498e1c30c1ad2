package org.memberdesk.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.memberdesk.service.storage.BackupService;
import org.memberdesk.service.storage.DatabaseService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code memberdesk db ...}: the database as a whole: which one is in use, backup and restore of a
 * data directory's SQLite file, and its copy to a shared PostgreSQL server (team mode).
 */
@Command(name = "db", description = "The database as a whole: which one is in use, back it up, restore a backup,"
        + " copy it to PostgreSQL.")
final class DbCommand implements Runnable {

    /** What {@code db backup --json} prints. */
    record BackupJson(String file, long bytes, long contacts) {
    }

    /** What {@code db restore --json} prints. */
    record RestoreJson(String from, String database, long bytes, long contacts, String schemaVersion) {
    }

    /** What {@code db info --json} prints. */
    record InfoJson(String engine, String database, String serverVersion, String schemaVersion, long contacts) {
    }

    /** What {@code db copy --json} prints: the target as shown (no password) and the rows per table. */
    record CopyJson(String to, long rows, List<TableJson> tables) {
    }

    record TableJson(String table, long source, long target) {
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
        BackupService.Backup backup = BackupService.of(cli.dataDirectory(), cli.env()).backUp(to);
        cli.output().change(new BackupJson(backup.file().toString(), backup.bytes(), backup.contacts()),
                "backed up " + backup.contacts() + " contacts (" + size(backup.bytes()) + ") to " + backup.file());
    }

    @Command(name = "restore", description = "Puts a backup into a data directory that holds no database"
            + " (a new --data-dir), then brings it up to date.")
    void restore(@Option(names = "--from", paramLabel = "FILE", required = true,
                         description = "A backup made by db backup.") Path from) {
        BackupService.Restore restore = BackupService.of(cli.dataDirectory(), cli.env()).restore(from);
        cli.output().change(new RestoreJson(restore.from().toString(), restore.database().toString(), restore.bytes(),
                        restore.contacts(), restore.schemaVersion()),
                "restored " + restore.contacts() + " contacts (" + size(restore.bytes()) + ") from " + restore.from()
                        + " into " + restore.database());
    }

    @Command(name = "info", description = "Which database is in use (the data dir's SQLite file, or the PostgreSQL"
            + " server of --database-url / $MEMBERDESK_DATABASE_URL), its version, schema version and contacts.")
    void info() {
        DatabaseService.Info info = new DatabaseService(cli.dataDirectory(), cli.env()).info();
        cli.output().change(new InfoJson(info.engine(), info.database(), info.serverVersion(), info.schemaVersion(),
                        info.contacts()),
                List.of("database: " + info.database() + " (" + ("postgresql".equals(info.engine()) ? "PostgreSQL"
                                : "SQLite") + ")",
                        "version:  " + info.serverVersion(),
                        "schema:   " + info.schemaVersion(),
                        "contacts: " + info.contacts()));
    }

    @Command(name = "copy", description = "Copies the data dir's SQLite database into an empty PostgreSQL database"
            + " (team mode), all or nothing, and compares the rows per table. The password comes from"
            + " $MEMBERDESK_DATABASE_PASSWORD.")
    void copy(@Option(names = "--to", paramLabel = "URL", required = true,
                      description = "postgresql://USER@HOST:PORT/DATABASE, without a password.") String to) {
        DatabaseService.Copy copy = new DatabaseService(cli.dataDirectory(), cli.env()).copyTo(to);
        List<String> lines = new ArrayList<>();
        lines.add("copied " + copy.rowsOf("contact") + " contacts (" + copy.rows() + " rows in "
                + copy.tables().size() + " tables) to " + copy.to());
        int width = copy.tables().stream().mapToInt(t -> t.table().length()).max().orElse(0) + 1;
        for (DatabaseService.TableRows table : copy.tables()) {
            lines.add(String.format(Locale.ROOT, "  %-" + width + "s %d in SQLite, %d in PostgreSQL", table.table() + ":",
                    table.source(), table.target()));
        }
        cli.output().change(new CopyJson(copy.to(), copy.rows(), copy.tables().stream()
                .map(t -> new TableJson(t.table(), t.source(), t.target())).toList()), lines);
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
