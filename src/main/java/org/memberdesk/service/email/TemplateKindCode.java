package org.memberdesk.service.email;

import org.memberdesk.mail.TemplateKind;
import org.memberdesk.service.StateCode;

/** Which email a template words, as the service's results name it ({@code code()}: "reset-link"). */
public enum TemplateKindCode implements StateCode {
    WELCOME, SET_PASSWORD, RESET_LINK, PASSWORD_CHANGED, COMMUNITY_WELCOME, COMMUNITY_RESET,
    COMMUNITY_PASSWORD_CHANGED, LOGIN_LINK;

    static TemplateKindCode of(TemplateKind kind) {
        return valueOf(kind.name());
    }

    /** The code, so a kind in a message reads as it does in JSON. */
    @Override
    public String toString() {
        return code();
    }
}
