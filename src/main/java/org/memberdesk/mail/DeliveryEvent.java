package org.memberdesk.mail;

import java.util.UUID;
import org.memberdesk.domain.EmailStatus;

/**
 * Progress of the dispatcher, for a progress bar and for refreshing an open Email History. Sent on
 * the dispatcher's thread, after the change it reports has been committed.
 */
public record DeliveryEvent(Type type, UUID emailId, UUID contactId, EmailStatus status, int batchSize, int done) {

    public enum Type {
        BATCH_STARTED, MESSAGE_UPDATED, BATCH_FINISHED
    }
}
