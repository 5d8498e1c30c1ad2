package org.memberdesk.service.credentials;

import org.memberdesk.domain.AccessScope;
import org.memberdesk.service.StateCode;

/** Which password an action or a link touches: the membership Client Portal, or one community group's. */
public enum AccessType implements StateCode {
    MEMBERSHIP, COMMUNITY;

    /** The code, so a state in a message reads as it does in JSON. */
    @Override
    public String toString() {
        return code();
    }

    public static AccessType of(AccessScope scope) {
        return switch (scope) {
            case MEMBERSHIP -> MEMBERSHIP;
            case COMMUNITY -> COMMUNITY;
        };
    }
}
