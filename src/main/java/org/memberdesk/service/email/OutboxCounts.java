package org.memberdesk.service.email;

/** The whole outbox at a glance (status bar, CLI); {@code failed} counts the bounced emails too. */
public record OutboxCounts(long queued, long sending, long retrying, long failed, long sent) {
}
