package org.memberdesk.mail;

/** A delivery that did not work, with the server's own reply when there was one. */
public final class SmtpFailure extends Exception {

    private final String reply;
    private final boolean permanent;
    private final boolean connectionLost;

    SmtpFailure(String reply, boolean permanent, boolean connectionLost, Throwable cause) {
        super(reply, cause);
        this.reply = reply;
        this.permanent = permanent;
        this.connectionLost = connectionLost;
    }

    /** The server's reply ("550 5.1.1 User unknown") or what went wrong on the way to it. */
    public String reply() {
        return reply;
    }

    /** A 5xx reply or an address that cannot work: trying again would not help. */
    public boolean permanent() {
        return permanent;
    }

    /** The connection is gone; the next message needs a new one. */
    public boolean connectionLost() {
        return connectionLost;
    }
}
