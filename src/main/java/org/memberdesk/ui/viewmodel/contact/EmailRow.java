package org.memberdesk.ui.viewmodel.contact;

import java.time.Instant;
import java.util.UUID;
import org.memberdesk.ui.viewmodel.Tone;

/**
 * One email of the history tab, ready to show.
 *
 * @param about the offer or community group the email is for, or empty
 * @param reply the mail server's last reply, or empty
 */
public record EmailRow(UUID id, Instant createdAt, String time, String kind, String about, String subject,
                       String status, Tone statusTone, String sentBy, String reply, int attempts) {
}
