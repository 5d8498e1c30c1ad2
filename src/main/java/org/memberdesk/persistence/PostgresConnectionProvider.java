package org.memberdesk.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** A small pool of connections to a shared PostgreSQL server, read committed, UTC. */
final class PostgresConnectionProvider extends HikariConnections {

    PostgresConnectionProvider(DatabaseTarget.Postgres target, int poolSize) {
        super(pool(target, poolSize));
    }

    private static HikariDataSource pool(DatabaseTarget.Postgres target, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("memberdesk-postgresql");
        config.setJdbcUrl(target.driverUrl());
        target.user().ifPresent(config::setUsername);
        target.password().ifPresent(config::setPassword);
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(1);
        config.setAutoCommit(true);
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        // A request waits at most this long for a server that went away, then says so.
        config.setConnectionTimeout(5_000);
        config.setInitializationFailTimeout(1);
        config.addDataSourceProperty("ApplicationName", "MemberDesk");
        config.addDataSourceProperty("connectTimeout", "5");
        config.addDataSourceProperty("tcpKeepAlive", "true");
        // A write waits for the write lock as long as SQLite's busy retry does, then says so; a desk that
        // vanished mid-transaction releases the lock after 5 minutes; a socket that went silent is given
        // up after 5 minutes instead of the system's 2-hour keepalive.
        config.setConnectionInitSql("set time zone 'UTC'; set lock_timeout = '120s';"
                + " set idle_in_transaction_session_timeout = '300s'");
        config.addDataSourceProperty("socketTimeout", "300");
        return new HikariDataSource(config);
    }
}
