package org.memberdesk.persistence;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;
import org.memberdesk.domain.Contact;
import org.memberdesk.domain.ContactNote;

public final class ContactRepository {

    private final Session session;

    ContactRepository(Session session) {
        this.session = session;
    }

    public Optional<Contact> byId(UUID id) {
        return Optional.ofNullable(session.find(Contact.class, id));
    }

    /** Case-insensitive: emails are stored lower-cased. */
    public Optional<Contact> byEmail(String email) {
        return session.createSelectionQuery("from Contact where email = :email", Contact.class)
                .setParameter("email", email.trim().toLowerCase(Locale.ROOT))
                .uniqueResultOptional();
    }

    /**
     * Contacts whose name or email contains the query, or who carry a tag containing it,
     * case-insensitively, ordered by name. An empty query lists everyone.
     */
    public List<Contact> search(String query, int limit) {
        String q = query == null ? "" : query.trim().toLowerCase(Locale.ROOT);
        if (q.isEmpty()) {
            return session.createSelectionQuery("from Contact order by lower(name), email", Contact.class)
                    .setMaxResults(limit)
                    .getResultList();
        }
        String pattern = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return session.createSelectionQuery("""
                        from Contact c
                        where lower(c.name) like :p escape '\\'
                           or c.email like :p escape '\\'
                           or exists (select 1 from Contact t join t.tags tag
                                      where t = c and tag like :p escape '\\')
                        order by lower(c.name), c.email""", Contact.class)
                .setParameter("p", pattern)
                .setMaxResults(limit)
                .getResultList();
    }

    public long count() {
        return session.createSelectionQuery("select count(*) from Contact", Long.class).getSingleResult();
    }

    public List<ContactNote> notes(UUID contactId) {
        return session.createSelectionQuery(
                        "from ContactNote where contact.id = :id order by createdAt desc", ContactNote.class)
                .setParameter("id", contactId)
                .getResultList();
    }
}
