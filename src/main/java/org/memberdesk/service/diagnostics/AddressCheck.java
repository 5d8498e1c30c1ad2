package org.memberdesk.service.diagnostics;

import java.util.Optional;
import java.util.regex.Pattern;
import org.memberdesk.domain.EmailAddress;
import org.memberdesk.domain.InvalidInputException;

/**
 * Does an address look malformed: what the syntax check lets through but no mailbox has (quoted
 * local parts, spaces, IP literals, impossible domains)? A likely typo of a common mail domain is
 * {@link org.memberdesk.service.contacts.AddressTypo}'s question.
 */
final class AddressCheck {

    private static final Pattern LABEL = Pattern.compile("[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?");
    private static final Pattern TLD = Pattern.compile("\\p{L}{2,63}|xn--[a-z0-9-]{1,59}");

    private AddressCheck() {
    }

    /** Why the address cannot be right, or empty when it looks well formed. */
    static Optional<String> malformed(String email) {
        try {
            EmailAddress.lookupKey(email);
        } catch (InvalidInputException e) {
            return Optional.of("it is not a valid address");
        }
        int at = email.lastIndexOf('@');
        String local = email.substring(0, at);
        String domain = email.substring(at + 1);
        if (local.chars().anyMatch(c -> c >= 0x80)) {
            return Optional.of("the part before the @ has characters other than plain ASCII, "
                    + "which most mail servers cannot deliver to");
        }
        try {
            EmailAddress.toAscii(email);
        } catch (InvalidInputException e) {
            return Optional.of("mail servers would not read the domain " + domain + " as written");
        }
        if (local.startsWith("\"") || local.chars().anyMatch(Character::isWhitespace)) {
            return Optional.of("the part before @ is quoted or contains spaces");
        }
        if (local.length() > 64) {
            return Optional.of("the part before @ is longer than 64 characters");
        }
        if (domain.startsWith("[")) {
            return Optional.of("the domain is an IP address instead of a name");
        }
        String[] labels = domain.split("\\.", -1);
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return Optional.of("'" + domain + "' is not a valid domain name");
            }
        }
        if (!TLD.matcher(labels[labels.length - 1]).matches()) {
            return Optional.of("the domain ending '." + labels[labels.length - 1] + "' does not exist");
        }
        return Optional.empty();
    }
}
