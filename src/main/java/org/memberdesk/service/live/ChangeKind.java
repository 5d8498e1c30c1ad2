package org.memberdesk.service.live;

import java.util.Arrays;
import org.memberdesk.service.StateCode;

/** What kind of thing a committed change touched; the code is the one the change log stores. */
public enum ChangeKind implements StateCode {
    /** A contact's own fields, tags or notes (no contact: many contacts, e.g. an import). */
    CONTACT,
    /** A portal account: password, sign-ins, lockout, links. */
    CREDENTIAL,
    EMAIL,
    GRANT,
    /** A community membership (with a contact) or a group (without). */
    COMMUNITY,
    AUDIT,
    WORKFLOW_RUN,
    WORKFLOW,
    OFFER,
    SETTINGS,
    /** Data replaced wholesale (sample data, Reset demo), or a kind this version does not know. */
    EVERYTHING;

    static ChangeKind ofCode(String code) {
        return Arrays.stream(values()).filter(kind -> kind.code().equals(code)).findFirst().orElse(EVERYTHING);
    }
}
