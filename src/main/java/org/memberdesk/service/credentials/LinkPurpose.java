package org.memberdesk.service.credentials;

import org.memberdesk.domain.TokenPurpose;
import org.memberdesk.service.StateCode;

/**
 * What a link is for: resetting a password, or setting a first one; or a code read out by phone; or
 * the code an agent emails to check who is calling.
 */
public enum LinkPurpose implements StateCode {
    RESET, SET_PASSWORD, CODE, VERIFY, LOGIN;

    /** The code, so a state in a message reads as it does in JSON. */
    @Override
    public String toString() {
        return code();
    }

    public static LinkPurpose of(TokenPurpose purpose) {
        return switch (purpose) {
            case RESET -> RESET;
            case SET_PASSWORD -> SET_PASSWORD;
            case CODE -> CODE;
            case VERIFY -> VERIFY;
            case LOGIN -> LOGIN;
        };
    }
}
