package org.memberdesk.mail;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A VERP-style return path: the bounce mailbox's address with the email's id after a plus
 * (bounces+0190...@example.com), so a report sent back to it names the email even when it returns
 * neither the message nor its headers.
 */
public final class VerpAddress {

    private static final Pattern VERP = Pattern.compile(
            "[^@+\\s]+\\+([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})@[^@\\s]+");
    private static final Pattern PLAIN = Pattern.compile("([^@+\\s]+)(?:\\+[^@\\s]*)?@([^@\\s]+)");

    private VerpAddress() {
    }

    /** The return path for an email, or empty when the bounce mailbox's user is not an email address. */
    public static Optional<String> of(String mailboxUser, UUID emailId) {
        if (mailboxUser == null) {
            return Optional.empty();
        }
        Matcher m = PLAIN.matcher(mailboxUser.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(m.group(1) + "+" + emailId + "@" + m.group(2));
    }

    /** The email id a return path names, if it is one of ours. */
    public static Optional<UUID> emailId(String address) {
        if (address == null) {
            return Optional.empty();
        }
        Matcher m = VERP.matcher(address.trim().toLowerCase(Locale.ROOT));
        return m.matches() ? Optional.of(UUID.fromString(m.group(1))) : Optional.empty();
    }
}
