package org.memberdesk.persistence;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;
import org.memberdesk.domain.CommunityGroup;
import org.memberdesk.domain.CommunityMembership;

public final class CommunityRepository {

    private final Session session;

    CommunityRepository(Session session) {
        this.session = session;
    }

    /** Finds a group by its name or its slug, ignoring case. */
    public Optional<CommunityGroup> byName(String name) {
        return session.createSelectionQuery("from CommunityGroup where slug = :slug", CommunityGroup.class)
                .setParameter("slug", CommunityGroup.slug(name))
                .uniqueResultOptional();
    }

    public List<CommunityGroup> all() {
        return session.createSelectionQuery("from CommunityGroup order by slug", CommunityGroup.class)
                .getResultList();
    }

    public Optional<CommunityMembership> membership(UUID contactId, UUID groupId) {
        return session.createSelectionQuery(
                        "from CommunityMembership where contact.id = :c and group.id = :g", CommunityMembership.class)
                .setParameter("c", contactId)
                .setParameter("g", groupId)
                .uniqueResultOptional();
    }

    public List<CommunityMembership> membershipsOf(UUID contactId) {
        return session.createSelectionQuery(
                        "from CommunityMembership m join fetch m.group where m.contact.id = :c order by m.group.slug",
                        CommunityMembership.class)
                .setParameter("c", contactId)
                .getResultList();
    }
}
