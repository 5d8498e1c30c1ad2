package org.memberdesk.service.email;

import java.util.UUID;

/**
 * Progress of mail delivery, pushed while a batch sends. Arrives on the delivery thread: a view
 * model hands it to the FX thread before touching properties.
 *
 * @param phase     "batch-started", "message-updated" or "batch-finished"
 * @param emailId   the email whose status changed (message-updated only)
 * @param contactId its contact, so an open contact window knows to refresh
 * @param status    its new status: queued, sending, sent, retrying, failed
 * @param batchSize messages in the batch; {@code done} of them are through
 */
public record DeliveryProgress(String phase, UUID emailId, UUID contactId, String status, int batchSize, int done) {
}
