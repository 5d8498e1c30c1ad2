package org.memberdesk.persistence;

import java.util.List;
import java.util.Optional;
import org.hibernate.Session;
import org.memberdesk.domain.Offer;

public final class OfferRepository {

    private final Session session;

    OfferRepository(Session session) {
        this.session = session;
    }

    public Optional<Offer> byName(String name) {
        return session.createSelectionQuery("from Offer where nameKey = :key", Offer.class)
                .setParameter("key", Offer.key(name))
                .uniqueResultOptional();
    }

    public List<Offer> all() {
        return session.createSelectionQuery("from Offer order by nameKey", Offer.class).getResultList();
    }
}
