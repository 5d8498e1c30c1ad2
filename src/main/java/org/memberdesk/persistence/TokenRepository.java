package org.memberdesk.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;
import org.memberdesk.domain.CredentialToken;
import org.memberdesk.domain.Origin;
import org.memberdesk.domain.TokenPurpose;

public final class TokenRepository {

    private final Session session;

    TokenRepository(Session session) {
        this.session = session;
    }

    public Optional<CredentialToken> byHash(String tokenHash) {
        return session.createSelectionQuery("from CredentialToken where tokenHash = :h", CredentialToken.class)
                .setParameter("h", tokenHash)
                .uniqueResultOptional();
    }

    /** The contact's links and codes, newest first; not the codes that checked a caller ({@link #callerCodes}). */
    public List<CredentialToken> ofContact(UUID contactId) {
        return session.createSelectionQuery("from CredentialToken where contact.id = :c and purpose <> :verify"
                        + " order by createdAt desc", CredentialToken.class)
                .setParameter("c", contactId)
                .setParameter("verify", TokenPurpose.VERIFY)
                .getResultList();
    }

    /** The codes emailed to check who is calling, newest first. */
    public List<CredentialToken> callerCodes(UUID contactId) {
        return session.createSelectionQuery("from CredentialToken where contact.id = :c and purpose = :verify"
                        + " order by createdAt desc", CredentialToken.class)
                .setParameter("c", contactId)
                .setParameter("verify", TokenPurpose.VERIFY)
                .getResultList();
    }

    /**
     * When agents handed out ways in for a contact without an email (recovery links to paste, codes
     * read out by phone) since {@code since}, oldest first.
     */
    public List<Instant> handedOutSince(UUID contactId, Instant since) {
        return session.createSelectionQuery("select t.createdAt from CredentialToken t where t.contact.id = :c"
                        + " and t.purpose in (:p) and t.emailMessageId is null and t.origin = :agent"
                        + " and t.createdAt > :since order by t.createdAt", Instant.class)
                .setParameter("c", contactId)
                .setParameterList("p", List.of(TokenPurpose.RESET, TokenPurpose.CODE))
                .setParameter("agent", Origin.AGENT)
                .setParameter("since", since)
                .getResultList();
    }

    /** The contact's tokens for one credential: the membership password (group null) or one group's. */
    public List<CredentialToken> ofCredential(UUID contactId, org.memberdesk.domain.AccessScope scope, UUID groupId) {
        String groupClause = groupId == null ? "t.group is null" : "t.group.id = :g";
        var query = session.createSelectionQuery(
                        "from CredentialToken t where t.contact.id = :c and t.scope = :s and " + groupClause
                                + " order by t.createdAt desc", CredentialToken.class)
                .setParameter("c", contactId)
                .setParameter("s", scope);
        if (groupId != null) {
            query.setParameter("g", groupId);
        }
        return query.getResultList();
    }
}
