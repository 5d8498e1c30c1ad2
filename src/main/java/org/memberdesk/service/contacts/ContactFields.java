package org.memberdesk.service.contacts;

import java.util.Optional;
import org.memberdesk.domain.Contact;
import org.memberdesk.domain.EmailAddress;
import org.memberdesk.domain.InvalidInputException;
import org.memberdesk.service.UserError;

/**
 * The checks a contact's name and email pass before they are saved, for a form to show next to the
 * field as it is typed. Pure: no database, safe on any thread. Saving checks again.
 */
public final class ContactFields {

    private ContactFields() {
    }

    /** Why {@code typed} cannot be a contact's email address; empty when it can. */
    public static Optional<String> emailProblem(String typed) {
        try {
            EmailAddress.normalize(typed);
            return Optional.empty();
        } catch (InvalidInputException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** Why {@code typed} cannot be a contact's name; empty when it can. */
    public static Optional<String> nameProblem(String typed) {
        String trimmed = typed == null ? "" : typed.trim();
        if (trimmed.isEmpty()) {
            return Optional.of("name is required");
        }
        return trimmed.length() > Contact.MAX_NAME
                ? Optional.of("name is longer than " + Contact.MAX_NAME + " characters") : Optional.empty();
    }

    /** A save refused because another contact has (or an unfinished import holds) the email address. */
    public static final class EmailTaken extends UserError {
        public EmailTaken(String message) {
            super(message);
        }
    }
}
