package org.memberdesk.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.BusyHandler;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;

/**
 * A small pool of SQLite connections (WAL, foreign keys, busy timeout, secure_delete).
 *
 * <p>Write transactions begin IMMEDIATE: a deferred transaction that reads and then writes
 * fails at once with SQLITE_BUSY when another process wrote in between, and the busy timeout
 * cannot help it. Read transactions stay DEFERRED so they never wait for a writer in WAL mode.
 */
public final class SqliteConnectionProvider extends HikariConnections {

    static final int BUSY_TIMEOUT_MILLIS = 10_000;

    private static final ThreadLocal<Boolean> WRITING = ThreadLocal.withInitial(() -> Boolean.FALSE);

    public SqliteConnectionProvider(Path databaseFile, int poolSize) {
        super(pool(databaseFile, poolSize));
    }

    private static HikariDataSource pool(Path databaseFile, int poolSize) {
        SQLiteConfig sqlite = new SQLiteConfig();
        sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
        sqlite.enforceForeignKeys(true);
        sqlite.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        sqlite.setPragma(SQLiteConfig.Pragma.SECURE_DELETE, "true");
        sqlite.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        // 16 MiB of page cache per connection (SQLite's default is 2 MiB): with 100,000 contacts, search
        // reads pages all over the contact index; out of cache each read is a system call, 10x slower.
        sqlite.setCacheSize(-16 * 1024);

        HikariConfig config = new HikariConfig();
        config.setPoolName("memberdesk-sqlite");
        config.setJdbcUrl("jdbc:sqlite:" + databaseFile.toAbsolutePath());
        config.setDataSourceProperties(sqlite.toProperties());
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(1);
        config.setAutoCommit(true);
        return new HikariDataSource(config);
    }

    /** Runs work with write transactions (BEGIN IMMEDIATE) on this thread. */
    static <T> T writing(java.util.function.Supplier<T> work) {
        return inMode(Boolean.TRUE, work);
    }

    /**
     * Runs work with read transactions (DEFERRED) on this thread, also inside a write: a read that
     * asked for the write lock held by its own thread's outer transaction would wait for itself.
     */
    static <T> T reading(java.util.function.Supplier<T> work) {
        return inMode(Boolean.FALSE, work);
    }

    private static <T> T inMode(Boolean write, java.util.function.Supplier<T> work) {
        Boolean before = WRITING.get();
        WRITING.set(write);
        try {
            return work.get();
        } finally {
            WRITING.set(before);
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = pool.getConnection();
        for (int tries = 0; tries < 8 && !connection.unwrap(SQLiteConnection.class).getConnectionConfig().isAutoCommit();
             tries++) {
            // A BEGIN that failed (the database was busy) leaves the driver believing a transaction is open,
            // and the pool cannot reset it: the next BEGIN would be skipped. Such a connection is dropped.
            pool.evictConnection(connection);
            connection = pool.getConnection();
        }
        SQLiteConfig.TransactionMode mode = WRITING.get()
                ? SQLiteConfig.TransactionMode.IMMEDIATE
                : SQLiteConfig.TransactionMode.DEFERRED;
        SQLiteConnection sqlite = connection.unwrap(SQLiteConnection.class);
        // The BEGIN statement is taken from the connection config, not from the "current" mode.
        sqlite.getConnectionConfig().setTransactionMode(mode);
        if (PROMPT.add(sqlite)) {
            BusyHandler.setHandler(sqlite, new PromptBusyHandler());
        }
        return connection;
    }

    /** Connections that got their {@link PromptBusyHandler} (the pool reuses them). */
    private static final java.util.Set<SQLiteConnection> PROMPT =
            java.util.Collections.synchronizedSet(java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>()));

    /**
     * Waits for a busy database as the busy timeout does, for up to {@link #BUSY_TIMEOUT_MILLIS}, but
     * looks again every 2 ms instead of SQLite's 100 ms: an import that releases the write lock between
     * its chunks for a moment lets a waiting portal request or agent in at once.
     */
    private static final class PromptBusyHandler extends BusyHandler {
        private long since;

        @Override
        protected int callback(int previousCalls) {
            long now = System.nanoTime();
            if (previousCalls == 0) {
                since = now;
            } else if (now - since > BUSY_TIMEOUT_MILLIS * 1_000_000L) {
                return 0;
            }
            try {
                Thread.sleep(previousCalls < 50 ? 1 : 2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 0;
            }
            return 1;
        }
    }

    @Override
    public void closeConnection(Connection connection) throws SQLException {
        try {
            connection.close();
        } catch (SQLException e) {
            // The pool's rollback failed: SQLite rolled the transaction back itself (a full disk, an I/O
            // error), and the driver still believes one is open. Reused, the connection would fail every
            // later transaction with "cannot commit - no transaction is active".
            pool.evictConnection(connection);
        }
    }
}
