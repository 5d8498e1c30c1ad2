package org.memberdesk.service.diagnostics;

import java.util.UUID;
import org.memberdesk.service.contacts.EmailChange;

/**
 * What applying a fix did.
 *
 * @param action  the fix's action id
 * @param changed false when there was nothing to do (e.g. unlocking an account that is no longer locked)
 * @param message one line for the agent
 * @param emailId the email queued or retried by the fix, if any
 * @param emailChange what a corrected email address did to the account (edit-email only; else null)
 */
public record FixResult(Fix.Action action, boolean changed, String message, UUID emailId, EmailChange emailChange) {

    public FixResult(Fix.Action action, boolean changed, String message, UUID emailId) {
        this(action, changed, message, emailId, null);
    }
}
