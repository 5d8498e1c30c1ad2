package org.memberdesk.service.offers;

import org.memberdesk.service.contacts.ContactSummary;

/** The outcome of a grant or revoke: the grant as it now stands, and whether anything changed. */
public record GrantResult(ContactSummary contact, GrantView grant, boolean changed, String message) {
}
