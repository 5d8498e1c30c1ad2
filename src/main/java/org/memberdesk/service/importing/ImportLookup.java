package org.memberdesk.service.importing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.SharedSessionContract;
import org.memberdesk.domain.Contact;
import org.memberdesk.domain.Offer;

/**
 * What an import needs from the database, fetched in a few set-based queries (never one per row),
 * from a normal session (preview) or the import's stateless one.
 */
final class ImportLookup {

    private static final int CHUNK = 500;

    /** An existing grant of an existing contact. */
    record GrantState(UUID grantId, Instant revokedAt, Instant expiresAt) {
        boolean active(Instant now) {
            return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
        }
    }

    /** An existing contact with its tags and grants (by offer id). */
    record Existing(Contact contact, java.util.Set<String> tags, Map<UUID, GrantState> grants) {
    }

    private ImportLookup() {
    }

    /** Every offer by its lower-cased name. */
    static Map<String, Offer> offers(SharedSessionContract s) {
        Map<String, Offer> offers = new HashMap<>();
        for (Offer offer : s.createSelectionQuery("from Offer", Offer.class).getResultList()) {
            offers.put(Offer.key(offer.getName()), offer);
        }
        return offers;
    }

    /** The contacts among these (normalized) emails that exist, with their tags and grants. */
    static Map<String, Existing> existing(SharedSessionContract s, Collection<String> emails) {
        Map<String, Existing> found = new HashMap<>();
        List<String> all = new ArrayList<>(emails);
        for (int i = 0; i < all.size(); i += CHUNK) {
            for (Contact c : s.createSelectionQuery(
                            "select distinct c from Contact c left join fetch c.tags where c.email in :emails",
                            Contact.class)
                    .setParameter("emails", all.subList(i, Math.min(all.size(), i + CHUNK)))
                    .getResultList()) {
                found.put(c.getEmail(), new Existing(c, new java.util.TreeSet<>(c.getTags()), new HashMap<>()));
            }
        }
        Map<UUID, Existing> byId = new HashMap<>();
        found.values().forEach(e -> byId.put(e.contact().getId(), e));
        List<UUID> ids = new ArrayList<>(byId.keySet());
        for (int i = 0; i < ids.size(); i += CHUNK) {
            for (Object[] row : s.createSelectionQuery(
                            "select g.contact.id, g.offer.id, g.id, g.revokedAt, g.expiresAt from OfferGrant g"
                                    + " where g.contact.id in :ids", Object[].class)
                    .setParameter("ids", ids.subList(i, Math.min(ids.size(), i + CHUNK)))
                    .getResultList()) {
                byId.get((UUID) row[0]).grants().put((UUID) row[1],
                        new GrantState((UUID) row[2], (Instant) row[3], (Instant) row[4]));
            }
        }
        return found;
    }
}
