package org.memberdesk.service.diagnostics;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.memberdesk.domain.AccessScope;
import org.memberdesk.domain.CommunityGroup;
import org.memberdesk.domain.CommunityMembership;
import org.memberdesk.domain.Contact;
import org.memberdesk.domain.Credential;
import org.memberdesk.domain.CredentialToken;
import org.memberdesk.domain.EmailMessage;
import org.memberdesk.domain.Offer;
import org.memberdesk.domain.OfferGrant;
import org.memberdesk.domain.PortalAccount;
import org.memberdesk.persistence.Tx;

/** Everything the checks look at for one contact, loaded in one read transaction. */
record Situation(Contact contact, Concern concern, Instant now, ZoneId zone, PortalAccount portal,
                 List<OfferGrant> grants, List<CommunityMembership> memberships, List<EmailMessage> emails,
                 List<CredentialToken> tokens, Offer askedOffer, CommunityGroup askedGroup) {

    static Situation load(Tx t, Contact contact, Concern concern, Instant now, ZoneId zone, Offer askedOffer,
                          CommunityGroup askedGroup) {
        UUID id = contact.getId();
        return new Situation(contact, concern, now, zone, t.portalAccounts().ofContact(id).orElse(null),
                t.grants().ofContact(id), t.communities().membershipsOf(id), t.emails().ofContact(id),
                t.tokens().ofContact(id), askedOffer, askedGroup);
    }

    /** The membership password's state; a contact without a portal account has none set. */
    Credential membershipCredential() {
        return portal == null ? new Credential() : portal.getCredential();
    }

    List<OfferGrant> activeGrants() {
        return grants.stream().filter(g -> g.isActive(now)).toList();
    }

    Optional<OfferGrant> grantOf(Offer offer) {
        return grants.stream().filter(g -> g.getOffer().getId().equals(offer.getId())).findFirst();
    }

    Optional<CommunityMembership> membershipOf(CommunityGroup group) {
        return memberships.stream().filter(m -> m.getGroup().getId().equals(group.getId())).findFirst();
    }

    /** The links of one credential (membership: group null), newest first. */
    List<CredentialToken> tokensOf(CommunityGroup group) {
        UUID groupId = group == null ? null : group.getId();
        AccessScope scope = group == null ? AccessScope.MEMBERSHIP : AccessScope.COMMUNITY;
        return tokens.stream()
                .filter(tok -> tok.getScope() == scope
                        && Objects.equals(groupId, tok.getGroup() == null ? null : tok.getGroup().getId()))
                .toList();
    }

    Optional<EmailMessage> email(UUID id) {
        return id == null ? Optional.empty() : emails.stream().filter(m -> m.getId().equals(id)).findFirst();
    }
}
