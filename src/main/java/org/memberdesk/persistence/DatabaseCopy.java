package org.memberdesk.persistence;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteException;

/**
 * Whole-database copies with SQLite's {@code VACUUM INTO}: it reads one consistent snapshot (in WAL
 * mode, writers carry on meanwhile) and writes a compact, single-file database, whatever is still in
 * the source's write-ahead log.
 */
public final class DatabaseCopy {

    /** What a copy holds, for the message that reports it. */
    public record Summary(long bytes, long contacts, String schemaVersion) {
    }

    private DatabaseCopy() {
    }

    /**
     * Copies {@code source} into {@code target}, which must exist and be empty (so its owner and
     * permissions are the ones it was created with).
     */
    public static void copy(Path source, Path target, boolean sourceReadOnly) throws SQLException {
        try (Connection connection = connect(source, sourceReadOnly);
             PreparedStatement vacuum = connection.prepareStatement("vacuum into ?")) {
            vacuum.setString(1, target.toAbsolutePath().toString());
            vacuum.execute();
        }
    }

    /** Why a file is not a usable MemberDesk database; empty when it is one. */
    public static Optional<String> problem(Path file) {
        try (Connection connection = connect(file, true); Statement statement = connection.createStatement()) {
            try (ResultSet check = statement.executeQuery("pragma quick_check")) {
                if (!check.next() || !"ok".equals(check.getString(1))) {
                    return Optional.of("it is damaged (SQLite's quick_check failed)");
                }
            }
            try (ResultSet tables = statement.executeQuery("select count(*) from sqlite_master where type = 'table'"
                    + " and name in ('flyway_schema_history', 'contact', 'email_message', 'offer_grant')")) {
                if (!tables.next() || tables.getInt(1) != 4) {
                    return Optional.of("it is an SQLite database, but not MemberDesk's");
                }
            }
            return Optional.empty();
        } catch (SQLiteException e) {
            int code = e.getResultCode().code & 0xff;
            return Optional.of(code == 26 || code == 11 ? "it is not a database" : "SQLite cannot read it: "
                    + e.getMessage());
        } catch (SQLException e) {
            return Optional.of("SQLite cannot read it: " + e.getMessage());
        }
    }

    /** Size, contacts and schema version of a MemberDesk database file. */
    public static Summary summary(Path file) throws SQLException {
        try (Connection connection = connect(file, true); Statement statement = connection.createStatement()) {
            long contacts;
            try (ResultSet rows = statement.executeQuery("select count(*) from contact")) {
                contacts = rows.next() ? rows.getLong(1) : 0;
            }
            String version;
            try (ResultSet rows = statement.executeQuery("select version from flyway_schema_history"
                    + " where success = 1 and version is not null order by installed_rank desc limit 1")) {
                version = rows.next() ? rows.getString(1) : "?";
            }
            return new Summary(java.nio.file.Files.size(file), contacts, version);
        } catch (java.io.IOException e) {
            throw new SQLException("cannot read the size of " + file, e);
        }
    }

    private static Connection connect(Path file, boolean readOnly) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(readOnly);
        config.setBusyTimeout(10_000);
        // Opening must never create a file where there is none.
        config.resetOpenMode(org.sqlite.SQLiteOpenMode.CREATE);
        return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
    }
}
