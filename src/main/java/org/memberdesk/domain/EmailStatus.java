package org.memberdesk.domain;

/**
 * Delivery state of an outbox message: queued -> sending -> sent | retrying | failed; a sent message
 * becomes bounced when a delivery status report (DSN) says the recipient's server refused it later.
 */
public enum EmailStatus implements Coded {
    QUEUED, SENDING, SENT, RETRYING, FAILED, BOUNCED;

    public boolean isFinal() {
        return this == SENT || this == FAILED || this == BOUNCED;
    }
}
