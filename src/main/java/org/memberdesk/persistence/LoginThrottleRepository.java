package org.memberdesk.persistence;

import java.time.Instant;
import java.util.Optional;
import org.hibernate.Session;
import org.memberdesk.domain.LoginThrottle;

public final class LoginThrottleRepository {

    private final Session session;

    LoginThrottleRepository(Session session) {
        this.session = session;
    }

    public Optional<LoginThrottle> find(String subjectHash) {
        return Optional.ofNullable(session.find(LoginThrottle.class, subjectHash));
    }

    public void add(LoginThrottle throttle) {
        session.persist(throttle);
    }

    /** Forgets throttles untouched since a moment that are not locked any more. */
    public int prune(Instant untouchedSince, Instant now) {
        return session.createMutationQuery(
                        "delete from LoginThrottle where updatedAt < :before"
                                + " and (lockedUntil is null or lockedUntil <= :now)")
                .setParameter("before", untouchedSince)
                .setParameter("now", now)
                .executeUpdate();
    }
}
