package org.memberdesk.service.workflow;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.memberdesk.domain.Contact;
import org.memberdesk.domain.EmailKind;
import org.memberdesk.domain.Offer;
import org.memberdesk.domain.OfferGrant;
import org.memberdesk.domain.PortalAccount;
import org.memberdesk.persistence.Tx;
import org.memberdesk.service.Actor;
import org.memberdesk.service.credentials.CredentialService;

/**
 * What sending a welcome reads about its contact (the grant, the portal account, the first welcome
 * of the offer that the new one repeats), read for a whole batch of runs in three queries instead of
 * three per run. Read in the batch's transaction before any of its steps acts; a contact that a step
 * of this transaction has since written to (queued mail, maybe made a portal account) is looked up
 * one by one again, as before.
 */
final class WelcomeLookups {

    static final WelcomeLookups NONE = new WelcomeLookups(Set.of(), Map.of(), Map.of(), Map.of());

    private record Key(UUID contact, UUID offer) {
    }

    private final Set<UUID> covered;
    private final Map<Key, OfferGrant> grants;
    private final Map<UUID, PortalAccount> accounts;
    private final Map<Key, UUID> firstWelcomes;
    private final Set<UUID> written = new HashSet<>();

    private WelcomeLookups(Set<UUID> covered, Map<Key, OfferGrant> grants, Map<UUID, PortalAccount> accounts,
                           Map<Key, UUID> firstWelcomes) {
        this.covered = covered;
        this.grants = grants;
        this.accounts = accounts;
        this.firstWelcomes = firstWelcomes;
    }

    static WelcomeLookups read(Tx t, Collection<UUID> contactIds) {
        if (contactIds.isEmpty()) {
            return NONE;
        }
        Map<Key, OfferGrant> grants = new HashMap<>();
        for (OfferGrant g : t.grants().ofContacts(contactIds)) {
            grants.put(new Key(g.getContact().getId(), g.getOffer().getId()), g);
        }
        Map<Key, UUID> firstWelcomes = new HashMap<>();
        for (Object[] row : t.emails().firstIdsOf(contactIds, EmailKind.WELCOME)) {
            firstWelcomes.putIfAbsent(new Key((UUID) row[0], (UUID) row[1]), (UUID) row[2]);
        }
        return new WelcomeLookups(new HashSet<>(contactIds), grants, t.portalAccounts().ofContacts(contactIds),
                firstWelcomes);
    }

    /** A step of this transaction wrote to the contact's mail or portal account: look it up again from now on. */
    void written(UUID contactId) {
        written.add(contactId);
    }

    private boolean covers(UUID contactId) {
        return covered.contains(contactId) && !written.contains(contactId);
    }

    Optional<OfferGrant> grant(Tx t, UUID contactId, UUID offerId) {
        return covers(contactId)
                ? Optional.ofNullable(grants.get(new Key(contactId, offerId)))
                : t.grants().of(contactId, offerId);
    }

    /** Queues the welcome as a workflow does (a resend of the first welcome of the offer, if any). */
    void queueWelcome(Tx t, CredentialService credentials, Contact contact, Offer offer, Actor actor) {
        UUID contactId = contact.getId();
        if (covers(contactId)) {
            credentials.queueWelcome(t, contact, offer, actor, accounts.get(contactId),
                    firstWelcomes.get(new Key(contactId, offer.getId())));
        } else {
            credentials.queueWelcome(t, contact, offer, actor, true);
        }
        written(contactId);
    }
}
