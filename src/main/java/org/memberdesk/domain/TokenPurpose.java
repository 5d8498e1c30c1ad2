package org.memberdesk.domain;

public enum TokenPurpose implements Coded {
    RESET, SET_PASSWORD;
}
