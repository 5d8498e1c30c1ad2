package org.memberdesk.persistence;

import java.sql.Connection;
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

/**
 * A change feed that reads the change_log table (V11) over a connection of its own, which never
 * writes. How it learns that someone committed is the database's: {@link SqliteChangeFeed} asks a
 * cheap pragma every poll, {@link PostgresChangeFeed} waits for NOTIFY. Only then does it read the
 * log. Commits of this process also {@link #poke()} it.
 */
abstract class ChangeLogFeed implements ChangeFeed {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeLogFeed.class);

    /**
     * At most this often a batch, however fast this process commits (bulk delivery commits hundreds
     * of times a second): readers reload whole views per batch.
     */
    static final long MIN_GAP_NANOS = 100_000_000L;

    private final String name;
    private final List<Consumer<ChangeBatch>> subscribers = new CopyOnWriteArrayList<>();
    /** The least pause between two attempts to reconnect a lost feed: a server that is away is not hammered. */
    static final Duration RECONNECT_PAUSE = Duration.ofSeconds(1);

    private final Duration poll;
    private volatile BackgroundLoop loop;
    private Connection connection;
    private ChangeCursor cursor;
    private boolean lost;
    private long lastRead;
    private boolean closed;

    /**
     * @param name what the log lines call the database
     * @param poll the pause between two looks at {@link #moved(Connection)}
     */
    ChangeLogFeed(String name, Duration poll) {
        this.name = name;
        this.poll = poll;
    }

    /** How long the loop rests before its next look: between reconnects at least {@link #RECONNECT_PAUSE}. */
    private Duration pause() {
        return connection == null && poll.compareTo(RECONNECT_PAUSE) < 0 ? RECONNECT_PAUSE : poll;
    }

    /** A new connection for the feed alone. */
    abstract Connection open() throws SQLException;

    /**
     * Whether anyone may have committed since the last call (the first call on a new connection
     * only sets where to compare from, and its answer is ignored). It may wait a little for news.
     */
    abstract boolean moved(Connection connection) throws SQLException;

    /** A UUID column of the log. */
    abstract UUID uuid(ResultSet row, int column) throws SQLException;

    /** The changed_at column of the log. */
    abstract Instant changedAt(ResultSet row, int column) throws SQLException;

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
            loop = new BackgroundLoop("memberdesk-change-feed", "feed-", this::pause, this::look);
            if (cursor == null) {
                try {
                    connection = open();
                    moved(connection);
                    cursor = new ChangeCursor(newest());
                } catch (SQLException e) {
                    LOG.warn("change feed cannot read {}: {}", name, e.getMessage());
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
                moved(connection);
                if (cursor == null) {
                    cursor = new ChangeCursor(newest());
                }
            } else if (!moved(connection)) {
                return;
            }
            waitOutTheGap();
            ChangeBatch batch = cursor.accept(read(cursor.readFrom()), oldest());
            if (lost) {
                batch = new ChangeBatch(batch.entries(), true);
                lost = false;
                LOG.info("change feed reading {} again", name);
            }
            if (!batch.entries().isEmpty() || batch.gap()) {
                deliver(batch);
            }
        } catch (SQLException e) {
            if (!lost) {
                LOG.warn("change feed lost {}: {}", name, e.getMessage());
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

    private long newest() throws SQLException {
        return single(connection, "select coalesce(max(seq), 0) from change_log");
    }

    private long oldest() throws SQLException {
        return single(connection, "select coalesce(min(seq), 0) from change_log");
    }

    static long single(Connection connection, String sql) throws SQLException {
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
                    entries.add(new ChangeEntry(row.getLong(1), row.getString(2), uuid(row, 3),
                            uuid(row, 4), row.getString(5), changedAt(row, 6)));
                }
            }
        }
        return entries;
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
