package org.memberdesk.service.credentials;

import java.time.Instant;

/**
 * What an agent pastes to a contact: where to log in, with which email and, for a contact who has
 * no password yet, a fresh set-password link. Never a password. The link is live: it belongs on the
 * clipboard only, so {@code toString} hides it.
 */
public record LoginDetails(String loginUrl, String loginEmail, String offer, String setPasswordLink,
                           Instant setPasswordLinkExpiresAt, String clipboardText) {

    public boolean includesSetPasswordLink() {
        return setPasswordLink != null;
    }

    @Override
    public String toString() {
        return "LoginDetails[" + loginUrl + ", " + loginEmail
                + (setPasswordLink == null ? "" : ", with set-password link") + "]";
    }
}
