package org.memberdesk.service.email;

/**
 * What one read of the bounce mailbox found: delivery status reports read, emails marked bounced,
 * reports of a delay (nothing changed), and reports that match no email (left in the mailbox).
 *
 * @param configured false when no bounce mailbox is set: nothing was read
 */
public record BounceCheck(boolean configured, int reports, int bounced, int delayed, int unmatched) {
}
