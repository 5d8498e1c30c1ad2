package org.memberdesk.service.workflow;

import java.util.Locale;

/** Which offer's welcome email "Send Membership Welcome Email" sends. */
public enum WelcomeFor {
    /** The offer whose grant started the run (Offer Access Granted). */
    TRIGGERING_OFFER("the triggering offer"),
    /** One offer named in the step; the contact must have it active. */
    CHOSEN_OFFER("a chosen offer"),
    /** One welcome per offer the contact has active. */
    EVERY_ACTIVE_OFFER("every active offer");

    private final String label;

    WelcomeFor(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
