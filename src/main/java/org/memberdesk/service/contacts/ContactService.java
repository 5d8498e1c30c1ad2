package org.memberdesk.service.contacts;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.memberdesk.domain.Contact;
import org.memberdesk.domain.EmailAddress;
import org.memberdesk.domain.PortalAccount;
import org.memberdesk.mail.EmailComposer;
import org.memberdesk.mail.Outbox;
import org.memberdesk.persistence.Tx;
import org.memberdesk.service.Actor;
import org.memberdesk.service.AuditLog;
import org.memberdesk.service.JoinsTransaction;
import org.memberdesk.service.Lookups;
import org.memberdesk.service.Transactions;
import org.memberdesk.service.UserError;
import org.memberdesk.service.communities.CommunityView;
import org.memberdesk.service.credentials.CredentialView;
import org.memberdesk.service.credentials.IdentityCheck;
import org.memberdesk.service.credentials.IdentityChecks;
import org.memberdesk.service.email.EmailView;
import org.memberdesk.service.offers.GrantView;
import org.memberdesk.service.workflow.TriggerLog;

/** Creating, editing, finding and opening contacts. */
public final class ContactService {

    public static final int DEFAULT_SEARCH_LIMIT = 50;

    /** What changes a contact's name, email or tags, as the audit log records it. */
    private static final List<String> FIELD_CHANGES = List.of("contact.edited", "contact.email-changed",
            "contact.tag-added", "contact.tag-removed", "contact.created");

    private final Transactions tx;
    private final AuditLog audit;
    private final Clock clock;
    private final TriggerLog triggers;
    private final AddressChange addressChange;

    public ContactService(Transactions tx, AuditLog audit, Clock clock) {
        this(tx, audit, clock, new TriggerLog(),
                new AddressChange(audit, clock, new Outbox(clock), new EmailComposer(clock)));
    }

    public ContactService(Transactions tx, AuditLog audit, Clock clock, TriggerLog triggers, AddressChange addressChange) {
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
        this.triggers = triggers;
        this.addressChange = addressChange;
    }

    public ContactSummary add(String email, String name, Collection<String> tags, Actor actor) {
        return create(email, name, tags, actor).contact();
    }

    /**
     * {@link #add}, saying also whether the address looks like a typo of a common mail domain: a
     * warning for the agent, never a refusal (the contact is saved as typed).
     */
    public ContactAdded create(String email, String name, Collection<String> tags, Actor actor) {
        ContactSummary added = tx.write(t -> {
            Instant now = clock.instant();
            Contact contact = new Contact(email, name, tags, now);
            if (t.contacts().byEmail(contact.getEmail()).isPresent()) {
                throw new ContactFields.EmailTaken("a contact with email " + contact.getEmail() + " already exists");
            }
            refuseIfBeingImported(t, contact.getEmail());
            t.persist(contact);
            t.persist(new PortalAccount(contact, now));
            audit.record(t, actor, "contact.created", contact, "name: " + contact.getName());
            for (String tag : contact.getTags()) {
                triggers.tagAdded(t, contact, tag, List.of(), now);
            }
            return ContactSummary.of(contact);
        });
        return new ContactAdded(added, AddressTypo.of(added.email()).orElse(null));
    }

    /**
     * Changes what is given (null leaves a field as it is; tags, when given, replace the old ones).
     */
    public ContactSummary edit(String contactEmail, String newEmail, String newName, Collection<String> newTags,
                               Actor actor) {
        return change(contactEmail, newEmail, newName, newTags, actor).contact();
    }

    /** {@link #edit(String, String, String, Collection, Actor)} with how the caller was verified (see {@link #change}). */
    public ContactSummary edit(String contactEmail, String newEmail, String newName, Collection<String> newTags,
                               IdentityCheck identity, Actor actor) {
        return change(contactEmail, newEmail, newName, newTags, identity, actor).contact();
    }

    /**
     * {@link #edit}, saying also what a new email address did to the account, and whether an email
     * address given looks like a typo (a warning; saved as typed): the one path for
     * every email change (console, command line, Diagnose's fix). In the same transaction it
     * revokes every unused link of the contact, ends every session, clears a password chosen
     * through a link mailed elsewhere, and tells the old address.
     */
    public ContactEdit change(String contactEmail, String newEmail, String newName, Collection<String> newTags,
                              Actor actor) {
        return change(contactEmail, newEmail, newName, newTags, null, actor);
    }

    /**
     * {@link #change(String, String, String, Collection, Actor)}, saying how the agent verified the
     * caller: an email change needs it unless the rule is relaxed
     * ({@link IdentityChecks.VerificationNeeded}); it goes into the audit event.
     */
    public ContactEdit change(String contactEmail, String newEmail, String newName, Collection<String> newTags,
                              IdentityCheck identity, Actor actor) {
        return tx.write(t -> change(t, Lookups.contact(t, contactEmail), newEmail, newName, newTags, identity, actor));
    }

    /**
     * {@link #change}, from a form filled with the contact as it was at {@code seenVersion} (its
     * {@link ContactCard#version()}): refused with {@link UserError.ChangedMeanwhile}, writing
     * nothing, when its name, email or tags changed since. The returned edit carries the new version.
     */
    public ContactEdit change(UUID contactId, long seenVersion, String newEmail, String newName,
                              Collection<String> newTags, Actor actor) {
        return change(contactId, seenVersion, newEmail, newName, newTags, null, actor);
    }

