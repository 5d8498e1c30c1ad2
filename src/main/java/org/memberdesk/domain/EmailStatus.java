package org.memberdesk.domain;

/** Delivery state of an outbox message: queued -> sending -> sent | retrying | failed. */
public enum EmailStatus implements Coded {
    QUEUED, SENDING, SENT, RETRYING, FAILED;

    public boolean isFinal() {
        return this == SENT || this == FAILED;
    }
}
