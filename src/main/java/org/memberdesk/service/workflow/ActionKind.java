package org.memberdesk.service.workflow;

import java.util.Locale;

/** What a step of a workflow does. */
public enum ActionKind {
    SEND_WELCOME("Send Membership Welcome Email"),
    SEND_RESET_LINK("Send Reset Link"),
    ADD_TAG("Add Tag"),
    REMOVE_TAG("Remove Tag"),
    ADD_NOTE("Add Note"),
    WAIT("Wait");

    private final String label;

    ActionKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
