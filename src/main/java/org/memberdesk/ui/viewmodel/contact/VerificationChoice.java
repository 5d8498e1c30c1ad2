package org.memberdesk.ui.viewmodel.contact;

import org.memberdesk.service.credentials.IdentityCheck;

/** One way the caller can have been verified, with the words the dialog shows for it. */
public record VerificationChoice(IdentityCheck.Method method, String label) {
    @Override
    public String toString() {
        return label;
    }
}
