package org.memberdesk.service.contacts;

import java.util.List;
import java.util.UUID;
import org.memberdesk.domain.Contact;

/** A contact as lists and the command line show it. */
public record ContactSummary(UUID id, String email, String name, List<String> tags) {

    public static ContactSummary of(Contact contact) {
        return new ContactSummary(contact.getId(), contact.getEmail(), contact.getName(),
                List.copyOf(contact.getTags()));
    }
}
