package org.memberdesk.ui.viewmodel.mail;

import java.util.UUID;
import org.memberdesk.service.email.EmailView;

/**
 * One failed or retrying email of Outbox problems, ready to show.
 *
 * @param contact   the contact's name and email
 * @param reply     the mail server's last reply, or empty
 * @param attempts  "5 attempts"
 * @param hardBounce the server refused the recipient: check the address before retrying
 */
public record OutboxProblemRow(UUID emailId, UUID contactId, String contactName, String contactEmail, String contact,
                               String kind, String status, String attempts, String reply, String time,
                               EmailView.Status emailStatus, boolean hardBounce) {

    /** Failed, or bounced later: it can be retried. */
    public boolean failed() {
        return emailStatus == EmailView.Status.FAILED || emailStatus == EmailView.Status.BOUNCED;
    }
}
