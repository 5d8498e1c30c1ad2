package org.memberdesk.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;
import org.hibernate.query.SelectionQuery;
import org.memberdesk.domain.EmailKind;
import org.memberdesk.domain.EmailMessage;
import org.memberdesk.domain.EmailStatus;
import org.memberdesk.domain.Origin;
import org.memberdesk.domain.TokenPurpose;

public final class EmailRepository {

    private final Session session;

    EmailRepository(Session session) {
        this.session = session;
    }

    public Optional<EmailMessage> byId(UUID id) {
        return Optional.ofNullable(session.find(EmailMessage.class, id));
    }

    private static final int BY_IDS = 10;
    private static final String BY_IDS_QUERY = "from EmailMessage m join fetch m.contact c left join fetch c.tags"
            + " where m.id in ("
            + java.util.stream.IntStream.range(0, BY_IDS).mapToObj(i -> ":id" + i)
            .collect(java.util.stream.Collectors.joining(", ")) + ")";

    /**
     * These messages with their contacts (a dispatcher's group); missing ids are left out. Ten scalar
     * parameters per query rather than a list: Hibernate keeps the translation of such a query, and
     * translates one with a list parameter anew each time.
     */
    public List<EmailMessage> byIds(java.util.Collection<UUID> ids) {
        List<UUID> all = List.copyOf(ids);
        List<EmailMessage> found = new java.util.ArrayList<>();
        for (int from = 0; from < all.size(); from += BY_IDS) {
            List<UUID> chunk = all.subList(from, Math.min(all.size(), from + BY_IDS));
            var query = session.createSelectionQuery(BY_IDS_QUERY, EmailMessage.class);
            for (int i = 0; i < BY_IDS; i++) {
                query.setParameter("id" + i, chunk.get(Math.min(i, chunk.size() - 1)));
            }
            found.addAll(query.getResultList());
        }
        return found;
    }

    /** A message the server took, as {@link EmailMessage#markSent} records it. */
    public record Sent(UUID id, String reply, String smtpMessageId) {
    }

    /**
     * Records what {@link EmailMessage#markSent} records, for messages not loaded, in one batch of
     * plain statements: the dispatcher records thousands, and Hibernate translates an HQL update
     * anew on every call.
     */
    public void markSent(List<Sent> sent, java.time.Instant now) {
        if (sent.isEmpty()) {
            return;
        }
        session.doWork(connection -> {
            try (java.sql.PreparedStatement statement = connection.prepareStatement("""
                    update email_message set status = ?, sent_at = ?, last_reply = ?, message_id = ?,
                        lease_owner = null, lease_until = null
                    where id = ?""")) {
                for (Sent s : sent) {
                    statement.setString(1, EmailStatus.SENT.name());
                    statement.setTimestamp(2, java.sql.Timestamp.from(now));
                    statement.setString(3, s.reply());
                    statement.setString(4, s.smtpMessageId());
                    SqlIds.bind(statement, 5, s.id());
                    statement.addBatch();
                }
                statement.executeBatch();
            }
        });
    }

    /** The contact's emails, newest first. */
    public List<EmailMessage> ofContact(UUID contactId) {
        return session.createSelectionQuery(
                        "from EmailMessage m left join fetch m.offer left join fetch m.group "
                                + "where m.contact.id = :c order by m.createdAt desc, m.id desc",
                        EmailMessage.class)
                .setParameter("c", contactId)
                .getResultList();
    }

    /** The contact's emails of one kind about one offer, oldest first. */
    public List<EmailMessage> ofContactAndOffer(UUID contactId, UUID offerId, EmailKind kind) {
        return oldestOfContactAndOffer("", EmailMessage.class, contactId, offerId, kind).getResultList();
    }

    /** The id of the first message of this kind and offer to a contact, without loading messages and their bodies. */
    public Optional<UUID> firstIdOf(UUID contactId, UUID offerId, EmailKind kind) {
        return oldestOfContactAndOffer("select m.id ", UUID.class, contactId, offerId, kind)
                .setMaxResults(1)
                .getResultList().stream().findFirst();
    }

