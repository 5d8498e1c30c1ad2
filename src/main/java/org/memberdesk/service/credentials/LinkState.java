package org.memberdesk.service.credentials;

import org.memberdesk.domain.CredentialToken;
import org.memberdesk.service.StateCode;

/** Whether a reset or set-password link still works, and if not, why. */
public enum LinkState implements StateCode {
    LIVE("this link is valid"),
    EXPIRED("this link has expired: links stop working after a while, for your safety"),
    USED("this link was already used to set a password: each link works once"),
    SUPERSEDED("a newer link was sent after this one: use the most recent email"),
    REVOKED("this link is no longer valid: it was cancelled because the password or the email"
            + " address of the account changed after it was sent"),
    /** No link has this token (or it is for another door). */
    UNKNOWN("this link is not valid");

    private final String explanation;

    LinkState(String explanation) {
        this.explanation = explanation;
    }

    /** The code, so a state in a message reads as it does in JSON. */
    @Override
    public String toString() {
        return code();
    }

    /** Plain words for the state, for the person who opened the link. */
    public String explain() {
        return explanation;
    }

    public static LinkState of(CredentialToken.State state) {
        return switch (state) {
            case LIVE -> LIVE;
            case EXPIRED -> EXPIRED;
            case USED -> USED;
            case SUPERSEDED -> SUPERSEDED;
            case REVOKED -> REVOKED;
        };
    }
}