    /** {@link #change(UUID, long, String, String, Collection, Actor)} with how the caller was verified. */
    public ContactEdit change(UUID contactId, long seenVersion, String newEmail, String newName,
                              Collection<String> newTags, IdentityCheck identity, Actor actor) {
        return tx.write(t -> {
            Contact contact = t.contacts().byId(contactId)
                    .orElseThrow(() -> new UserError("that contact no longer exists"));
            if (contact.getVersion() != seenVersion) {
                throw audit.changedMeanwhile(t, contact.getId(), FIELD_CHANGES, null, contact.getUpdatedAt());
            }
            return change(t, contact, newEmail, newName, newTags, identity, actor);
        });
    }

    private ContactEdit change(Tx t, Contact contact, String newEmail, String newName, Collection<String> newTags,
                               IdentityCheck identity, Actor actor) {
        StringBuilder changes = new StringBuilder();
        String oldEmail = null;
        if (newEmail != null) {
            String normalized = EmailAddress.normalize(newEmail);
            if (!normalized.equals(contact.getEmail())) {
                if (t.contacts().byEmail(normalized).isPresent()) {
                    throw new ContactFields.EmailTaken("a contact with email " + normalized + " already exists");
                }
                refuseIfBeingImported(t, normalized);
                String verified = IdentityChecks.forEmailChange(t, contact, identity, clock.instant());
                changes.append("email: ").append(contact.getEmail()).append(" -> ").append(normalized)
                        .append(verified == null ? "" : " (" + verified + ")").append("; ");
                oldEmail = contact.getEmail();
                contact.changeEmail(normalized);
            }
        }
        if (newName != null && !newName.trim().equals(contact.getName())) {
            String old = contact.getName();
            contact.rename(newName);
            changes.append("name: ").append(old).append(" -> ").append(contact.getName()).append("; ");
        }
        if (newTags != null) {
            List<String> before = List.copyOf(contact.getTags());
            contact.replaceTags(newTags);
            if (!before.equals(List.copyOf(contact.getTags()))) {
                changes.append("tags: ").append(String.join(", ", contact.getTags())).append("; ");
                for (String tag : contact.getTags()) {
                    if (!before.contains(tag)) {
                        triggers.tagAdded(t, contact, tag, List.of(), clock.instant());
                    }
                }
            }
        }
        if (changes.length() > 0) {
            contact.touch(clock.instant());
            audit.record(t, actor, "contact.edited", contact, changes.substring(0, changes.length() - 2));
        }
        EmailChange emailChange = oldEmail == null ? null
                : addressChange.apply(t, contact, oldEmail, contact.getEmail(), actor);
        t.flush(); // counts the version up now, for the edit to carry
        AddressTypo typo = newEmail == null ? null : AddressTypo.of(contact.getEmail()).orElse(null);
        return new ContactEdit(ContactSummary.of(contact), emailChange, contact.getVersion(), typo);
    }

    /**
     * An import that has not finished holds the address (its contacts are not shown until it has): the
     * agent is told so rather than getting a clash with a contact they cannot see.
     */
    private static void refuseIfBeingImported(Tx t, String email) {
        if (t.importBatches().emailBeingImported(email)) {
            throw new ContactFields.EmailTaken(email + " is being imported right now (an import that has not finished); when it"
                    + " has, the contact appears and can be edited");
        }
    }

    public List<ContactSummary> find(String query) {
        return find(query, DEFAULT_SEARCH_LIMIT);
    }

    public List<ContactSummary> find(String query, int limit) {
        return tx.read(t -> t.contacts().search(query, limit).stream().map(ContactSummary::of).toList());
    }

    public ContactSummary byEmail(String email) {
        return tx.read(t -> ContactSummary.of(Lookups.contact(t, email)));
    }

    public long count() {
        return tx.read(t -> t.contacts().count());
    }

    /** Everything the contact window shows. */
    public ContactCard card(UUID contactId) {
        return tx.read(t -> {
            Contact contact = t.contacts().byId(contactId)
                    .orElseThrow(() -> new UserError("that contact no longer exists"));
            return loadCard(t, contact);
        });
    }

    private ContactCard loadCard(Tx t, Contact contact) {
        Instant now = clock.instant();
        CredentialView portal = t.portalAccounts().ofContact(contact.getId())
                .map(a -> CredentialView.of(a.getCredential(), now))
                .orElse(CredentialView.of(null, now));
        return new ContactCard(ContactSummary.of(contact), contact.getVersion(), portal,
                t.grants().ofContact(contact.getId()).stream().map(g -> GrantView.of(g, now)).toList(),
                t.communities().membershipsOf(contact.getId()).stream().map(m -> CommunityView.of(m, now)).toList(),
                t.emails().ofContact(contact.getId()).stream().map(EmailView::of).toList());
    }

    /**
     * Adds a tag in the caller's transaction and, when the contact did not have it, records "Tag
     * Added" with it: the one path for a tag added outside a form (a workflow's Add Tag).
     * {@code via} names the workflows whose actions led here. Returns false when it was there.
     */
    @JoinsTransaction
    public static boolean addTag(Tx t, TriggerLog triggers, Contact contact, String tag, List<String> via, Instant now) {
        if (!contact.addTag(tag)) {
            return false;
        }
        contact.touch(now);
        triggers.tagAdded(t, contact, Contact.normalizeTag(tag), via, now);
        return true;
    }
}
