package org.memberdesk.cli;

import org.memberdesk.service.UserError;
import org.memberdesk.service.credentials.IdentityCheck;

/** The {@code --verified-by HOW [--note T]} pair of every command that may need the caller verified. */
final class VerifiedBy {

    static final String HOW = "How you verified the caller: email-reply (they wrote from the address on file),"
            + " email-code (they read back a code from `credentials verify-code`), phone (a number on file) or"
            + " other (say how with --note). Kept in the audit log.";
    static final String NOTE = "A note on the verification; required with --verified-by other.";

    private VerifiedBy() {
    }

    /** None without --verified-by (a lone --note is refused); whether one is needed is the service's rule. */
    static IdentityCheck of(String verifiedBy, String note) {
        if (verifiedBy == null) {
            if (note != null) {
                throw new UserError("--note goes with --verified-by");
            }
            return null;
        }
        return IdentityCheck.of(verifiedBy, note);
    }
}
