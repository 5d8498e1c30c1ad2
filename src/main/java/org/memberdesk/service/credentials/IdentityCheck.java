package org.memberdesk.service.credentials;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.memberdesk.service.StateCode;
import org.memberdesk.service.UserError;

/**
 * How the agent knew the caller was the contact before handing out a way in that bypasses the
 * contact's mailbox. It becomes part of the audit event, so a social-engineering attempt leaves a
 * trail that names what was checked.
 */
public record IdentityCheck(Method method, String note) {

    static final int MAX_NOTE = 200;

    public enum Method implements StateCode {
        /** The request came from the address on file, and the agent replied to it. */
        EMAIL_REPLY,
        /** The caller read back a code the agent emailed to the address on file ({@link IdentityChecks}). */
        EMAIL_CODE,
        /** The caller is on a phone number the business already had for the contact. */
        PHONE,
        /** Something else, said in the note. */
        OTHER
    }

    public IdentityCheck {
        if (method == null) {
            throw new UserError("say how you verified that the caller is the contact");
        }
        note = note == null || note.isBlank() ? null : note.strip();
        if (method == Method.OTHER && note == null) {
            throw new UserError("'other' needs a note saying how the caller was verified");
        }
        if (note != null && note.length() > MAX_NOTE) {
            throw new UserError("the verification note may have at most " + MAX_NOTE + " characters");
        }
    }

    /** From the command line's words: email-reply, email-code, phone or other. */
    public static IdentityCheck of(String method, String note) {
        String typed = method == null ? "" : method.strip();
        Method chosen = Arrays.stream(Method.values()).filter(m -> m.code().equalsIgnoreCase(typed)).findFirst()
                .orElseThrow(() -> new UserError("--verified-by takes " + codes() + ", not '" + typed + "'"));
        return new IdentityCheck(chosen, note);
    }

    static String codes() {
        return Arrays.stream(Method.values()).map(Method::code).collect(Collectors.joining(", "));
    }

    /** The part of the audit detail that says it: "caller verified by phone (note: ...)". */
    String audited() {
        return "caller verified by " + method.code() + (note == null ? "" : " (note: " + note + ")");
    }
}
