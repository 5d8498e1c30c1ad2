package org.memberdesk.mail;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.memberdesk.domain.AccessScope;
import org.memberdesk.domain.CommunityGroup;
import org.memberdesk.domain.Contact;
import org.memberdesk.domain.CredentialToken;
import org.memberdesk.domain.Origin;
import org.memberdesk.domain.TokenPurpose;
import org.memberdesk.persistence.Tx;

/**
 * Stores a new link's hash and supersedes the contact's older live links for the same credential. A
 * verification code and a link never supersede each other: one proves who calls, the other lets in.
 */
public final class LinkTokens {

    private LinkTokens() {
    }

    /**
     * One live link per contact and credential: the membership password, or one group's password.
     * Returns the stored token (hash only).
     */
    public static CredentialToken issue(Tx t, Contact contact, AccessScope scope, CommunityGroup group,
                                        TokenPurpose purpose, String tokenHash, Instant now, Duration ttl,
                                        Origin origin, UUID emailMessageId) {
        UUID groupId = group == null ? null : group.getId();
        List<CredentialToken> olders = purpose == TokenPurpose.VERIFY ? t.tokens().callerCodes(contact.getId())
                : t.tokens().ofContact(contact.getId());
        for (CredentialToken older : olders) {
            UUID olderGroup = older.getGroup() == null ? null : older.getGroup().getId();
            if (older.getScope() == scope && Objects.equals(olderGroup, groupId)
                    && older.state(now) == CredentialToken.State.LIVE) {
                older.supersede(now);
            }
        }
        CredentialToken token = new CredentialToken(contact, scope, group, purpose, tokenHash, now, now.plus(ttl),
                origin, emailMessageId);
        t.persist(token);
        return token;
    }
}
