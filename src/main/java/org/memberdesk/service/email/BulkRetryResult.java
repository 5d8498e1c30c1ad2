package org.memberdesk.service.email;

import java.util.List;

/**
 * What a bulk retry did, or in a {@code dryRun} would do: the emails retried and those skipped, in
 * the order of the list (newest first). {@code notReached}: emails it was still to retry when it
 * was cancelled.
 */
public record BulkRetryResult(boolean dryRun, List<BulkRetryStep> retried, List<BulkRetryStep> skipped,
                              List<BulkRetryStep> notReached) {

    public boolean cancelled() {
        return !notReached.isEmpty();
    }
}
