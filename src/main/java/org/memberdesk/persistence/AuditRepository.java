package org.memberdesk.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;
import org.hibernate.query.SelectionQuery;
import org.memberdesk.domain.AuditEvent;

public final class AuditRepository {

    private final Session session;

    AuditRepository(Session session) {
        this.session = session;
    }

    public void record(AuditEvent event) {
        session.persist(event);
    }

    public List<AuditEvent> ofContact(UUID contactId) {
        return session.createSelectionQuery(
                        "from AuditEvent where contactId = :c order by at desc, id desc", AuditEvent.class)
                .setParameter("c", contactId)
                .getResultList();
    }

    /**
     * The newest event with one of {@code actions} on the contact ({@code contactId} null: on no
     * contact), its detail containing {@code detailPart} (null: any), at or after {@code notBefore}
     * (null: any time).
     */
    public Optional<AuditEvent> newest(UUID contactId, Collection<String> actions, String detailPart,
                                       Instant notBefore) {
        return newest(contactId, actions, detailPart, notBefore, 1).stream().findFirst();
    }

    /** {@link #newest(UUID, Collection, String, Instant)}: up to {@code limit} of them, newest first. */
    public List<AuditEvent> newest(UUID contactId, Collection<String> actions, String detailPart,
                                   Instant notBefore, int limit) {
        StringBuilder where = new StringBuilder("from AuditEvent where action in (:actions)")
                .append(contactId == null ? " and contactId is null" : " and contactId = :c");
        if (detailPart != null) {
            where.append(" and detail like :detail escape '\\'");
        }
        if (notBefore != null) {
            where.append(" and at >= :from");
        }
        SelectionQuery<AuditEvent> query = session.createSelectionQuery(
                where + " order by at desc, id desc", AuditEvent.class).setParameterList("actions", actions);
        if (contactId != null) {
            query.setParameter("c", contactId);
        }
        if (detailPart != null) {
            query.setParameter("detail", "%" + escapeLike(detailPart) + "%");
        }
        if (notBefore != null) {
            query.setParameter("from", notBefore);
        }
        return query.setMaxResults(limit).getResultList();
    }

    public List<AuditEvent> latest(int limit) {
        return session.createSelectionQuery("from AuditEvent order by at desc, id desc", AuditEvent.class)
                .setMaxResults(limit)
                .getResultList();
    }

    /**
     * Events matching every given filter (null means any), newest first: {@code agent} equal
     * ignoring case, {@code contactPart} a part of the contact's email, {@code action} the action or
     * its family ("credentials" matches "credentials.unlocked"), {@code from} inclusive, {@code to}
     * exclusive.
     */
    public List<AuditEvent> search(String agent, String contactPart, String action, Instant from, Instant to,
                                   int offset, int limit) {
        return filtered("from AuditEvent", " order by at desc, id desc", AuditEvent.class,
                agent, contactPart, action, from, to)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList();
    }

    public long count(String agent, String contactPart, String action, Instant from, Instant to) {
        return filtered("select count(*) from AuditEvent", "", Long.class, agent, contactPart, action, from, to)
                .getSingleResult();
    }

    /** Every agent name on record, for the Activity view's filter. */
    public List<String> agents() {
        return session.createSelectionQuery("select distinct agent from AuditEvent order by agent", String.class)
                .getResultList();
    }

    /** Every action on record, for the Activity view's filter. */
    public List<String> actions() {
        return session.createSelectionQuery("select distinct action from AuditEvent order by action", String.class)
                .getResultList();
    }

    private <T> SelectionQuery<T> filtered(String select, String order, Class<T> type, String agent,
                                           String contactPart, String action, Instant from, Instant to) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (agent != null) {
            where.append(" and lower(agent) = :agent");
        }
        if (contactPart != null) {
            where.append(" and contactEmail like :contact escape '\\'");
        }
        if (action != null) {
            where.append(" and (action = :action or action like :family escape '\\')");
        }
        if (from != null) {
            where.append(" and at >= :from");
        }
        if (to != null) {
            where.append(" and at < :to");
        }
        SelectionQuery<T> query = session.createSelectionQuery(select + where + order, type);
        if (agent != null) {
            query.setParameter("agent", agent.strip().toLowerCase(Locale.ROOT));
        }
        if (contactPart != null) {
            query.setParameter("contact", "%" + escapeLike(contactPart.strip().toLowerCase(Locale.ROOT)) + "%");
        }
        if (action != null) {
            query.setParameter("action", action.strip());
            query.setParameter("family", escapeLike(action.strip()) + ".%");
        }
        if (from != null) {
            query.setParameter("from", from);
        }
        if (to != null) {
            query.setParameter("to", to);
        }
        return query;
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
