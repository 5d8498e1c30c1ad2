package org.memberdesk.service.email;

import java.util.UUID;
import org.memberdesk.mail.DeliveryEvent;
import org.memberdesk.service.StateCode;

/**
 * Progress of mail delivery, pushed while a batch sends. Arrives on the delivery thread: a view
 * model hands it to the FX thread before touching properties.
 *
 * @param emailId   the email whose status changed (message-updated only)
 * @param contactId its contact, so an open contact window knows to refresh
 * @param status    its new status (message-updated only)
 * @param batchSize messages in the batch; {@code done} of them are through
 */
public record DeliveryProgress(Phase phase, UUID emailId, UUID contactId, EmailView.Status status, int batchSize,
                               int done) {

    public enum Phase implements StateCode {
        BATCH_STARTED, MESSAGE_UPDATED, BATCH_FINISHED;

        /** The code, so a state in a message reads as it does in JSON. */
        @Override
        public String toString() {
            return code();
        }

        static Phase of(DeliveryEvent.Type type) {
            return switch (type) {
                case BATCH_STARTED -> BATCH_STARTED;
                case MESSAGE_UPDATED -> MESSAGE_UPDATED;
                case BATCH_FINISHED -> BATCH_FINISHED;
            };
        }
    }
}
