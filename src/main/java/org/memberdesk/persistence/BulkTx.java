package org.memberdesk.persistence;

import java.sql.PreparedStatement;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.hibernate.StatelessSession;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

/**
 * One bulk write transaction (an import chunk, generated data): plain inserts through a stateless
 * session, which keeps no entities and sends its inserts in JDBC batches.
 */
public final class BulkTx {

    private static final int TAG_BATCH = 500;

    private final StatelessSession session;

    BulkTx(StatelessSession session) {
        this.session = session;
    }

    StatelessSession session() {
        return session;
    }

    public void insert(Object entity) {
        session.insert(entity);
    }

    /** The entity with this id, or null. */
    public <T> T find(Class<T> type, Object id) {
        return session.get(type, id);
    }

    /** Sends inserts in JDBC batches of this size (a stateless session batches only when told to). */
    public void batchInserts(int size) {
        session.setJdbcBatchSize(size);
    }

    public ImportBatchRepository importBatches() {
        return ImportBatchRepository.of(session);
    }

    public ImportReads importReads() {
        return new ImportReads(session);
    }

    /**
     * Runs {@code work}, which inserts contacts (each with its complete search text, as the entity
     * writes it) and returns their ids; they join the search index at the end, in a few set-based
     * statements ({@link ContactSearchIndex#insertedDuring}).
     */
    public void insertingContacts(Supplier<List<UUID>> work) {
        ContactSearchIndex.insertedDuring(session, work);
    }

    /** A tag of a contact, written without the entity. */
    public record TagRow(UUID contactId, String tag) {
    }

    /**
     * Tag rows through one JDBC batch of plain SQL, after Hibernate has sent its own pending batch
     * (the contacts); a tag the contact has already is left alone.
     */
    public void insertTags(List<TagRow> tags) {
        if (tags.isEmpty()) {
            return;
        }
        ((SharedSessionContractImplementor) session).getJdbcCoordinator().executeBatch();
        session.doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into contact_tag (contact_id, tag) values (?, ?) on conflict do nothing")) {
                int pending = 0;
                for (TagRow row : tags) {
                    SqlIds.bind(insert, 1, row.contactId());
                    insert.setString(2, row.tag());
                    insert.addBatch();
                    if (++pending == TAG_BATCH) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    insert.executeBatch();
                }
            }
        });
    }
}
