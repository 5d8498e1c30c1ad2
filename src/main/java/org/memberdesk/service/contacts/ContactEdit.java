package org.memberdesk.service.contacts;

/**
 * A contact after an edit, and, when the email changed, what that did to the account (else null);
 * {@code version}: the contact's version after it, for the next edit based on it.
 */
public record ContactEdit(ContactSummary contact, EmailChange emailChange, long version) {
}
