package org.memberdesk.persistence;

import java.util.List;
import org.hibernate.Session;
import org.memberdesk.domain.TriggerEvent;

public final class TriggerEventRepository {

    private final Session session;

    TriggerEventRepository(Session session) {
        this.session = session;
    }

    public void record(TriggerEvent event) {
        session.persist(event);
    }

    public List<TriggerEvent> pending(int limit) {
        return session.createSelectionQuery(
                        "from TriggerEvent where processedAt is null order by createdAt, id", TriggerEvent.class)
                .setMaxResults(limit)
                .getResultList();
    }
}
