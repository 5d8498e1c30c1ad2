package org.memberdesk.persistence;

import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;
import org.memberdesk.domain.PortalAccount;

public final class PortalAccountRepository {

    private final Session session;

    PortalAccountRepository(Session session) {
        this.session = session;
    }

    public Optional<PortalAccount> ofContact(UUID contactId) {
        return session.createSelectionQuery("from PortalAccount where contact.id = :c", PortalAccount.class)
                .setParameter("c", contactId)
                .uniqueResultOptional();
    }
}
