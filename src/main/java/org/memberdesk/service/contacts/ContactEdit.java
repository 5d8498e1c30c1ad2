package org.memberdesk.service.contacts;

/** A contact after an edit, and, when the email changed, what that did to the account (else null). */
public record ContactEdit(ContactSummary contact, EmailChange emailChange) {
}
