package org.memberdesk.service.importing;

/** A row that is not imported: its line in the file (the header is line 1), its email as written, and why. */
public record RowProblem(int line, String email, String reason) {
}
