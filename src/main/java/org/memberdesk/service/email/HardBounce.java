package org.memberdesk.service.email;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a server's reply says the recipient itself was refused ("550 5.1.1 no such user"), so
 * sending the same email again only fails again: the address needs checking first. A 55x reply, a
 * 5.x.x enhanced status, or a 5xx reply that says the user is unknown; never a refused login
 * (530, 535: our settings) nor a reply without a code (a lost connection, a cancelled message).
 * A delivery status report that comes later says the same with a 5.x.x status.
 */
public final class HardBounce {

    private static final Pattern REPLY = Pattern.compile("^\\s*(5\\d\\d)(?:[ -]+(\\d)\\.\\d{1,3}\\.\\d{1,3})?");
    private static final Pattern DSN_STATUS = Pattern.compile("^\\s*(\\d)\\.\\d{1,3}\\.\\d{1,3}\\s*$");
    private static final String[] UNKNOWN_USER = {"no such user", "user unknown", "unknown user",
            "does not exist", "mailbox unavailable", "recipient address rejected"};

    private HardBounce() {
    }

    /**
     * Whether a delivery status report's status (RFC 3463: "5.1.1") is a permanent failure. A 4.x.x
     * status only says delivery is delayed and still being tried.
     */
    public static boolean isStatus(String dsnStatus) {
        if (dsnStatus == null) {
            return false;
        }
        Matcher m = DSN_STATUS.matcher(dsnStatus);
        return m.matches() && "5".equals(m.group(1));
    }

    public static boolean is(String reply) {
        if (reply == null) {
            return false;
        }
        Matcher m = REPLY.matcher(reply);
        if (!m.find()) {
            return false;
        }
        int code = Integer.parseInt(m.group(1));
        if (code == 530 || code == 535) {
            return false;
        }
        if (code >= 550 && code <= 559 || "5".equals(m.group(2))) {
            return true;
        }
        String text = reply.toLowerCase(Locale.ROOT);
        for (String phrase : UNKNOWN_USER) {
            if (text.contains(phrase)) {
                return true;
            }
        }
        return false;
    }
}
