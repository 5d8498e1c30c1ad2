package org.memberdesk.service.email;

import java.time.Instant;
import java.util.UUID;

/** A live link in an email the contact was sent: the email's subject and when it went out (or was queued). */
public record EmailedLink(UUID emailId, String subject, Instant sentAt) {
}
