package org.memberdesk.persistence;

import java.nio.file.Path;
import org.sqlite.SQLiteException;

/**
 * The database file cannot be used as it is: a read-only folder, a full disk, a missing, emptied,
 * replaced or damaged file. Its message is one plain sentence that names the file or folder and
 * says what to do; the service layer shows it as is (CLI, console, portal serve).
 */
public class StorageProblem extends RuntimeException {

    private static final int SQLITE_PERM = 3;
    private static final int SQLITE_READONLY = 8;
    private static final int SQLITE_IOERR = 10;
    private static final int SQLITE_CORRUPT = 11;
    private static final int SQLITE_FULL = 13;
    private static final int SQLITE_CANTOPEN = 14;
    private static final int SQLITE_NOTADB = 26;

    public StorageProblem(String message) {
        super(message);
    }

    public StorageProblem(String message, Throwable cause) {
        super(message, cause);
    }

    static StorageProblem readOnlyDirectory(Path dir) {
        return new StorageProblem("the data directory " + dir + " is read-only: MemberDesk must write its database"
                + " there; make it writable for this user, or use another data directory");
    }

    static StorageProblem readOnlyFile(Path file) {
        return new StorageProblem("the database " + file + " is read-only: make it writable for this user, or use"
                + " another data directory");
    }

    static StorageProblem full(Path file, Throwable cause) {
        return new StorageProblem("the disk holding " + file + " is full: nothing was saved; free some space and try"
                + " again", cause);
    }

    /**
     * The storage problem behind a failure, when SQLite reported one; otherwise the failure itself.
     * A failure already translated is returned as it is.
     */
    static RuntimeException translate(RuntimeException failure, Path file) {
        if (failure instanceof StorageProblem) {
            return failure;
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof StorageProblem problem) {
                return problem;
            }
            if (t instanceof SQLiteException sqlite) {
                StorageProblem problem = of(sqlite.getResultCode().code & 0xff, file, failure);
                return problem != null ? problem : failure;
            }
        }
        return failure;
    }

    /**
     * The one-line reason a shared PostgreSQL server cannot be used (unreachable, login refused, no
     * such database, TLS), when that is what went wrong; otherwise the failure itself.
     */
    static RuntimeException translate(RuntimeException failure, DatabaseTarget.Postgres server) {
        if (failure instanceof StorageProblem) {
            return failure;
        }
        String where = server.where();
        boolean inDoubt = failure instanceof CommitInDoubt;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof StorageProblem problem) {
                return problem;
            }
            String state = t instanceof java.sql.SQLException sql && sql.getSQLState() != null ? sql.getSQLState() : "";
            String reason = firstLine(t.getMessage());
            if (state.startsWith("08") || t instanceof java.net.ConnectException
                    || t instanceof java.sql.SQLTransientConnectionException || t instanceof java.net.UnknownHostException) {
                return new Unreachable("Database unreachable: the PostgreSQL server " + where + " cannot be reached ("
                        + reason + "); " + (inDoubt ? "the connection dropped while the change was being committed, so it"
                        + " may or may not have been saved: look before doing it again" : "nothing was saved")
                        + "; check that it runs and that this machine may connect", failure);
            }
            if (state.startsWith("28")) {
                return new StorageProblem("the PostgreSQL server " + where + " refused the login (" + reason
                        + "); check the user in the URL and MEMBERDESK_DATABASE_PASSWORD", failure);
            }
            if (state.equals("55P03")) {
                return new StorageProblem("the database at " + where + " stayed busy: another desk held its write"
                        + " lock for 2 minutes (" + reason + "); nothing was saved; try again", failure);
            }
            if (state.equals("3D000")) {
                return new StorageProblem("the PostgreSQL server has no database " + server.database() + " ("
                        + reason + "); create it first (see README, Team mode)", failure);
            }
            if (state.equals("42501")) {
                return new StorageProblem("the PostgreSQL user may not do this in " + where + " (" + reason
                        + "); the database must belong to MemberDesk's user", failure);
            }
        }
        return inDoubt && failure.getCause() instanceof RuntimeException cause ? cause : failure;
    }

    /**
     * The database server could not be reached: a retry later may succeed. Nothing was written,
     * unless the connection dropped during the commit itself; the message then says so.
     */
    public static final class Unreachable extends StorageProblem {
        Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A shared server's COMMIT that failed: whether the server committed is not known here. */
    static final class CommitInDoubt extends RuntimeException {
        CommitInDoubt(RuntimeException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** The first line of a driver's message, without its closing full stop: to quote inside a sentence. */
    static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "no reason given";
        }
        String line = message.strip().lines().findFirst().orElse(message).strip();
        return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
    }

    private static StorageProblem of(int primaryCode, Path file, Throwable cause) {
        Path dir = file.toAbsolutePath().getParent();
        return switch (primaryCode) {
            case SQLITE_FULL -> full(file, cause);
            case SQLITE_READONLY, SQLITE_PERM -> new StorageProblem("cannot write to the database " + file
                    + ": it or its data directory is read-only; nothing was saved; make " + dir
                    + " writable for this user", cause);
            case SQLITE_CANTOPEN -> new StorageProblem("cannot open the database " + file
                    + ": check that " + dir + " exists and this user may write in it", cause);
            case SQLITE_IOERR -> new StorageProblem("the disk holding " + file
                    + " reported an input/output error: nothing was saved; check the disk and try again", cause);
            case SQLITE_CORRUPT, SQLITE_NOTADB -> new StorageProblem("the database " + file
                    + " is damaged or is not a MemberDesk database: restore it from a backup"
                    + " (memberdesk db restore --from FILE)", cause);
            default -> null;
        };
    }
}
