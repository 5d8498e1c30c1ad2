package org.memberdesk.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.hibernate.Session;
import org.hibernate.SharedSessionContract;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

/**
 * Bulk writes of contacts (imports, generated data) with the search index brought up to date once
 * at the end, in a few set-based statements, instead of row by row (migration V6): row by row,
 * SQLite keeps a statement journal for every insert whose triggers can reach the FTS5 index, and
 * FTS5 writes its pending data to disk at every statement; a 100,000-contact import took about
 * three times as long. {@link Database#bulk} uses it; call it inside any other write transaction
 * that writes many contacts. On other databases it only runs the work.
 */
final class ContactSearchIndex {

    /** Dropped during the bulk write and created again from their own SQL before it commits. */
    private static final List<String> INSERT_TRIGGERS = List.of("contact_search_after_insert", "contact_tag_after_insert");

    /** V6's text of a contact: its first line as the entity wrote it, then email and tags from the tables. */
    private static final String REBUILT_TEXT = """
            case when instr(c.search_text, char(10)) > 0 then substr(c.search_text, 1, instr(c.search_text, char(10)))
                 else lower(c.name) || char(10) end
            || c.email
            || coalesce((select char(10) || group_concat(t.tag, char(10) order by t.tag)
                         from contact_tag t where t.contact_id = c.id), '')""";

    private static final String DIRTY = "(select contact_id from contact_search_dirty)";

    private ContactSearchIndex() {
    }

    static <T> T deferredDuring(SharedSessionContract session, Supplier<T> work) {
        boolean sqlite = !SqlIds.postgres(session);
        if (!sqlite || active(session)) {
            return work.get();
        }
        List<String> triggers = triggerSql(session);
        List<String> start = new ArrayList<>();
        start.add("insert into contact_search_bulk (tag_above) select coalesce(max(rowid), 0) from contact_tag");
        INSERT_TRIGGERS.forEach(name -> start.add("drop trigger " + name));
        execute(session, start);

        T result = work.get();

        if (session instanceof Session stateful) {
            stateful.flush();
        }
        // Inserts still waiting in the JDBC batch must reach their tables first.
        session.unwrap(SharedSessionContractImplementor.class).getJdbcCoordinator().executeBatch();
        List<String> catchUp = new ArrayList<>();
        catchUp.add("insert or ignore into contact_search_dirty (contact_id) select contact_id from contact_tag"
                + " where rowid > (select tag_above from contact_search_bulk)");
        catchUp.add("delete from contact_search_bulk");
        catchUp.addAll(triggers);
        // From here on the triggers keep contact_search and the FTS index in step, a statement at a time.
        catchUp.add("update contact as c set search_text = " + REBUILT_TEXT + " where c.id in " + DIRTY
                + " and c.search_text is not (" + REBUILT_TEXT + ")");
        catchUp.add("""
                insert into contact_search (contact_id, search_text)
                select c.id, char(10) || c.search_text from contact c
                where not exists (select 1 from contact_search s where s.contact_id = c.id)""");
        catchUp.add("delete from contact_search where contact_id in " + DIRTY
                + " and contact_id not in (select id from contact)");
        catchUp.add("""
                update contact_search
                set search_text = char(10) || (select c.search_text from contact c where c.id = contact_search.contact_id)
                where contact_id in %s
                  and search_text is not char(10) || (select c.search_text from contact c where c.id = contact_search.contact_id)"""
                .formatted(DIRTY));
        catchUp.add("delete from contact_search_dirty");
        execute(session, catchUp);
        return result;
    }

    /**
     * Contacts inserted in one short transaction (a chunk of an import): the insert triggers are off
     * while {@code work} inserts them, then each new contact joins the index in a few set-based
     * statements instead of one statement each, which would make FTS5 write its pending data every time.
     * The work must write each contact's complete search text itself (the entity does) and return the
     * ids of the contacts it inserted. On other databases it only runs the work.
     */
    static void insertedDuring(SharedSessionContract session, Supplier<List<java.util.UUID>> work) {
        boolean sqlite = !SqlIds.postgres(session);
        if (!sqlite) {
            work.get();
            return;
        }
        List<String> triggers = triggerSql(session);
        execute(session, INSERT_TRIGGERS.stream().map(name -> "drop trigger " + name).toList());
        List<java.util.UUID> ids = work.get();
        session.unwrap(SharedSessionContractImplementor.class).getJdbcCoordinator().executeBatch();
        execute(session, triggers);
        session.doWork(connection -> {
            for (int from = 0; from < ids.size(); from += 500) {
                List<java.util.UUID> part = ids.subList(from, Math.min(ids.size(), from + 500));
                try (var statement = connection.prepareStatement("""
                        insert into contact_search (contact_id, search_text)
                        select c.id, char(10) || c.search_text from contact c where c.id in (%s)"""
                        .formatted(String.join(", ", java.util.Collections.nCopies(part.size(), "?"))))) {
                    for (int i = 0; i < part.size(); i++) {
                        statement.setBytes(i + 1, SqlIds.bytes(part.get(i)));
                    }
                    statement.executeUpdate();
                }
            }
        });
    }

    private static boolean active(SharedSessionContract session) {
        return session.doReturningWork(connection -> {
            try (var statement = connection.createStatement();
                 var rows = statement.executeQuery("select exists (select 1 from contact_search_bulk)")) {
                return rows.next() && rows.getInt(1) == 1;
            }
        });
    }

    private static List<String> triggerSql(SharedSessionContract session) {
        return session.doReturningWork(connection -> {
            List<String> sql = new ArrayList<>();
            try (var statement = connection.prepareStatement(
                    "select sql from sqlite_master where type = 'trigger' and name = ?")) {
                for (String name : INSERT_TRIGGERS) {
                    statement.setString(1, name);
                    try (var rows = statement.executeQuery()) {
                        if (!rows.next()) {
                            throw new IllegalStateException("trigger " + name + " is missing: migration V6 not applied");
                        }
                        sql.add(rows.getString(1));
                    }
                }
            }
            return sql;
        });
    }

    private static void execute(SharedSessionContract session, List<String> statements) {
        session.doWork(connection -> {
            try (var statement = connection.createStatement()) {
                for (String sql : statements) {
                    statement.executeUpdate(sql);
                }
            }
        });
    }
}
