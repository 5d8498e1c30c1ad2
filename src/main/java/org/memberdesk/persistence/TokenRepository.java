package org.memberdesk.persistence;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;
import org.memberdesk.domain.CredentialToken;

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

    public List<CredentialToken> ofContact(UUID contactId) {
        return session.createSelectionQuery(
                        "from CredentialToken where contact.id = :c order by createdAt desc", CredentialToken.class)
                .setParameter("c", contactId)
                .getResultList();
    }
}
