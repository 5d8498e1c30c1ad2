package org.memberdesk.persistence;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.SharedSessionContract;
import org.hibernate.id.uuid.UuidVersion7Strategy;
import org.memberdesk.domain.Contact;

/**
 * The batches of imports (migration V8). An import starts a batch, writes its rows in short chunks
 * under the batch id (hidden from every reader meanwhile), and finally releases the batch in one short
 * transaction that also applies its changes to rows that existed before. A failed or cancelled
 * import, or one whose process died, is discarded: its rows are deleted, a chunk at a time.
 *
 * <p>Plain SQL throughout; ids are bound as Hibernate stores a UUID ({@link SqlIds}).
 */
public final class ImportBatchRepository {

    /** An unreleased batch: its import is still running, or died. */
    public record Unreleased(UUID id, String fileName, String startedBy, String owner, Instant startedAt,
                             Instant leaseUntil) {
    }

    /** Which process runs an import: {@code pid@host}. */
    public static final String THIS_PROCESS = ProcessHandle.current().pid() + "@" + hostName();

    private static final List<String> DISCARD = List.of(
            // Deleting a contact deletes its tags, portal account, grants and trigger events (on delete cascade).
            "delete from contact where id in (select id from contact where import_batch_id = ? limit ?)",
            "delete from offer_grant where id in (select id from offer_grant where import_batch_id = ? limit ?)",
            "delete from trigger_event where id in (select id from trigger_event where import_batch_id = ? limit ?)",
            "delete from audit_event where id in (select id from audit_event where import_batch_id = ? limit ?)");

    private final SharedSessionContract session;

    private ImportBatchRepository(SharedSessionContract session) {
        this.session = session;
    }

    static ImportBatchRepository of(SharedSessionContract session) {
        return new ImportBatchRepository(session);
    }

    /**
     * Starts a batch and returns its id: a time-ordered UUID (version 7) assigned here, made by the
     * same generator as the entities' ids ({@code @UuidGenerator(style = VERSION_7)}).
     */
    public UUID start(String fileName, String startedBy, Instant now, Instant leaseUntil) {
        // the strategy keeps its own clock and sequence; it reads nothing from the session
        UUID id = UuidVersion7Strategy.INSTANCE.generateUuid(null);
        update("""
                insert into import_batch (id, file_name, started_by, owner, started_at, lease_until)
                values (?, ?, ?, ?, ?, ?)""", id, fileName, startedBy, THIS_PROCESS, now, leaseUntil);
        return id;
    }

    /** Keeps the batch from being taken for the leftover of a dead import; false when it is gone. */
    public boolean renew(UUID id, Instant leaseUntil) {
        return update("update import_batch set lease_until = ? where id = ? and released_at is null",
                leaseUntil, id) == 1;
    }

