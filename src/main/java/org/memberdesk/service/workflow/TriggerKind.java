package org.memberdesk.service.workflow;

import org.memberdesk.domain.TriggerType;
import org.memberdesk.service.StateCode;

/** What starts a workflow; its code ("offer-access-granted") is what the command line and JSON name it. */
public enum TriggerKind implements StateCode {
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

    /** The trigger of a stored event or workflow. */
    public static TriggerKind of(TriggerType type) {
        return switch (type) {
            case OFFER_ACCESS_GRANTED -> OFFER_ACCESS_GRANTED;
            case TAG_ADDED -> TAG_ADDED;
            case REPEATED_FAILED_LOGINS -> REPEATED_FAILED_LOGINS;
            case MANUAL -> MANUAL;
        };
    }
}
