package org.memberdesk.service.offers;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.memberdesk.domain.Contact;
import org.memberdesk.domain.GrantStatus;
import org.memberdesk.domain.Offer;
import org.memberdesk.domain.OfferGrant;
import org.memberdesk.domain.TriggerType;
import org.memberdesk.persistence.Tx;
import org.memberdesk.service.Actor;
import org.memberdesk.service.AuditLog;
import org.memberdesk.service.Lookups;
import org.memberdesk.service.Transactions;
import org.memberdesk.service.UserError;
import org.memberdesk.service.contacts.ContactSummary;
import org.memberdesk.service.workflow.TriggerLog;

/** Offers and a contact's grants: create, grant (fires "Offer Access Granted"), revoke. */
public final class OfferService {

    private final Transactions tx;
    private final AuditLog audit;
    private final Clock clock;
    private final TriggerLog triggers;

    public OfferService(Transactions tx, AuditLog audit, Clock clock) {
        this(tx, audit, clock, new TriggerLog());
    }

    public OfferService(Transactions tx, AuditLog audit, Clock clock, TriggerLog triggers) {
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
        this.triggers = triggers;
    }

    public OfferView create(String name, String loginUrl, Actor actor) {
        return tx.write(t -> {
            Offer offer = new Offer(name, loginUrl, clock.instant());
            if (t.offers().byName(offer.getName()).isPresent()) {
                throw new UserError("an offer named '" + offer.getName() + "' already exists");
            }
            t.persist(offer);
            audit.record(t, actor, "offer.created", null, offer.getName());
            return OfferView.of(offer);
        });
    }

    public List<OfferView> list() {
        return tx.read(t -> t.offers().all().stream().map(OfferView::of).toList());
    }

    /**
     * Grants an offer until the end of {@code until} (in the clock's zone), or with no end.
     * Granting an active offer changes nothing and says so.
     */
    public GrantResult grant(String contactEmail, String offerName, LocalDate until, Actor actor) {
        return tx.write(t -> {
            Instant now = clock.instant();
            Contact contact = Lookups.contact(t, contactEmail);
            Offer offer = Lookups.offer(t, offerName);
            Instant expiresAt = until == null ? null : until.plusDays(1).atStartOfDay(clock.getZone()).toInstant();
            if (expiresAt != null && !expiresAt.isAfter(now)) {
                throw new UserError("the end date " + until + " is in the past");
            }
            Optional<OfferGrant> existing = t.grants().of(contact.getId(), offer.getId());
            if (existing.isPresent() && existing.get().isActive(now)) {
                OfferGrant grant = existing.get();
                return new GrantResult(ContactSummary.of(contact), GrantView.of(grant, now), false,
                        contact.getEmail() + " already has active access to " + offer.getName());
            }
            OfferGrant grant;
            if (existing.isPresent()) {
                grant = existing.get();
                grant.regrant(now, expiresAt, actor.label());
            } else {
                grant = new OfferGrant(contact, offer, now, expiresAt, actor.label());
                t.persist(grant);
            }
            fireGranted(t, contact, offer, now);
            audit.record(t, actor, "offer.granted", contact,
                    offer.getName() + (expiresAt == null ? "" : " until " + until));
            return new GrantResult(ContactSummary.of(contact), GrantView.of(grant, now), true,
                    "granted " + offer.getName() + " to " + contact.getEmail());
        });
    }

    public GrantResult revoke(String contactEmail, String offerName, String reason, Actor actor) {
        return tx.write(t -> {
            Instant now = clock.instant();
            Contact contact = Lookups.contact(t, contactEmail);
            Offer offer = Lookups.offer(t, offerName);
            OfferGrant grant = t.grants().of(contact.getId(), offer.getId())
                    .orElseThrow(() -> new UserError(contact.getEmail() + " does not have " + offer.getName()));
            if (grant.status(now) == GrantStatus.REVOKED) {
                return new GrantResult(ContactSummary.of(contact), GrantView.of(grant, now), false,
                        offer.getName() + " is already revoked for " + contact.getEmail());
            }
            grant.revoke(now, reason);
            audit.record(t, actor, "offer.revoked", contact,
                    offer.getName() + (grant.getRevokeReason() == null ? "" : " (" + grant.getRevokeReason() + ")"));
            return new GrantResult(ContactSummary.of(contact), GrantView.of(grant, now), true,
                    "revoked " + offer.getName() + " for " + contact.getEmail());
        });
    }

    private void fireGranted(Tx t, Contact contact, Offer offer, Instant now) {
        triggers.record(t, TriggerType.OFFER_ACCESS_GRANTED, contact, offer, null, now);
    }
}
