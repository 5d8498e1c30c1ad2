package org.memberdesk.service.email;

import org.memberdesk.service.UserError;

/**
 * Retry the failed emails of a time window: hard bounces too only with {@code includeHardBounces};
 * at most {@code perMinute} queued per minute (0: as fast as they go).
 */
public record BulkRetryRequest(ProblemWindow window, boolean includeHardBounces, int perMinute) {

    public BulkRetryRequest {
        if (window == null || !window.bounded()) {
            throw new UserError("a bulk retry needs a time window: give both since and until");
        }
        if (perMinute < 0) {
            throw new UserError("the rate must be a positive number of emails per minute");
        }
    }
}
