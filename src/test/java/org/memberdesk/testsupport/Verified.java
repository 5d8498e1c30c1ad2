package org.memberdesk.testsupport;

import org.memberdesk.service.credentials.IdentityCheck;

/** How a test's agent verified the caller, for changes that need it (an email change). */
public final class Verified {

    public static final IdentityCheck BY_PHONE = new IdentityCheck(IdentityCheck.Method.PHONE, null);

    private Verified() {
    }
}
