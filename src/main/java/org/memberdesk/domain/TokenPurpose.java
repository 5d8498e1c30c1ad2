package org.memberdesk.domain;

public enum TokenPurpose implements Coded {
    RESET, SET_PASSWORD,
    /** A one-time code an agent reads out by phone; the contact trades it on the portal for a reset. */
    CODE,
    /**
     * A six-digit code emailed to the address on file that the caller reads back to the agent: it
     * proves who is on the line and is never a way in by itself.
     */
    VERIFY,
    /** A single-use sign-in link (a "magic link"): the contact is signed in to the Client Portal. */
    LOGIN;
}
