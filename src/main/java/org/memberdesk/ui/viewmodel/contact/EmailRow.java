package org.memberdesk.ui.viewmodel.contact;

import java.time.Instant;
import java.util.UUID;
import org.memberdesk.ui.viewmodel.Tone;

/**
 * One email of the history tab, ready to show.
 *
 * @param about      the offer or community group the email is for, or empty
 * @param reply      the mail server's last reply, or empty
 * @param kindCode   the service's code of the kind ("welcome", "reset-link", ...)
 * @param statusCode the service's code of the status ("queued", "failed", ...)
 * @param original   the original membership welcome email of its offer
 */
public record EmailRow(UUID id, Instant createdAt, String time, String kind, String about, String subject,
                       String status, Tone statusTone, String sentBy, String reply, int attempts, String kindCode,
                       String statusCode, boolean original) {

    public boolean failed() {
        return "failed".equals(statusCode);
    }

    /** Queued, sending or retrying: its status will still change. */
    public boolean inFlight() {
        return "queued".equals(statusCode) || "sending".equals(statusCode) || "retrying".equals(statusCode);
    }
}
