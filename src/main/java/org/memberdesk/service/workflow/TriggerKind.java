package org.memberdesk.service.workflow;

import java.util.Locale;

/** What starts a workflow. */
public enum TriggerKind {
    OFFER_ACCESS_GRANTED("Offer Access Granted"),
    TAG_ADDED("Tag Added"),
    REPEATED_FAILED_LOGINS("Repeated Failed Logins"),
    MANUAL("Manual");

    private final String label;

    TriggerKind(String label) {
        this.label = label;
    }

    /** As the console and messages name it: "Offer Access Granted". */
    public String label() {
        return label;
    }

    /** As the command line and JSON name it: "offer-access-granted". */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
