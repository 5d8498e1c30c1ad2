package org.memberdesk.mail;

import java.util.UUID;

/**
 * One email as it goes over SMTP. It may hold a live link, so it lives in memory only and its
 * {@code toString} never shows the bodies.
 *
 * @param returnPath the envelope sender when bounces go to the bounce mailbox ({@link VerpAddress}),
 *                   else null: the from address
 */
public record OutgoingEmail(UUID id, int attempt, String to, String subject, String text, String html,
                            String returnPath) {

    public OutgoingEmail(UUID id, int attempt, String to, String subject, String text, String html) {
        this(id, attempt, to, subject, text, html, null);
    }

    @Override
    public String toString() {
        return "OutgoingEmail[" + id + ", attempt " + attempt + "]";
    }
}
