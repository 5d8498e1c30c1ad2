package org.memberdesk.service.communities;

import java.util.UUID;
import org.memberdesk.domain.CommunityMembership;
import org.memberdesk.service.credentials.CredentialView;

/** A contact's membership of one community group, with that group's own credential state. */
public record CommunityView(UUID membershipId, String group, String slug, CredentialView credential) {

    public static CommunityView of(CommunityMembership membership, java.time.Instant now) {
        return new CommunityView(membership.getId(), membership.getGroup().getName(),
                membership.getGroup().getSlug(), CredentialView.of(membership.getCredential(), now));
    }
}
