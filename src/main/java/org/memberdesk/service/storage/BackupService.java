package org.memberdesk.service.storage;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import org.memberdesk.persistence.Database;
import org.memberdesk.persistence.DatabaseCopy;
import org.memberdesk.persistence.DatabaseFile;
import org.memberdesk.persistence.DatabaseTarget;
import org.memberdesk.persistence.OwnerOnly;
import org.memberdesk.persistence.StorageProblem;
import org.memberdesk.service.UserError;

/**
 * Backups of a data directory's SQLite database: a consistent copy taken while the console, the
 * portal and commands go on writing, and its restore into a data directory that holds no database.
 * A backup file is owner-only and never overwrites anything. (On PostgreSQL, pg_dump does this.)
 */
public final class BackupService {

    /** A backup written: where, how big, how many contacts it holds. */
    public record Backup(Path file, long bytes, long contacts) {
    }

    /** A restore done: from where, into which database, what it holds, at which schema version before migrating. */
    public record Restore(Path from, Path database, long bytes, long contacts, String schemaVersion) {
    }

    private final DataDirectory directory;
    private final DatabaseTarget database;

    public BackupService(DataDirectory directory) {
        this(directory, DatabaseTarget.sqlite(directory.database()));
    }

    /** For a data directory, its database chosen by the environment (MEMBERDESK_DATABASE_URL) as everywhere. */
    public static BackupService of(DataDirectory directory, java.util.Map<String, String> env) {
        return new BackupService(directory, DatabaseChoice.of(directory, env));
    }

    /** For a data directory whose database is {@code database}: backups are refused on a PostgreSQL server. */
    public BackupService(DataDirectory directory, DatabaseTarget database) {
        this.directory = directory;
        this.database = database;
    }

    /** Writes a consistent copy of the database to a new file; refuses an existing file. */
    public Backup backUp(Path target) {
        if (database instanceof DatabaseTarget.Postgres server) {
            throw new UserError("db backup copies a data directory's SQLite file, but this desk works on PostgreSQL ("
                    + server.shown() + "): back that database up with pg_dump where the server runs, e.g. pg_dump"
                    + " -Fc -f FILE " + server.database());
        }
        Path file = target.toAbsolutePath().normalize();
        DatabaseFile database = new DatabaseFile(directory.database());
        if (!database.holdsData()) {
            throw new UserError("there is no database to back up in " + directory.root());
        }
        Path folder = file.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new UserError("cannot write the backup " + file + ": the folder " + folder + " does not exist");
        }
        try {
            OwnerOnly.createFile(file);
        } catch (FileAlreadyExistsException e) {
            throw new UserError(file + " already exists: a backup never overwrites a file; choose a new name");
        } catch (IOException e) {
            throw new UserError("cannot write the backup " + file + ": " + reason(e));
        }
        try {
            DatabaseCopy.copy(database.path(), file, false);
            DatabaseCopy.Summary summary = DatabaseCopy.summary(file);
            return new Backup(file, summary.bytes(), summary.contacts());
        } catch (SQLException | RuntimeException e) {
            deleteQuietly(file);
            throw copyFailed(e, file, "no backup was written");
        }
    }

    /**
     * Puts a backup into this data directory, which must hold no database (a new folder, or one whose
     * database is missing or empty), then brings its schema up to date.
     */
    public Restore restore(Path source) {
        if (database instanceof DatabaseTarget.Postgres server) {
            throw new UserError("db restore puts a backup into a data directory's SQLite file, but this desk works on"
                    + " PostgreSQL (" + server.shown() + "): restore a pg_dump backup there with pg_restore, e.g."
                    + " pg_restore -d " + server.database() + " FILE; nothing was changed");
        }
        Path from = source.toAbsolutePath().normalize();
        if (!Files.isRegularFile(from)) {
            throw new UserError("cannot restore " + from + ": there is no such file");
        }
        Optional<String> problem = DatabaseCopy.problem(from);
        if (problem.isPresent()) {
            throw new UserError("cannot restore " + from + ": " + problem.get() + "; nothing was changed");
        }
        DatabaseFile database = new DatabaseFile(directory.database());
        if (database.holdsData() || nonEmpty(database.wal())) {
            throw new UserError("the data directory " + directory.root() + " already holds a database ("
                    + database.path().getFileName() + "): restore only into an empty data directory, such as a new"
                    + " --data-dir; nothing was changed");
        }
        Path temp = database.path().resolveSibling(database.path().getFileName() + ".restoring-" + UUID.randomUUID());
        try {
            OwnerOnly.createDirectories(directory.root());
            OwnerOnly.createFile(temp);
        } catch (IOException e) {
            throw new UserError("cannot restore into " + directory.root() + ": " + reason(e));
        }
        DatabaseCopy.Summary summary;
        try {
            DatabaseCopy.copy(from, temp, true);
            summary = DatabaseCopy.summary(temp);
            Files.deleteIfExists(database.wal());
            Files.deleteIfExists(database.shm());
            move(temp, database.path());
        } catch (SQLException | IOException | RuntimeException e) {
            deleteQuietly(temp);
            throw copyFailed(e, temp, "nothing was restored");
        }
        directory.ensureExists();
        try (Database migrated = Database.open(database.path())) {
            return new Restore(from, database.path(), summary.bytes(), summary.contacts(), summary.schemaVersion());
        } catch (StorageProblem e) {
            throw new UserError(e.getMessage(), e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static boolean nonEmpty(Path file) {
        try {
            return Files.size(file) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static UserError copyFailed(Exception e, Path file, String outcome) {
        String text = String.valueOf(e.getMessage());
        if (text.contains("SQLITE_FULL") || text.contains("disk is full")) {
            return new UserError("the disk holding " + file.getParent() + " is full: " + outcome
                    + "; free some space and try again");
        }
        if (e instanceof UserError userError) {
            return userError;
        }
        return new UserError("copying the database failed (" + text.strip().replaceAll("\\s+", " ") + "): "
                + outcome);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(file.resolveSibling(file.getFileName() + "-journal"));
        } catch (IOException e) {
            // best effort: the message says nothing was written
        }
    }

    /** Why a file could not be written, in a few plain words. */
    public static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "a folder on the way does not exist";
        }
        return String.valueOf(e.getMessage());
    }
}
