package org.memberdesk.service.live;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What was committed since the last batch, in order. {@link #everything()} is true when a reader
 * should reload all it shows: data was replaced wholesale, or the feed may have missed entries.
 */
public record Changes(List<Change> changes, boolean gap) {

    /** The kinds that a contact's window shows: her fields, credentials, emails, offers, groups. */
    private static final ChangeKind[] SHOWN_WITH_A_CONTACT = {ChangeKind.CONTACT, ChangeKind.CREDENTIAL,
        ChangeKind.EMAIL, ChangeKind.GRANT, ChangeKind.COMMUNITY};

    public Changes {
        changes = List.copyOf(changes);
    }

    public boolean everything() {
        return gap || changes.stream().anyMatch(change -> change.kind() == ChangeKind.EVERYTHING);
    }

    /** True when any change is of one of these kinds, or {@link #everything()}. */
    public boolean any(ChangeKind... kinds) {
        Set<ChangeKind> wanted = Set.of(kinds);
        return everything() || changes.stream().anyMatch(change -> wanted.contains(change.kind()));
    }

    /** True when a change of one of these kinds concerns many contacts at once (no contact named). */
    public boolean manyContacts(ChangeKind... kinds) {
        Set<ChangeKind> wanted = Set.of(kinds);
        return everything() || changes.stream()
                .anyMatch(change -> wanted.contains(change.kind()) && change.contactId() == null
                        && change.subjectId() == null && change.settingKey() == null);
    }

    /** The contacts whose window would show something new, each once, in order of first change. */
    public Set<java.util.UUID> contactsShown() {
        return contacts(SHOWN_WITH_A_CONTACT);
    }

    /** True when something a contact's window shows changed for many contacts at once. */
    public boolean manyContactsShown() {
        return manyContacts(SHOWN_WITH_A_CONTACT);
    }

    /** The contacts that changes of these kinds concern, each once, in order of first change. */
    public Set<java.util.UUID> contacts(ChangeKind... kinds) {
        List<ChangeKind> wanted = Arrays.asList(kinds);
        Set<java.util.UUID> ids = new LinkedHashSet<>();
        for (Change change : changes) {
            if (change.contactId() != null && (wanted.isEmpty() || wanted.contains(change.kind()))) {
                ids.add(change.contactId());
            }
        }
        return ids;
    }
}
