package org.memberdesk.persistence;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * The change feed of a shared PostgreSQL database: its connection LISTENs on the channel the
 * change_log trigger notifies after every insert, so a change by another desk reaches this one at
 * once, without polling. Notifications name the schema that changed (several MemberDesk databases
 * may share one PostgreSQL database, in schemas); others are ignored.
 */
final class PostgresChangeFeed extends ChangeLogFeed {

    static final String CHANNEL = "memberdesk_changes";

    /** How long one wait for a notification lasts; also how soon the feed notices it is closed. */
    private static final int WAIT_MILLIS = 500;

    /**
     * After this long without a notification the feed asks the server something: a connection lost
     * without a word (a dropped network, a crashed host) would otherwise stay silent for hours.
     */
    private static final long QUIET_CHECK_NANOS = 15_000_000_000L;

    private final DatabaseTarget.Postgres server;
    private String schema;
    private long heardFrom;

    PostgresChangeFeed(DatabaseTarget.Postgres server) {
        super(server.shown(), Duration.ZERO);
        this.server = server;
    }

    @Override
    Connection open() throws SQLException {
        Connection connection = server.connect("MemberDesk change feed");
        // its quiet-time check gives up on a silent server in 20 s, not the pool's 5 minutes
        connection.setNetworkTimeout(Runnable::run, 20_000);
        heardFrom = System.nanoTime();
        try (Statement statement = connection.createStatement()) {
            statement.execute("listen " + CHANNEL);
            try (ResultSet result = statement.executeQuery("select current_schema()")) {
                schema = result.next() ? result.getString(1) : null;
            }
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    @Override
    boolean moved(Connection connection) throws SQLException {
        PGNotification[] notifications = connection.unwrap(PGConnection.class).getNotifications(WAIT_MILLIS);
        if (notifications == null || notifications.length == 0) {
            if (System.nanoTime() - heardFrom > QUIET_CHECK_NANOS) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("select 1");
                }
                heardFrom = System.nanoTime();
            }
            return false;
        }
        heardFrom = System.nanoTime();
        for (PGNotification notification : notifications) {
            if (schema == null || schema.equals(notification.getParameter())) {
                return true;
            }
        }
        return false;
    }

    @Override
    UUID uuid(ResultSet row, int column) throws SQLException {
        return row.getObject(column, UUID.class);
    }

    @Override
    Instant changedAt(ResultSet row, int column) throws SQLException {
        OffsetDateTime at = row.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
