package org.memberdesk.persistence;

import java.nio.file.Path;
import org.sqlite.SQLiteException;

/**
 * The database file cannot be used as it is: a read-only folder, a full disk, a missing, emptied,
 * replaced or damaged file. Its message is one plain sentence that names the file or folder and
 * says what to do; the service layer shows it as is (CLI, console, portal serve).
 */
public final class StorageProblem extends RuntimeException {

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
