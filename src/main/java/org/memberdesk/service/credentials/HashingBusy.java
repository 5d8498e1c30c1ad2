package org.memberdesk.service.credentials;

/** Too many passwords are being checked at this moment; nothing was done, and trying again shortly works. */
public final class HashingBusy extends RuntimeException {

    public HashingBusy() {
        super("too many passwords are being checked right now (the server is busy); nothing was changed,"
                + " try again in a few seconds", null, false, false);
    }
}
