package org.memberdesk.service.contacts;

/**
 * A contact just added, as typed, and the likely typo in its address to warn about (null when the
 * address looks as meant).
 */
public record ContactAdded(ContactSummary contact, AddressTypo typo) {
}
