package org.memberdesk.persistence;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;
import org.memberdesk.domain.EmailKind;
import org.memberdesk.domain.EmailMessage;
import org.memberdesk.domain.EmailStatus;

public final class EmailRepository {

    private final Session session;

    EmailRepository(Session session) {
        this.session = session;
    }

    public Optional<EmailMessage> byId(UUID id) {
        return Optional.ofNullable(session.find(EmailMessage.class, id));
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
        return session.createSelectionQuery(
                        "from EmailMessage m where m.contact.id = :c and m.offer.id = :o and m.kind = :k "
                                + "order by m.createdAt, m.id",
                        EmailMessage.class)
                .setParameter("c", contactId)
                .setParameter("o", offerId)
                .setParameter("k", kind)
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
}
