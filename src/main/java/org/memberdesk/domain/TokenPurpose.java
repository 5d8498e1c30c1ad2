package org.memberdesk.domain;

public enum TokenPurpose implements Coded {
    RESET, SET_PASSWORD,
    /** A one-time code an agent reads out by phone; the contact trades it on the portal for a reset. */
    CODE;
}
