package org.memberdesk.service.credentials;

/** Plain words for why a link no longer works. */
public final class LinkStates {

    private LinkStates() {
    }

    public static String explain(String state) {
        return switch (state) {
            case "expired" -> "this link has expired: links stop working after a while, for your safety";
            case "used" -> "this link was already used to set a password: each link works once";
            case "superseded" -> "a newer link was sent after this one: use the most recent email";
            case "revoked" -> "this link is no longer valid: it was cancelled because the password or the email"
                    + " address of the account changed after it was sent";
            case "live" -> "this link is valid";
            default -> "this link is not valid";
        };
    }
}
