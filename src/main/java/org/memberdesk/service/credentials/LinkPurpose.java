package org.memberdesk.service.credentials;

import org.memberdesk.domain.TokenPurpose;

/** What an emailed link is for: resetting a password, or setting a first one. */
public enum LinkPurpose {
    RESET("reset"), SET_PASSWORD("set-password");

    private final String code;

    LinkPurpose(String code) {
        this.code = code;
    }

    /** The code JSON prints: "reset" or "set-password". */
    public String code() {
        return code;
    }

    /** The code, so a state in a message reads as it does in JSON. */
    @Override
    public String toString() {
        return code;
    }

    public static LinkPurpose of(TokenPurpose purpose) {
        return switch (purpose) {
            case RESET -> RESET;
            case SET_PASSWORD -> SET_PASSWORD;
        };
    }
}
