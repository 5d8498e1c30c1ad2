package org.memberdesk.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;

/** A small pool of connections to a shared PostgreSQL server, read committed, UTC. */
final class PostgresConnectionProvider implements ConnectionProvider, AutoCloseable {

    private final HikariDataSource pool;

    PostgresConnectionProvider(DatabaseTarget.Postgres target, int poolSize) {
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
        config.setConnectionInitSql("set time zone 'UTC'");
        this.pool = new HikariDataSource(config);
    }

    DataSource dataSource() {
        return pool;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return pool.getConnection();
    }

    @Override
    public void closeConnection(Connection connection) throws SQLException {
        connection.close();
    }

    @Override
    public boolean supportsAggressiveRelease() {
        return false;
    }

    @Override
    public boolean isUnwrappableAs(Class<?> type) {
        return type.isInstance(this) || type.isInstance(pool);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T unwrap(Class<T> type) {
        if (type.isInstance(this)) {
            return (T) this;
        }
        if (type.isInstance(pool)) {
            return (T) pool;
        }
        throw new IllegalArgumentException("cannot unwrap to " + type);
    }

    @Override
    public void close() {
        pool.close();
    }
}