    private <T> SelectionQuery<T> oldestOfContactAndOffer(String select, Class<T> type, UUID contactId, UUID offerId,
                                                          EmailKind kind) {
        return session.createSelectionQuery(select
                        + "from EmailMessage m where m.contact.id = :c and m.offer.id = :o and m.kind = :k "
                        + "order by m.createdAt, m.id", type)
                .setParameter("c", contactId)
                .setParameter("o", offerId)
                .setParameter("k", kind);
    }

    /**
     * For these contacts, the id of the first message of this kind for each offer: contact id, offer
     * id and message id per row, first messages first (as {@link #firstIdOf}).
     */
    public List<Object[]> firstIdsOf(Collection<UUID> contactIds, EmailKind kind) {
        if (contactIds.isEmpty()) {
            return List.of();
        }
        return session.createSelectionQuery("""
                        select m.contact.id, m.offer.id, m.id from EmailMessage m
                        where m.kind = :k and m.offer is not null and m.contact.id in (:ids)
                        order by m.createdAt, m.id""", Object[].class)
                .setParameter("k", kind)
                .setParameterList("ids", contactIds)
                .getResultList();
    }

    /** How many messages are in each state, over the whole outbox. */
    public Map<EmailStatus, Long> countByStatus() {
        Map<EmailStatus, Long> counts = new EnumMap<>(EmailStatus.class);
        for (EmailStatus status : EmailStatus.values()) {
            counts.put(status, 0L);
        }
        for (Object[] row : session.createSelectionQuery(
                "select m.status, count(m) from EmailMessage m group by m.status", Object[].class).getResultList()) {
            counts.put((EmailStatus) row[0], (Long) row[1]);
        }
        return counts;
    }

    /** When the next waiting message is due, if any is waiting. */
    public Optional<Instant> nextDueAt() {
        return Optional.ofNullable(session.createSelectionQuery(
                        "select min(m.nextAttemptAt) from EmailMessage m where m.status in (:waiting)", Instant.class)
                .setParameterList("waiting", List.of(EmailStatus.QUEUED, EmailStatus.RETRYING))
                .getSingleResult());
    }

    /** Creation times of the contact's emails of these kinds since a moment, oldest first. */
    public List<Instant> createdSince(UUID contactId, java.util.Collection<EmailKind> kinds, Instant since) {
        return session.createSelectionQuery(
                        "select m.createdAt from EmailMessage m where m.contact.id = :c and m.kind in (:k) "
                                + "and m.createdAt > :since order by m.createdAt", Instant.class)
                .setParameter("c", contactId)
                .setParameterList("k", kinds)
                .setParameter("since", since)
                .getResultList();
    }

    /**
     * When the emails of one kind that agents queued for a contact (their resends: agents send a
     * welcome only by resending it) were queued since {@code since}, oldest first; only those that
     * carried a link for {@code purpose} when it is given.
     */
    public List<Instant> queuedByAgentsSince(UUID contactId, EmailKind kind, TokenPurpose purpose, Instant since) {
        var query = session.createSelectionQuery(
                        "select m.createdAt from EmailMessage m where m.contact.id = :c and m.kind = :k "
                                + "and m.origin = :agent and m.createdAt > :since"
                                + (purpose == null ? "" : " and m.linkPurpose = :p") + " order by m.createdAt",
                        Instant.class)
                .setParameter("c", contactId)
                .setParameter("k", kind)
                .setParameter("agent", Origin.AGENT)
                .setParameter("since", since);
        if (purpose != null) {
            query.setParameter("p", purpose);
        }
        return query.getResultList();
    }

    /**
     * Emails in any of these states across all contacts, created in [since, until) when given, of one
     * kind when given; newest first, with their contact, offer and group loaded.
     */
    public List<EmailMessage> inStates(java.util.Collection<EmailStatus> states, Instant since, Instant until,
                                       EmailKind kind) {
        StringBuilder hql = new StringBuilder("from EmailMessage m join fetch m.contact left join fetch m.offer "
                + "left join fetch m.group where m.status in (:states)");
        if (since != null) {
            hql.append(" and m.createdAt >= :since");
        }
        if (until != null) {
            hql.append(" and m.createdAt < :until");
        }
        if (kind != null) {
            hql.append(" and m.kind = :kind");
        }
        var query = session.createSelectionQuery(hql.append(" order by m.createdAt desc, m.id desc").toString(),
                EmailMessage.class).setParameterList("states", states);
        if (since != null) {
            query.setParameter("since", since);
        }
        if (until != null) {
            query.setParameter("until", until);
        }
        if (kind != null) {
            query.setParameter("kind", kind);
        }
        return query.getResultList();
    }

