package org.memberdesk.service.email;

import org.memberdesk.service.StateCode;

/**
 * One email of a bulk retry: retried (or, in a dry run, to be retried) when {@code skipped} is null,
 * else skipped, with {@code why} in words.
 */
public record BulkRetryStep(OutboxProblem problem, Skip skipped, String why) {

    public boolean retried() {
        return skipped == null;
    }

    /** Why an email of the window is left as it is. */
    public enum Skip implements StateCode {
        /** The contact has had a newer email of the same kind since. */
        NEWER_EMAIL,
        /** The server refused the recipient: retrying fails again until the address is checked. */
        HARD_BOUNCE,
        /** Not failed: the outbox tries it again by itself. */
        STILL_RETRYING,
        /** Retried, sent or otherwise changed by someone else after the plan was made. */
        CHANGED_MEANWHILE;

        @Override
        public String toString() {
            return code();
        }
    }
}
