package org.memberdesk.service.email;

import java.util.UUID;
import org.memberdesk.domain.EmailMessage;
import org.memberdesk.domain.EmailStatus;

/**
 * A failed, bounced or retrying email in the outbox, with whom it is for, as Outbox problems and
 * {@code emails failed} list it. {@code hardBounce}: the server refused the recipient itself, in
 * its SMTP reply or in a delivery status report that came later.
 */
public record OutboxProblem(EmailView email, UUID contactId, String contactEmail, String contactName,
                            boolean hardBounce) {

    static OutboxProblem of(EmailMessage m) {
        return new OutboxProblem(EmailView.of(m), m.getContact().getId(), m.getContact().getEmail(),
                m.getContact().getName(), hardBounce(m));
    }

    static boolean hardBounce(EmailMessage m) {
        return m.getStatus() == EmailStatus.BOUNCED && HardBounce.isStatus(m.getBounceStatus())
                || m.getStatus() == EmailStatus.FAILED && HardBounce.is(m.getLastReply());
    }
}
