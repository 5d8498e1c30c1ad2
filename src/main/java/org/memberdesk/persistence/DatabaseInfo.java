package org.memberdesk.persistence;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;

/**
 * What a person needs to know about the database in use: which one (the file, or the server's URL
 * without secrets), the database software's version, the schema version and how many contacts it holds.
 *
 * @param engine        {@code sqlite} or {@code postgresql}
 * @param database      {@link DatabaseTarget#shown()}
 * @param serverVersion the SQLite library's or the PostgreSQL server's own version text
 * @param schemaVersion the highest Flyway migration applied successfully
 */
public record DatabaseInfo(String engine, String database, String serverVersion, String schemaVersion, long contacts) {

    /** Reads it in one read transaction. */
    public static DatabaseInfo of(Database database) {
        boolean postgres = database.shared();
        return database.read(tx -> tx.session().doReturningWork(connection -> new DatabaseInfo(
                postgres ? "postgresql" : "sqlite",
                database.target().shown(),
                single(connection, postgres ? "select version()" : "select 'SQLite ' || sqlite_version()"),
                schemaVersion(connection),
                Long.parseLong(single(connection, "select count(*) from contact")))));
    }

    /** The highest version in Flyway's history of successful migrations; {@code ?} when there is none. */
    static String schemaVersion(Connection connection) throws SQLException {
        List<String> versions = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "select version from flyway_schema_history where success and version is not null")) {
            while (rows.next()) {
                versions.add(rows.getString(1));
            }
        }
        return versions.stream().max(Comparator.comparing(MigrationVersion::fromVersion)).orElse("?");
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
