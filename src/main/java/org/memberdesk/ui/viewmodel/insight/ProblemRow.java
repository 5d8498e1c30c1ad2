package org.memberdesk.ui.viewmodel.insight;

/** A row of the CSV file worth a remark: refused (with why) or a notice about a valid row. */
public record ProblemRow(int line, String email, String reason, boolean error) {
}
