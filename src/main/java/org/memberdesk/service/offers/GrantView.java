package org.memberdesk.service.offers;

import java.time.Instant;
import java.util.UUID;
import org.memberdesk.domain.OfferGrant;

/** One offer of a contact, with its status judged at the time of the query. */
public record GrantView(UUID id, UUID offerId, String offer, String status, Instant grantedAt, Instant expiresAt,
                        Instant revokedAt, String revokeReason, String grantedBy) {

    public static GrantView of(OfferGrant grant, Instant now) {
        return new GrantView(grant.getId(), grant.getOffer().getId(), grant.getOffer().getName(),
                grant.status(now).code(), grant.getGrantedAt(), grant.getExpiresAt(), grant.getRevokedAt(),
                grant.getRevokeReason(), grant.getGrantedBy());
    }

    public boolean active() {
        return "active".equals(status);
    }
}
