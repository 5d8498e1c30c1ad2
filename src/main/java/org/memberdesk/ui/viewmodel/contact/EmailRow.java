package org.memberdesk.ui.viewmodel.contact;

import java.time.Instant;
import java.util.UUID;
import org.memberdesk.service.email.EmailView;
import org.memberdesk.ui.viewmodel.Tone;

/**
 * One email of the history tab, ready to show.
 *
 * @param about      the offer or community group the email is for, or empty
 * @param reply      the mail server's last reply, or empty
 * @param emailKind   the service's kind of the email
 * @param emailStatus the service's status of the email
 * @param original   the original membership welcome email of its offer
 */
public record EmailRow(UUID id, Instant createdAt, String time, String kind, String about, String subject,
                       String status, Tone statusTone, String sentBy, String reply, int attempts,
                       EmailView.Kind emailKind, EmailView.Status emailStatus, boolean original) {

    /** Failed, or bounced later: it can be retried. */
    public boolean failed() {
        return emailStatus == EmailView.Status.FAILED || emailStatus == EmailView.Status.BOUNCED;
    }

    /** Queued, sending or retrying: its status will still change. */
    public boolean inFlight() {
        return emailStatus.inFlight();
    }
}
