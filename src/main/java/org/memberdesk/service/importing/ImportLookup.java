package org.memberdesk.service.importing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.memberdesk.domain.Contact;
import org.memberdesk.domain.Offer;
import org.memberdesk.persistence.ImportReads;

/**
 * What an import needs from the database, fetched in a few set-based queries (never one per row),
 * from a normal transaction (preview) or the import's bulk one.
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
    static Map<String, Offer> offers(ImportReads s) {
        Map<String, Offer> offers = new HashMap<>();
        for (Offer offer : s.offers()) {
            offers.put(Offer.key(offer.getName()), offer);
        }
        return offers;
    }

    /** The contacts among these (normalized) emails that exist, with their tags and grants. */
    static Map<String, Existing> existing(ImportReads s, Collection<String> emails) {
        Map<String, Existing> found = new HashMap<>();
        List<String> all = new ArrayList<>(emails);
        for (int i = 0; i < all.size(); i += CHUNK) {
            for (Contact c : s.contactsWithTags(all.subList(i, Math.min(all.size(), i + CHUNK)))) {
                found.put(c.getEmail(), new Existing(c, new java.util.TreeSet<>(c.getTags()), new HashMap<>()));
            }
        }
        Map<UUID, Existing> byId = new HashMap<>();
        found.values().forEach(e -> byId.put(e.contact().getId(), e));
        List<UUID> ids = new ArrayList<>(byId.keySet());
        for (int i = 0; i < ids.size(); i += CHUNK) {
            for (ImportReads.GrantRow row : s.grantsOf(ids.subList(i, Math.min(ids.size(), i + CHUNK)))) {
                byId.get(row.contactId()).grants().put(row.offerId(),
                        new GrantState(row.grantId(), row.revokedAt(), row.expiresAt()));
            }
        }
        return found;
    }
}
