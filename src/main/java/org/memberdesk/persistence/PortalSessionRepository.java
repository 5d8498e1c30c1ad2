package org.memberdesk.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;
import org.memberdesk.domain.PortalSession;

public final class PortalSessionRepository {

    private final Session session;

    PortalSessionRepository(Session session) {
        this.session = session;
    }

    public void add(PortalSession portalSession) {
        session.persist(portalSession);
    }

    public Optional<PortalSession> byTokenHash(String tokenHash) {
        return session.createSelectionQuery("from PortalSession where tokenHash = :h", PortalSession.class)
                .setParameter("h", tokenHash)
                .uniqueResultOptional();
    }

    public List<PortalSession> ofContact(UUID contactId) {
        return session.createSelectionQuery(
                        "from PortalSession where contact.id = :c order by createdAt", PortalSession.class)
                .setParameter("c", contactId)
                .getResultList();
    }

    public int deleteByTokenHash(String tokenHash) {
        return session.createMutationQuery("delete from PortalSession where tokenHash = :h")
                .setParameter("h", tokenHash)
                .executeUpdate();
    }

    /** Ends every session of the contact, at every door. */
    public int deleteOfContact(UUID contactId) {
        return session.createMutationQuery("delete from PortalSession where contact.id = :c")
                .setParameter("c", contactId)
                .executeUpdate();
    }

    public int deleteExpired(Instant now) {
        return session.createMutationQuery("delete from PortalSession where expiresAt <= :now")
                .setParameter("now", now)
                .executeUpdate();
    }
}
