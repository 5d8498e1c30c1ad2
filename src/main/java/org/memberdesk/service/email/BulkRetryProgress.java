package org.memberdesk.service.email;

/** Follows a bulk retry as it goes, and may cancel it between two emails. */
public interface BulkRetryProgress {

    BulkRetryProgress NONE = (step, done, total) -> {
    };

    /** One email of the plan was retried or, having changed since, skipped: {@code done} of {@code total}. */
    void step(BulkRetryStep step, int done, int total);

    /** Asked before each email and while waiting for the next: true stops the retry there. */
    default boolean cancelled() {
        return false;
    }
}
