package org.memberdesk.persistence;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;

/** Hibernate's connections from a Hikari pool: what the SQLite and PostgreSQL providers share. */
abstract class HikariConnections implements ConnectionProvider, AutoCloseable {

    final HikariDataSource pool;

    HikariConnections(HikariDataSource pool) {
        this.pool = pool;
    }

    public DataSource dataSource() {
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
