package org.memberdesk.persistence;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
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

    /** The portal accounts of these contacts, by contact id. */
    public Map<UUID, PortalAccount> ofContacts(Collection<UUID> contactIds) {
        Map<UUID, PortalAccount> accounts = new HashMap<>();
        if (contactIds.isEmpty()) {
            return accounts;
        }
        for (Object[] row : session.createSelectionQuery(
                        "select a.contact.id, a from PortalAccount a where a.contact.id in (:ids)", Object[].class)
                .setParameterList("ids", contactIds)
                .getResultList()) {
            accounts.put((UUID) row[0], (PortalAccount) row[1]);
        }
        return accounts;
    }
}
