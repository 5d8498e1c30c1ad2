package org.memberdesk.service.importing;

/**
 * Something about a valid row worth saying that is not an error (e.g. the grant is already active,
 * or the address looks mistyped); {@code suggestedEmail}: for a likely typo, the address the row
 * most likely meant (else null; the row is imported as written).
 */
public record RowNotice(int line, String email, String message, String suggestedEmail) {

    public RowNotice(int line, String email, String message) {
        this(line, email, message, null);
    }
}
