package org.memberdesk.mail;

import java.util.UUID;

/**
 * One email as it goes over SMTP. It may hold a live link, so it lives in memory only and its
 * {@code toString} never shows the bodies.
 */
public record OutgoingEmail(UUID id, int attempt, String to, String subject, String text, String html) {

    @Override
    public String toString() {
        return "OutgoingEmail[" + id + ", attempt " + attempt + "]";
    }
}
