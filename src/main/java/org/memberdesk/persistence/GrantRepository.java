package org.memberdesk.persistence;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;
import org.memberdesk.domain.OfferGrant;

public final class GrantRepository {

    private final Session session;

    GrantRepository(Session session) {
        this.session = session;
    }

    public Optional<OfferGrant> of(UUID contactId, UUID offerId) {
        return session.createSelectionQuery(
                        "from OfferGrant where contact.id = :c and offer.id = :o", OfferGrant.class)
                .setParameter("c", contactId)
                .setParameter("o", offerId)
                .uniqueResultOptional();
    }

    public List<OfferGrant> ofContact(UUID contactId) {
        return session.createSelectionQuery(
                        "from OfferGrant g join fetch g.offer where g.contact.id = :c order by g.grantedAt desc",
                        OfferGrant.class)
                .setParameter("c", contactId)
                .getResultList();
    }

    /** Every grant of these contacts (a workflow batch's). */
    public List<OfferGrant> ofContacts(Collection<UUID> contactIds) {
        if (contactIds.isEmpty()) {
            return List.of();
        }
        return session.createSelectionQuery("from OfferGrant g where g.contact.id in (:ids)", OfferGrant.class)
                .setParameterList("ids", contactIds)
                .getResultList();
    }
}
