package org.memberdesk.service.credentials;

import org.memberdesk.domain.AccessScope;

/** Which password an action or a link touches: the membership Client Portal, or one community group's. */
public enum AccessType {
    MEMBERSHIP("membership"), COMMUNITY("community");

    private final String code;

    AccessType(String code) {
        this.code = code;
    }

    /** The code JSON prints: "membership" or "community". */
    public String code() {
        return code;
    }

    /** The code, so a state in a message reads as it does in JSON. */
    @Override
    public String toString() {
        return code;
    }

    public static AccessType of(AccessScope scope) {
        return switch (scope) {
            case MEMBERSHIP -> MEMBERSHIP;
            case COMMUNITY -> COMMUNITY;
        };
    }
}
