package org.memberdesk.service.communities;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.memberdesk.domain.CommunityGroup;
import org.memberdesk.domain.CommunityMembership;
import org.memberdesk.domain.Contact;
import org.memberdesk.service.Actor;
import org.memberdesk.service.AuditLog;
import org.memberdesk.service.Lookups;
import org.memberdesk.service.Transactions;
import org.memberdesk.service.UserError;
import org.memberdesk.service.contacts.ContactSummary;

/** Community groups: separate spaces, each member with the group's own password. */
public final class CommunityService {

    public record GroupView(java.util.UUID id, String name, String slug) {
        static GroupView of(CommunityGroup group) {
            return new GroupView(group.getId(), group.getName(), group.getSlug());
        }
    }

    /** The outcome of adding a member: the membership and whether it is new. */
    public record MembershipResult(ContactSummary contact, CommunityView membership, boolean changed, String message) {
    }

    private final Transactions tx;
    private final AuditLog audit;
    private final Clock clock;

    public CommunityService(Transactions tx, AuditLog audit, Clock clock) {
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
    }

    public GroupView create(String name, Actor actor) {
        return tx.write(t -> {
            CommunityGroup group = new CommunityGroup(name, clock.instant());
            if (t.communities().byName(group.getName()).isPresent()) {
                throw new UserError("a community group named '" + group.getName() + "' already exists");
            }
            t.persist(group);
            audit.record(t, actor, "community.created", null, group.getName());
            return GroupView.of(group);
        });
    }

    public List<GroupView> list() {
        return tx.read(t -> t.communities().all().stream().map(GroupView::of).toList());
    }

    public MembershipResult add(String contactEmail, String groupName, Actor actor) {
        return tx.write(t -> {
            Instant now = clock.instant();
            Contact contact = Lookups.contact(t, contactEmail);
            CommunityGroup group = Lookups.group(t, groupName);
            var existing = t.communities().membership(contact.getId(), group.getId());
            if (existing.isPresent()) {
                return new MembershipResult(ContactSummary.of(contact), CommunityView.of(existing.get(), now), false,
                        contact.getEmail() + " is already a member of " + group.getName());
            }
            CommunityMembership membership = new CommunityMembership(contact, group, now);
            t.persist(membership);
            audit.record(t, actor, "community.member-added", contact, group.getName());
            return new MembershipResult(ContactSummary.of(contact), CommunityView.of(membership, now), true,
                    "added " + contact.getEmail() + " to " + group.getName());
        });
    }
}
