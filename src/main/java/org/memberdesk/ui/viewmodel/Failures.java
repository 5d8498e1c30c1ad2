package org.memberdesk.ui.viewmodel;

import org.memberdesk.service.AuditLog;
import org.memberdesk.service.UserError;
import org.memberdesk.ui.common.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns a failed background call into one sentence for the agent. */
public final class Failures {

    private static final Logger LOG = LoggerFactory.getLogger(Failures.class);

    private Failures() {
    }

    /** {@link #describe(Exception, Messages)}, saying who changed a thing meanwhile and when, in local time. */
    public static String describe(Exception failure, Messages messages, DisplayTime time) {
        return describe(failure, messages, time, messages.get("meanwhile.changed"));
    }

    /**
     * {@link #describe(Exception, Messages, DisplayTime)}, starting with what changed ({@code
     * subject}: "This contact was changed").
     */
    public static String describe(Exception failure, Messages messages, DisplayTime time, String subject) {
        if (failure instanceof UserError.ChangedMeanwhile changed && time != null) {
            String at = changed.at().map(time::format).orElse(null);
            if (changed.by().isEmpty()) {
                return at == null ? messages.get("meanwhile.unknownWhen", subject)
                        : messages.get("meanwhile.unknown", subject, at);
            }
            String when = at == null ? "?" : at;
            return switch (changed.origin().orElse(AuditLog.Origin.AGENT)) {
                case WORKFLOW -> messages.get("meanwhile.byWorkflow", subject, changed.by().get(), when);
                case SELF_SERVICE -> messages.get("meanwhile.byContact", subject, when);
                default -> messages.get("meanwhile.byAgent", subject, changed.by().get(), when);
            };
        }
        return describe(failure, messages);
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
