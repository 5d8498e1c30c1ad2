package org.memberdesk.persistence;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.hibernate.SharedSessionContract;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.postgresql.PGConnection;

/**
 * UUIDs in plain SQL, stored as Hibernate stores them: a 16-byte blob (most significant bits first)
 * on SQLite, the native uuid type on PostgreSQL.
 */
final class SqlIds {

    private SqlIds() {
    }

    static boolean postgres(Connection connection) throws SQLException {
        return connection.isWrapperFor(PGConnection.class);
    }

    static boolean postgres(SharedSessionContract session) {
        return session.getFactory().unwrap(SessionFactoryImplementor.class).getJdbcServices()
                .getDialect() instanceof PostgreSQLDialect;
    }

    static void bind(PreparedStatement statement, int index, UUID id) throws SQLException {
        if (id == null) {
            statement.setObject(index, null);
        } else if (postgres(statement.getConnection())) {
            statement.setObject(index, id);
        } else {
            statement.setBytes(index, bytes(id));
        }
    }

    /** The value a Hibernate native query takes for a UUID column of this session's database. */
    static Object parameter(SharedSessionContract session, UUID id) {
        return postgres(session) ? id : bytes(id);
    }

    static UUID read(ResultSet row, int column) throws SQLException {
        Object value = row.getObject(column);
        if (value == null || value instanceof UUID) {
            return (UUID) value;
        }
        return uuid(row.getBytes(column));
    }

    static byte[] bytes(UUID id) {
        return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits())
                .array();
    }

    static UUID uuid(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return new UUID(buffer.getLong(), buffer.getLong());
    }
}
