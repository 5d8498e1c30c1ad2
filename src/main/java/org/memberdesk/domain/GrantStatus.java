package org.memberdesk.domain;

public enum GrantStatus implements Coded {
    ACTIVE, REVOKED, EXPIRED;
}
