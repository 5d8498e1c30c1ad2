package org.memberdesk.ui.viewmodel;

/** How a state should read at a glance; views turn it into colours. */
public enum Tone {
    /** Works as intended: sent, active, password set. */
    GOOD,
    /** Needs a look: retrying, no password set yet. */
    CAUTION,
    /** Broken or blocked: failed, revoked, locked. */
    BAD,
    /** In progress: queued, sending. */
    PENDING,
    /** Over, nothing to fix: expired. */
    NEUTRAL
}
