package org.memberdesk.service.offers;

import java.time.Instant;
import java.util.UUID;
import org.memberdesk.domain.GrantStatus;
import org.memberdesk.domain.OfferGrant;
import org.memberdesk.service.StateCode;

/** One offer of a contact, with its status judged at the time of the query. */
public record GrantView(UUID id, UUID offerId, String offer, Status status, Instant grantedAt, Instant expiresAt,
                        Instant revokedAt, String revokeReason, String grantedBy) {

    public static GrantView of(OfferGrant grant, Instant now) {
        return new GrantView(grant.getId(), grant.getOffer().getId(), grant.getOffer().getName(),
                Status.of(grant.status(now)), grant.getGrantedAt(), grant.getExpiresAt(), grant.getRevokedAt(),
                grant.getRevokeReason(), grant.getGrantedBy());
    }

    public boolean active() {
        return status == Status.ACTIVE;
    }

    /** Active, revoked (by an agent, with a reason) or expired (its end date passed). */
    public enum Status implements StateCode {
        ACTIVE, REVOKED, EXPIRED;

        /** The code, so a state in a message reads as it does in JSON. */
        @Override
        public String toString() {
            return code();
        }

        public static Status of(GrantStatus status) {
            return switch (status) {
                case ACTIVE -> ACTIVE;
                case REVOKED -> REVOKED;
                case EXPIRED -> EXPIRED;
            };
        }
    }
}
