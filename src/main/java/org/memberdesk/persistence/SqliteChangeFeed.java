package org.memberdesk.persistence;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * The change feed of a SQLite file. A connection of its own, which never writes, asks
 * {@code PRAGMA data_version} every poll: the number moves when any other connection, of this
 * process or another, has committed. Only then does it read the log. Commits of this process also
 * {@link #poke()} it, so they show without waiting for the poll.
 */
final class SqliteChangeFeed implements ChangeFeed {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteChangeFeed.class);

    static final Duration POLL = Duration.ofMillis(250);

    /**
     * At most this often a batch, however fast this process commits (bulk delivery commits hundreds
     * of times a second): readers reload whole views per batch.
     */
    static final long MIN_GAP_NANOS = 100_000_000L;

    private final Path file;
    private final List<Consumer<ChangeBatch>> subscribers = new CopyOnWriteArrayList<>();
    private final Duration poll;
    private volatile BackgroundLoop loop;
    private Connection connection;
    private ChangeCursor cursor;
    private long dataVersion;
    private boolean lost;
    private long lastRead;
    private boolean closed;

    SqliteChangeFeed(Path file, Duration poll) {
        this.file = file;
        this.poll = poll;
    }

    /**
     * The first subscription fixes where the feed starts, before it returns: a write committed after
     * it is delivered, however soon.
     */
    @Override
    public synchronized Runnable subscribe(Consumer<ChangeBatch> subscriber) {
        if (closed) {
            return () -> { };
        }
        subscribers.add(subscriber);
        // made at the first subscription: a command-line process never pays for the thread
        if (loop == null) {
            loop = new BackgroundLoop("memberdesk-change-feed", "feed-", () -> poll, this::look);
            if (cursor == null) {
                try {
                    connection = open();
                    dataVersion = dataVersion();
                    cursor = new ChangeCursor(newest());
                } catch (SQLException e) {
                    LOG.warn("change feed cannot read {}: {}", file, e.getMessage());
                    lost = true;
                    closeConnection();
                }
            }
            loop.start();
        }
        return () -> subscribers.remove(subscriber);
    }

    @Override
    public void poke() {
        BackgroundLoop running = loop;
        if (running != null) {
            running.signal();
        }
    }

    /** One poll, on the loop's thread (the only one that touches the connection and the cursor). */
    private void look() {
        try {
            if (connection == null) {
                connection = open();
                dataVersion = dataVersion();
                if (cursor == null) {
                    cursor = new ChangeCursor(newest());
                }
            } else {
                long version = dataVersion();
                if (version == dataVersion) {
                    return;
                }
                dataVersion = version;
            }
            waitOutTheGap();
            ChangeBatch batch = cursor.accept(read(cursor.readFrom()), oldest());
            if (lost) {
                batch = new ChangeBatch(batch.entries(), true);
                lost = false;
                LOG.info("change feed reading {} again", file);
            }
            if (!batch.entries().isEmpty() || batch.gap()) {
                deliver(batch);
            }
        } catch (SQLException e) {
            if (!lost) {
                LOG.warn("change feed lost {}: {}", file, e.getMessage());
            }
            lost = true;
            closeConnection();
        }
    }

    private void waitOutTheGap() {
        long wait = lastRead + MIN_GAP_NANOS - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        lastRead = System.nanoTime();
    }

    private void deliver(ChangeBatch batch) {
        for (Consumer<ChangeBatch> subscriber : subscribers) {
            try {
                subscriber.accept(batch);
            } catch (RuntimeException e) {
                LOG.warn("a change-feed subscriber failed", e);
            }
        }
    }

    private Connection open() throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(SqliteConnectionProvider.BUSY_TIMEOUT_MILLIS);
        return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
    }

    private long dataVersion() throws SQLException {
        return single("pragma data_version");
    }

    private long newest() throws SQLException {
        return single("select coalesce(max(seq), 0) from change_log");
    }

    private long oldest() throws SQLException {
        return single("select coalesce(min(seq), 0) from change_log");
    }

    private long single(String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            return result.next() ? result.getLong(1) : 0;
        }
    }

    private List<ChangeEntry> read(long after) throws SQLException {
        List<ChangeEntry> entries = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                select seq, kind, contact_id, subject_id, setting_key, changed_at
                from change_log where seq > ? order by seq""")) {
            select.setLong(1, after);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    entries.add(new ChangeEntry(row.getLong(1), row.getString(2), uuid(row.getBytes(3)),
                            uuid(row.getBytes(4)), row.getString(5), Instant.ofEpochMilli(row.getLong(6))));
                }
            }
        }
        return entries;
    }

    private static UUID uuid(byte[] bytes) {
        return bytes == null ? null : ContactRepository.uuid(bytes);
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debug("closing the change feed's connection", e);
            }
            connection = null;
        }
    }

    @Override
    public void close() {
        BackgroundLoop running;
        synchronized (this) {
            closed = true;
            running = loop;
        }
        if (running != null) {
            running.close();
        }
        subscribers.clear();
        closeConnection();
    }
}
