package org.memberdesk.service.importing;

/** Something about a valid row worth saying that is not an error (e.g. the grant is already active). */
public record RowNotice(int line, String email, String message) {
}
