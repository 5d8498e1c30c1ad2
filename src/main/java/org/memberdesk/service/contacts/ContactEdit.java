package org.memberdesk.service.contacts;

/**
 * A contact after an edit, and, when the email changed, what that did to the account (else null);
 * {@code version}: the contact's version after it, for the next edit based on it; {@code typo}: when
 * the edit gave an email address, the likely typo in it to warn about (else null; saved as typed).
 */
public record ContactEdit(ContactSummary contact, EmailChange emailChange, long version, AddressTypo typo) {

    public ContactEdit(ContactSummary contact, EmailChange emailChange, long version) {
        this(contact, emailChange, version, null);
    }
}