    /**
     * The newest email made after {@code m} to the same contact, of the same kind and about the same
     * offer or group: one that takes its place, if any.
     */
    public Optional<EmailMessage> newerOfSameKind(EmailMessage m) {
        StringBuilder hql = new StringBuilder("from EmailMessage x where x.contact.id = :c and x.kind = :k "
                + "and x.createdAt > :at and x.id <> :id");
        hql.append(m.getOffer() == null ? " and x.offer is null" : " and x.offer.id = :o");
        hql.append(m.getGroup() == null ? " and x.group is null" : " and x.group.id = :g");
        var query = session.createSelectionQuery(hql.append(" order by x.createdAt desc, x.id desc").toString(),
                        EmailMessage.class)
                .setParameter("c", m.getContact().getId())
                .setParameter("k", m.getKind())
                .setParameter("at", m.getCreatedAt())
                .setParameter("id", m.getId());
        if (m.getOffer() != null) {
            query.setParameter("o", m.getOffer().getId());
        }
        if (m.getGroup() != null) {
            query.setParameter("g", m.getGroup().getId());
        }
        return query.setMaxResults(1).getResultList().stream().findFirst();
    }

    // ---- the outbox's leases (see the mail dispatcher) ----

    private static final String CLAIMABLE = """
            ((x.status in (:waiting) and x.nextAttemptAt <= :now) or x.status = :sending)
            and (x.leaseUntil is null or x.leaseUntil <= :now)""";

    /**
     * Whether any message could be claimed now: a plain read, so that polling an idle outbox every
     * few seconds does not take the database's write lock each time.
     */
    public boolean anyClaimable(Instant now) {
        return !session.createSelectionQuery("select x.id from EmailMessage x where " + CLAIMABLE, UUID.class)
                .setParameterList("waiting", List.of(EmailStatus.QUEUED, EmailStatus.RETRYING))
                .setParameter("sending", EmailStatus.SENDING)
                .setParameter("now", now)
                .setMaxResults(1)
                .getResultList().isEmpty();
    }

    /**
     * Leases up to {@code limit} due messages to {@code lease} until {@code until} and returns them in
     * the order to send. Call it first in its write transaction: the one statement that takes the
     * lease then waits for the write lock (SQLite) or the row locks (PostgreSQL) and sees the rows as
     * they are then.
     */
    public List<UUID> claim(String lease, Instant now, Instant until, int limit) {
        session.createMutationQuery("""
                        update EmailMessage m set m.leaseOwner = :lease, m.leaseUntil = :until
                        where m.id in (
                            select x.id from EmailMessage x
                            where %s
                            order by x.nextAttemptAt, x.id
                            limit %d)""".formatted(CLAIMABLE, limit))
                .setParameter("lease", lease)
                .setParameter("until", until)
                .setParameterList("waiting", List.of(EmailStatus.QUEUED, EmailStatus.RETRYING))
                .setParameter("sending", EmailStatus.SENDING)
                .setParameter("now", now)
                .executeUpdate();
        return session.createSelectionQuery(
                        "select m.id from EmailMessage m where m.leaseOwner = :lease order by m.nextAttemptAt, m.id",
                        UUID.class)
                .setParameter("lease", lease)
                .getResultList();
    }

    /** Gives back the lease on the messages of {@code lease} that are not being sent. */
    public int release(String lease) {
        return session.createMutationQuery("""
                        update EmailMessage m set m.leaseOwner = null, m.leaseUntil = null
                        where m.leaseOwner = :lease and m.status <> :sending""")
                .setParameter("lease", lease)
                .setParameter("sending", EmailStatus.SENDING)
                .executeUpdate();
    }

    /** Messages currently leased, by anyone. */
    public List<UUID> leased() {
        return session.createSelectionQuery("select m.id from EmailMessage m where m.leaseOwner is not null",
                UUID.class).getResultList();
    }
}
