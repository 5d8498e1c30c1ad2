package org.memberdesk.persistence;

import java.util.function.Supplier;
import org.hibernate.Session;
import org.hibernate.SharedSessionContract;
import org.hibernate.community.dialect.SQLiteDialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

/**
 * Bulk writes of contacts (imports, generated data) with the full-text index brought up to date
 * once at the end instead of row by row: SQLite's FTS5 writes its pending data to disk at every
 * statement of a transaction once it has been touched, which makes 100,000 contact inserts about
 * ten times slower. Call it inside the bulk write transaction; nothing changes on other databases.
 */
public final class ContactSearchIndex {

    private ContactSearchIndex() {
    }

    public static <T> T deferredDuring(SharedSessionContract session, Supplier<T> work) {
        boolean sqlite = session.getFactory().unwrap(SessionFactoryImplementor.class).getJdbcServices()
                .getDialect() instanceof SQLiteDialect;
        if (!sqlite) {
            return work.get();
        }
        execute(session, "insert into contact_fts_pending (above) select coalesce(max(doc), 0) from contact_search");
        T result = work.get();
        if (session instanceof Session stateful) {
            stateful.flush();
        }
        // Batched inserts still waiting in the JDBC batch must reach the table before it is indexed.
        session.unwrap(SharedSessionContractImplementor.class).getJdbcCoordinator().executeBatch();
        execute(session, """
                insert into contact_fts (rowid, search_text)
                select doc, search_text from contact_search where doc > (select min(above) from contact_fts_pending)""");
        execute(session, "delete from contact_fts_pending");
        return result;
    }

    private static void execute(SharedSessionContract session, String sql) {
        session.doWork(connection -> {
            try (var statement = connection.createStatement()) {
                statement.executeUpdate(sql);
            }
        });
    }
}
