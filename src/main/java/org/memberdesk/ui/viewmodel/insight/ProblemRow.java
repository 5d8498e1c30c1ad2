package org.memberdesk.ui.viewmodel.insight;

/**
 * A row of the CSV file worth a remark: refused (with why) or a notice about a valid row;
 * {@code suggestedEmail} is the address a likely mistyped domain probably meant, else null.
 */
public record ProblemRow(int line, String email, String reason, boolean error, String suggestedEmail) {

    public ProblemRow(int line, String email, String reason, boolean error) {
        this(line, email, reason, error, null);
    }
}
