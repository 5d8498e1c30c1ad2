package org.memberdesk.domain;

/** Which door a credential opens: the membership Client Portal or one community group. */
public enum AccessScope implements Coded {
    MEMBERSHIP, COMMUNITY;
}
