package org.memberdesk.ui.viewmodel;

import org.memberdesk.service.UserError;
import org.memberdesk.ui.common.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns a failed background call into one sentence for the agent. */
public final class Failures {

    private static final Logger LOG = LoggerFactory.getLogger(Failures.class);

    private Failures() {
    }

    public static String describe(Exception failure, Messages messages) {
        if (failure instanceof UserError) {
            return failure.getMessage();
        }
        LOG.error("unexpected failure in the console", failure);
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String detail = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return messages.get("error.unexpected", detail);
    }
}
