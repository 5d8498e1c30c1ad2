package org.memberdesk.service.importing;

import java.util.List;

/**
 * One data row of the file as the preview judges it.
 *
 * @param line    its line in the file (the header is line 1)
 * @param email   the email (normalized when valid, else as written)
 * @param name    the name as it will be stored (line breaks become spaces)
 * @param tags    the row's tags, normalized
 * @param offer   the offer's name as stored, or as written when unknown; null for none
 * @param outcome {@code new-contact}, {@code existing-contact} or {@code error}
 * @param grant   {@code grant}, {@code regrant} (a revoked or expired offer again), {@code already-active},
 *                or null when the row names no offer (or has an error)
 * @param error   why the row is refused, or null
 */
public record ImportRow(int line, String email, String name, List<String> tags, String offer, String outcome,
                        String grant, String error) {

    public boolean valid() {
        return error == null;
    }
}
