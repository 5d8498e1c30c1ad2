package org.memberdesk.service.workflow;

import org.memberdesk.service.StateCode;

/** What a step of a workflow does. */
public enum ActionKind implements StateCode {
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
}
