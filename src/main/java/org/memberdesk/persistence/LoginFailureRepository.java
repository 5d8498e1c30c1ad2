package org.memberdesk.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;
import org.memberdesk.domain.AccessScope;
import org.memberdesk.domain.LoginFailure;

/** Failed sign-ins of known contacts, for workflows ("N failures in M minutes") and diagnostics. */
public final class LoginFailureRepository {

    private final Session session;

    LoginFailureRepository(Session session) {
        this.session = session;
    }

    public void record(LoginFailure failure) {
        session.persist(failure);
    }

    /** The contact's failures at every door since a moment, oldest first. */
    public List<LoginFailure> ofContactSince(UUID contactId, Instant since) {
        return session.createSelectionQuery(
                        "from LoginFailure f left join fetch f.group where f.contact.id = :c and f.at >= :since"
                                + " order by f.at, f.id", LoginFailure.class)
                .setParameter("c", contactId)
                .setParameter("since", since)
                .getResultList();
    }

    /** How many times one door refused the contact since a moment: the membership portal (group null) or one group. */
    public long countSince(UUID contactId, AccessScope scope, UUID groupId, Instant since) {
        String groupClause = groupId == null ? "f.group is null" : "f.group.id = :g";
        var query = session.createSelectionQuery(
                        "select count(f) from LoginFailure f where f.contact.id = :c and f.scope = :s and "
                                + groupClause + " and f.at >= :since", Long.class)
                .setParameter("c", contactId)
                .setParameter("s", scope)
                .setParameter("since", since);
        if (groupId != null) {
            query.setParameter("g", groupId);
        }
        return query.getSingleResult();
    }

    /** Failures of the contact at one door in (from, to]: what a workflow's "N failures in M minutes" counts. */
    public long countBetween(UUID contactId, AccessScope scope, UUID groupId, Instant fromExclusive,
                             Instant toInclusive) {
        String groupClause = groupId == null ? "f.group is null" : "f.group.id = :g";
        var query = session.createSelectionQuery(
                        "select count(f) from LoginFailure f where f.contact.id = :c and f.scope = :s and "
                                + groupClause + " and f.at > :from and f.at <= :to", Long.class)
                .setParameter("c", contactId)
                .setParameter("s", scope)
                .setParameter("from", fromExclusive)
                .setParameter("to", toInclusive);
        if (groupId != null) {
            query.setParameter("g", groupId);
        }
        return query.getSingleResult();
    }
}
