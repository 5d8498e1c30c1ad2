package org.memberdesk.domain;

/** What an email is for. Membership and community emails are kept apart on purpose. */
public enum EmailKind implements Coded {
    WELCOME(AccessScope.MEMBERSHIP),
    RESET_LINK(AccessScope.MEMBERSHIP),
    PASSWORD_CHANGED(AccessScope.MEMBERSHIP),
    COMMUNITY_WELCOME(AccessScope.COMMUNITY),
    COMMUNITY_RESET_LINK(AccessScope.COMMUNITY),
    COMMUNITY_PASSWORD_CHANGED(AccessScope.COMMUNITY),
    TEST(AccessScope.MEMBERSHIP),
    /** To the old address after an agent changed the contact's email: no link, the new address masked. */
    ADDRESS_CHANGED(AccessScope.MEMBERSHIP),
    /** A six-digit code to the address on file, which the caller reads back to the agent. */
    VERIFICATION_CODE(AccessScope.MEMBERSHIP),
    /** A single-use link that signs the contact in to the Client Portal. */
    LOGIN_LINK(AccessScope.MEMBERSHIP);

    private final AccessScope scope;

    EmailKind(AccessScope scope) {
        this.scope = scope;
    }

    public AccessScope scope() {
        return scope;
    }
}
