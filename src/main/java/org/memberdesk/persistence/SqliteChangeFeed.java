package org.memberdesk.persistence;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.sqlite.SQLiteConfig;

/**
 * The change feed of a SQLite file: every poll it asks {@code PRAGMA data_version}, which moves when
 * any other connection, of this process or another, has committed.
 */
final class SqliteChangeFeed extends ChangeLogFeed {

    static final Duration POLL = Duration.ofMillis(250);

    private final Path file;
    private long dataVersion = Long.MIN_VALUE;

    SqliteChangeFeed(Path file, Duration poll) {
        super(file.toString(), poll);
        this.file = file;
    }

    @Override
    Connection open() throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(SqliteConnectionProvider.BUSY_TIMEOUT_MILLIS);
        return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
    }

    @Override
    boolean moved(Connection connection) throws SQLException {
        long version = single(connection, "pragma data_version");
        boolean moved = version != dataVersion;
        dataVersion = version;
        return moved;
    }

    @Override
    UUID uuid(ResultSet row, int column) throws SQLException {
        byte[] bytes = row.getBytes(column);
        return bytes == null ? null : SqlIds.uuid(bytes);
    }

    @Override
    Instant changedAt(ResultSet row, int column) throws SQLException {
        return Instant.ofEpochMilli(row.getLong(column));
    }
}
