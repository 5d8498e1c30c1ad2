package org.memberdesk.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.hibernate.SharedSessionContract;
import org.memberdesk.domain.Contact;
import org.memberdesk.domain.Offer;

/**
 * What an import reads, in set-based queries (a caller passes a chunk of keys, never one per row),
 * from a normal transaction (the preview) or the import's bulk one.
 */
public final class ImportReads {

    /** A grant of a contact, as the import judges it. */
    public record GrantRow(UUID contactId, UUID offerId, UUID grantId, Instant revokedAt, Instant expiresAt) {
    }

    private final SharedSessionContract session;

    ImportReads(SharedSessionContract session) {
        this.session = session;
    }

    public List<Offer> offers() {
        return session.createSelectionQuery("from Offer", Offer.class).getResultList();
    }

    /** The contacts with these (normalized) emails, with their tags. */
    public List<Contact> contactsWithTags(Collection<String> emails) {
        return session.createSelectionQuery(
                        "select distinct c from Contact c left join fetch c.tags where c.email in :emails",
                        Contact.class)
                .setParameter("emails", emails)
                .getResultList();
    }

    /** Every grant of these contacts. */
    public List<GrantRow> grantsOf(Collection<UUID> contactIds) {
        return session.createSelectionQuery(
                        "select g.contact.id, g.offer.id, g.id, g.revokedAt, g.expiresAt from OfferGrant g"
                                + " where g.contact.id in :ids", Object[].class)
                .setParameter("ids", contactIds)
                .getResultList().stream()
                .map(row -> new GrantRow((UUID) row[0], (UUID) row[1], (UUID) row[2], (Instant) row[3],
                        (Instant) row[4]))
                .toList();
    }
}
