package org.memberdesk.persistence;

import java.util.List;
import java.util.UUID;
import org.hibernate.Session;
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

    public List<AuditEvent> latest(int limit) {
        return session.createSelectionQuery("from AuditEvent order by at desc, id desc", AuditEvent.class)
                .setMaxResults(limit)
                .getResultList();
    }
}
