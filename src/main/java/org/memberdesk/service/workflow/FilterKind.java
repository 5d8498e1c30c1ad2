package org.memberdesk.service.workflow;

import org.memberdesk.service.StateCode;

/** A condition a run checks before its actions; when one does not hold, the run stops there. */
public enum FilterKind implements StateCode {
    /** The triggering offer is this offer (Offer Access Granted only). */
    OFFER_IS("Offer Is"),
    HAS_TAG("Has Tag"),
    LACKS_TAG("Lacks Tag"),
    /** The contact never logged in to the Client Portal. */
    NEVER_LOGGED_IN("Never Logged In"),
    /** No membership welcome email for the offer (the triggering one unless named) in the last N hours. */
    NO_RECENT_WELCOME("No Recent Welcome");

    private final String label;

    FilterKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
