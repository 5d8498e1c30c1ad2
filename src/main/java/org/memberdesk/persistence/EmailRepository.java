package org.memberdesk.persistence;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;
import org.memberdesk.domain.EmailMessage;

public final class EmailRepository {

    private final Session session;

    EmailRepository(Session session) {
        this.session = session;
    }

    public Optional<EmailMessage> byId(UUID id) {
        return Optional.ofNullable(session.find(EmailMessage.class, id));
    }

    /** The contact's emails, newest first. */
    public List<EmailMessage> ofContact(UUID contactId) {
        return session.createSelectionQuery(
                        "from EmailMessage m left join fetch m.offer left join fetch m.group "
                                + "where m.contact.id = :c order by m.createdAt desc, m.id desc",
                        EmailMessage.class)
                .setParameter("c", contactId)
                .getResultList();
    }
}