    public List<Unreleased> unreleased() {
        return session.doReturningWork(connection -> {
            List<Unreleased> found = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement("""
                    select id, file_name, started_by, owner, started_at, lease_until from import_batch
                    where released_at is null order by started_at""");
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(new Unreleased(SqlIds.read(rows, 1), rows.getString(2),
                            rows.getString(3), rows.getString(4), instant(rows, 5), instant(rows, 6)));
                }
            }
            return found;
        });
    }

    /** Whether the process that started a batch is gone (it ran on this host and no longer exists). */
    public static boolean ownerIsGone(Unreleased batch) {
        String owner = batch.owner();
        int at = owner.indexOf('@');
        if (at < 0 || !owner.substring(at + 1).equals(hostName()) || owner.equals(THIS_PROCESS)) {
            return false;
        }
        try {
            return ProcessHandle.of(Long.parseLong(owner.substring(0, at))).map(p -> !p.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The contacts of this batch among these emails, by email: rows the import wrote in earlier chunks. */
    public java.util.Map<String, Contact> ownContacts(UUID batch, List<String> emails) {
        java.util.Map<String, Contact> found = new java.util.HashMap<>();
        for (int from = 0; from < emails.size(); from += 500) {
            List<String> part = emails.subList(from, Math.min(emails.size(), from + 500));
            // A native query: the entity's restriction would hide the batch's own rows.
            for (Contact contact : session.createNativeQuery(
                            "select * from contact where import_batch_id = :batch and email in (:emails)", Contact.class)
                    .setParameter("batch", SqlIds.parameter(session, batch))
                    .setParameterList("emails", part)
                    .getResultList()) {
                found.put(contact.getEmail(), contact);
            }
        }
        return found;
    }

    /** Notes a tag for a contact that existed before the import; the release adds it. */
    public void pendingTag(UUID batch, UUID contactId, String tag) {
        update("insert into import_pending_tag (batch_id, contact_id, tag) values (?, ?, ?) on conflict do nothing",
                batch, contactId, tag);
    }

    /** Notes a revoked or expired grant to grant again; the release does it. */
    public void pendingRegrant(UUID batch, UUID grantId) {
        update("insert into import_pending_regrant (batch_id, grant_id) values (?, ?) on conflict do nothing",
                batch, grantId);
    }

    /** Adds a tag to a contact of this batch (a later row of the file for a contact it creates). */
    public void addTag(UUID contactId, String tag) {
        update("insert into contact_tag (contact_id, tag) values (?, ?) on conflict do nothing", contactId, tag);
    }

    /**
     * Makes the batch visible: applies its changes to rows that existed before, then marks it released,
     * which shows its contacts, grants, audit entries and trigger events at once. False when the batch
     * is gone (discarded as the leftover of a dead import).
     */
    public boolean release(UUID batch, Instant now, String grantedBy) {
        UUID id = batch;
        update("""
                insert into contact_tag (contact_id, tag)
                select p.contact_id, p.tag from import_pending_tag p where p.batch_id = ?
                  and exists (select 1 from contact c where c.id = p.contact_id)
                  and not exists (select 1 from contact_tag t where t.contact_id = p.contact_id and t.tag = p.tag)""",
                id);
        update("""
                update contact set updated_at = ?, version = version + 1
                where id in (select contact_id from import_pending_tag where batch_id = ?)""", now, id);
        update("""
                update offer_grant set granted_at = ?, expires_at = null, revoked_at = null, revoke_reason = null,
                    granted_by = ?, version = version + 1
                where id in (select grant_id from import_pending_regrant where batch_id = ?)""", now, grantedBy, id);
        // Those contacts change now, not when the import started: their entries say so, like updated_at.
        update("""
                update audit_event set at = ? where import_batch_id = ? and action = 'contact.edited'
                  and contact_id in (select contact_id from import_pending_tag where batch_id = ?)""", now, id, id);
        update("delete from import_pending_tag where batch_id = ?", id);
        update("delete from import_pending_regrant where batch_id = ?", id);
        return update("update import_batch set released_at = ? where id = ? and released_at is null", now, id) == 1;
    }

    /**
     * Deletes up to {@code limit} rows of an unreleased batch (call it in short transactions until it
     * returns 0); with nothing left, the batch itself goes. Returns how many rows went.
     */
    public int discardSome(UUID batch, int limit) {
        UUID id = batch;
        if (isReleased(id)) {
            return 0;
        }
        for (String sql : DISCARD) {
            int deleted = update(sql, id, limit);
            if (deleted > 0) {
                return deleted;
            }
        }
        update("delete from import_pending_tag where batch_id = ?", id);
        update("delete from import_pending_regrant where batch_id = ?", id);
        update("delete from import_batch where id = ? and released_at is null", id);
        return 0;
    }

    private boolean isReleased(UUID id) {
        return session.doReturningWork(connection -> {
            try (PreparedStatement statement = prepare(connection,
                    "select released_at is not null from import_batch where id = ?", id);
                 ResultSet rows = statement.executeQuery()) {
                return rows.next() && rows.getBoolean(1);
            }
        });
    }

    /** Whether a contact with this (normalized) email is being written by an import that has not finished. */
    public boolean emailBeingImported(String email) {
        return session.doReturningWork(connection -> {
            try (PreparedStatement statement = prepare(connection, "select exists (select 1 from contact"
                    + " where email = ? and not (" + org.memberdesk.domain.ImportBatch.VISIBLE + "))", email);
                 ResultSet rows = statement.executeQuery()) {
                return rows.next() && rows.getBoolean(1);
            }
        });
    }

    /** Whether any import has rows out of sight right now (readers that bypass Hibernate filter them then). */
    static boolean anyUnreleased(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select exists (select 1 from import_batch where released_at is null)");
             ResultSet rows = statement.executeQuery()) {
            return rows.next() && rows.getBoolean(1);
        }
    }

    /** The ids of contacts hidden by an unreleased batch, as a subquery for {@code contact_id not in (...)}. */
    static final String HIDDEN_CONTACT_IDS = "select hidden.id from contact hidden where hidden.import_batch_id in"
            + " (select pending_batch.id from import_batch pending_batch where pending_batch.released_at is null)";

    private int update(String sql, Object... parameters) {
        return session.doReturningWork(connection -> {
            try (PreparedStatement statement = prepare(connection, sql, parameters)) {
                return statement.executeUpdate();
            }
        });
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            Object value = parameters[i];
            if (value instanceof Instant instant) {
                statement.setTimestamp(i + 1, Timestamp.from(instant));
            } else if (value instanceof UUID id) {
                SqlIds.bind(statement, i + 1, id);
            } else {
                statement.setObject(i + 1, value);
            }
        }
        return statement;
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        Timestamp value = rows.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }
}
