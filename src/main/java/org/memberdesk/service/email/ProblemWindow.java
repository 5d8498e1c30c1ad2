package org.memberdesk.service.email;

import java.time.Instant;
import org.memberdesk.domain.Coded;
import org.memberdesk.domain.EmailKind;
import org.memberdesk.service.UserError;

/**
 * Which outbox problems to look at: emails created from {@code since} (inclusive) until {@code until}
 * (exclusive), of one {@code kind}; a null bound or kind means any.
 */
public record ProblemWindow(Instant since, Instant until, EmailView.Kind kind) {

    public ProblemWindow {
        if (since != null && until != null && !since.isBefore(until)) {
            throw new UserError("the time window is empty: " + since + " is not before " + until);
        }
    }

    public static ProblemWindow any() {
        return new ProblemWindow(null, null, null);
    }

    /** With the kind as typed ("welcome", "reset-link", ...). */
    public static ProblemWindow of(Instant since, Instant until, String kind) {
        return new ProblemWindow(since, until, kind == null || kind.isBlank() ? null : kind(kind));
    }

    public boolean bounded() {
        return since != null && until != null;
    }

    EmailKind emailKind() {
        return kind == null ? null : Coded.fromCode(EmailKind.class, kind.code());
    }

    private static EmailView.Kind kind(String code) {
        for (EmailView.Kind k : EmailView.Kind.values()) {
            if (k.code().equalsIgnoreCase(code.strip())) {
                return k;
            }
        }
        StringBuilder known = new StringBuilder();
        for (EmailView.Kind k : EmailView.Kind.values()) {
            known.append(known.isEmpty() ? "" : ", ").append(k.code());
        }
        throw new UserError("unknown email kind '" + code.strip() + "'; one of " + known);
    }
}
