package org.memberdesk.cli;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.memberdesk.service.ContactSummary;
import org.memberdesk.service.GrantResult;
import org.memberdesk.service.GrantView;
import org.memberdesk.service.OfferView;

/**
 * The JSON printed with {@code --json}. Scripts depend on these shapes, so they are spelled out
 * here rather than taken from whatever the service records happen to hold.
 */
final class JsonShapes {

    private JsonShapes() {
    }

    record Contact(UUID id, String email, String name, List<String> tags) {
    }

    record Offer(UUID id, String name, String loginUrl) {
    }

    /** A grant or revoke: the contact's grant as it now stands, and whether this command changed it. */
    record GrantChange(String contact, String offer, String status, Instant grantedAt, Instant expiresAt,
                       Instant revokedAt, String revokeReason, boolean changed, String message) {
    }

    record DemoSeeded(int contacts) {
    }

    static Contact contact(ContactSummary contact) {
        return new Contact(contact.id(), contact.email(), contact.name(), contact.tags());
    }

    static Offer offer(OfferView offer) {
        return new Offer(offer.id(), offer.name(), offer.loginUrl());
    }

    static GrantChange grantChange(GrantResult result) {
        GrantView grant = result.grant();
        return new GrantChange(result.contact().email(), grant.offer(), grant.status(), grant.grantedAt(),
                grant.expiresAt(), grant.revokedAt(), grant.revokeReason(), result.changed(), result.message());
    }
}
