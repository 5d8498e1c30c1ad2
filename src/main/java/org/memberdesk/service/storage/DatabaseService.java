package org.memberdesk.service.storage;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.memberdesk.persistence.Database;
import org.memberdesk.persistence.DatabaseFile;
import org.memberdesk.persistence.DatabaseInfo;
import org.memberdesk.persistence.DatabaseTarget;
import org.memberdesk.persistence.SqliteToPostgres;
import org.memberdesk.persistence.StorageProblem;
import org.memberdesk.service.Transactions;
import org.memberdesk.service.UserError;

/**
 * The database of a data directory as a whole, for team mode: which one is in use, and moving a
 * desk's SQLite database up to a shared PostgreSQL server. Works on the database without the
 * services (which would install a default workflow into a new database).
 */
public final class DatabaseService {

    /** Which database is in use and what it holds; {@code engine} is {@code sqlite} or {@code postgresql}. */
    public record Info(String engine, String database, String serverVersion, String schemaVersion, long contacts) {
    }

    /** Rows of one table: in the SQLite database, and in PostgreSQL after the copy. */
    public record TableRows(String table, long source, long target) {
    }

    /** A finished copy: into which database (as shown, never with a password), and the rows per table. */
    public record Copy(String to, List<TableRows> tables) {
        public long rows() {
            return tables.stream().mapToLong(TableRows::target).sum();
        }

        public long rowsOf(String table) {
            return tables.stream().filter(t -> t.table().equals(table)).mapToLong(TableRows::target).sum();
        }
    }

    private final DataDirectory directory;
    private final Map<String, String> env;

    /** For a data directory and the environment that chooses its database (MEMBERDESK_DATABASE_URL, ...). */
    public DatabaseService(DataDirectory directory, Map<String, String> env) {
        this.directory = directory;
        this.env = Map.copyOf(env);
    }

    /** Which database this data directory and environment use; opens (creates, migrates) it as any command does. */
    public Info info() {
        DatabaseTarget target = DatabaseChoice.of(directory, env);
        if (target instanceof DatabaseTarget.SqliteFile) {
            try {
                directory.ensureExists();
            } catch (UncheckedIOException e) {
                throw new UserError(e.getMessage());
            }
        }
        try (Database database = Database.open(target)) {
            DatabaseInfo info = DatabaseInfo.of(database);
            return new Info(info.engine(), info.database(), info.serverVersion(), info.schemaVersion(), info.contacts());
        } catch (StorageProblem e) {
            throw Transactions.failure(e);
        }
    }

    /**
     * Copies this data directory's SQLite database into the empty PostgreSQL database at {@code url}
     * (password from MEMBERDESK_DATABASE_PASSWORD), all or nothing, and checks the rows per table.
     */
    public Copy copyTo(String url) {
        if (DatabaseChoice.of(directory, env) instanceof DatabaseTarget.Postgres current) {
            throw new UserError("this desk already works on PostgreSQL (" + current.shown() + "): db copy copies a data"
                    + " directory's SQLite database; run it without --database-url and " + DatabaseChoice.URL_ENV);
        }
        DatabaseTarget.Postgres target;
        try {
            target = DatabaseTarget.postgres(url, Optional.ofNullable(env.get(DatabaseChoice.PASSWORD_ENV)));
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        DatabaseFile file = new DatabaseFile(directory.database());
        if (!file.holdsData()) {
            throw new UserError("there is no database to copy in " + directory.root());
        }
        try {
            List<TableRows> tables = SqliteToPostgres.copy(file.path(), target).stream()
                    .map(t -> new TableRows(t.table(), t.source(), t.target())).toList();
            return new Copy(target.shown(), tables);
        } catch (SqliteToPostgres.Refused e) {
            throw new UserError(e.getMessage());
        } catch (StorageProblem e) {
            throw Transactions.failure(e);
        }
    }
}
