package org.memberdesk.service.email;

import java.time.Instant;

/**
 * What {@code outbox run} did, and what is still waiting.
 *
 * @param waiting   messages queued or retrying after the run (including those due later)
 * @param nextDueAt when the next waiting message is due, or null
 */
public record OutboxRunResult(int sent, int retrying, int failed, int waiting, Instant nextDueAt) {
}
