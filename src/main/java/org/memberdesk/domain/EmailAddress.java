package org.memberdesk.domain;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.IDN;
import java.text.Normalizer;
import java.util.Locale;

/**
 * A contact's email address: trimmed, lower-cased and checked to be a plain addr-spec. The part
 * before the @ must be ASCII: sending to anything else needs SMTPUTF8, which the demo server and
 * many real ones lack. An internationalised domain is kept in Unicode (what people read) and goes
 * over SMTP in its IDNA (punycode) form.
 */
public final class EmailAddress {

    private EmailAddress() {
    }

    /** The address to store for a new or changed contact, or throws {@link InvalidInputException} saying what is wrong. */
    public static String normalize(String raw) {
        String email = parse(raw, true);
        if (!isAscii(localPart(email))) {
            throw new InvalidInputException("'" + raw.trim() + "' cannot be used: the part before the @ has "
                    + "characters other than plain ASCII, which most mail servers cannot deliver to");
        }
        return email;
    }

    /**
     * The form a stored contact is found under. Unlike {@link #normalize}, it accepts a non-ASCII part
     * before the @, so contacts stored before such addresses were refused can still be found and corrected.
     */
    public static String lookupKey(String raw) {
        return parse(raw, false);
    }

    /**
     * The address as it goes into the SMTP envelope and the To header: ASCII, with the domain in
     * its IDNA (punycode) form, and read back as the same address. Throws {@link InvalidInputException}
     * saying why when there is no such form (addresses stored before today's rules).
     */
    public static String toAscii(String address) {
        int at = address == null ? -1 : address.lastIndexOf('@');
        if (at <= 0) {
            throw new InvalidInputException("it is not a valid email address");
        }
        String local = address.substring(0, at);
        String domain = address.substring(at + 1);
        if (!isAscii(local)) {
            throw new InvalidInputException("the part before the @ has characters other than plain ASCII, "
                    + "which most mail servers cannot deliver to: correct the contact's email address");
        }
        String ascii;
        try {
            ascii = local + "@" + (isAscii(domain) ? domain : IDN.toASCII(domain));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("its domain " + domain + " is not a valid internationalised domain name");
        }
        String readBack = toUnicode(ascii);
        if (!nfc(readBack).equals(nfc(toUnicode(address)))) {
            throw new InvalidInputException("mail servers would read it as " + readBack + " (" + ascii
                    + "): correct the contact's email address");
        }
        return ascii;
    }

    /** An ASCII address as people read it: punycode labels of the domain in Unicode. */
    public static String toUnicode(String address) {
        int at = address.lastIndexOf('@');
        return at < 0 ? address : address.substring(0, at + 1) + IDN.toUnicode(address.substring(at + 1));
    }

    private static String parse(String raw, boolean entry) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidInputException("email is required");
        }
        String email = raw.trim().toLowerCase(Locale.ROOT);
        if (email.length() > 254) {
            throw new InvalidInputException("email is longer than 254 characters");
        }
        int at = email.lastIndexOf('@');
        if (at > 0) {
            email = email.substring(0, at + 1) + unicodeDomain(email.substring(at + 1), raw, entry);
        }
        try {
            InternetAddress address = new InternetAddress(email, true);
            address.validate();
            if (address.getPersonal() != null || !email.equals(address.getAddress())
                    || !email.contains("@") || email.indexOf('@') == 0
                    || !email.substring(email.indexOf('@') + 1).contains(".")) {
                throw new AddressException("not a plain address");
            }
        } catch (AddressException e) {
            throw invalid(raw);
        }
        return email;
    }

    /**
     * The domain as stored: punycode labels decoded, Unicode in the form IDNA gives it. A domain
     * that IDNA would send as a different one (java.net.IDN maps "straße" to "strasse") is refused,
     * so an email never goes to a domain other than the one shown.
     */
    private static String unicodeDomain(String domain, String raw, boolean entry) {
        if (isAscii(domain)) {
            return domain.contains("xn--") ? IDN.toUnicode(domain) : domain;
        }
        String ascii;
        try {
            ascii = IDN.toASCII(domain);
        } catch (IllegalArgumentException e) {
            if (entry) {
                throw invalid(raw);
            }
            return domain;
        }
        String unicode = IDN.toUnicode(ascii);
        if (!unicode.equals(Normalizer.normalize(domain, Normalizer.Form.NFKC))) {
            if (!entry) {
                return domain; // stored before this check: found as it was stored
            }
            throw new InvalidInputException("'" + raw.trim() + "' cannot be used: mail servers would read its domain as "
                    + unicode + " (" + ascii + ")");
        }
        return unicode;
    }

    private static String nfc(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    private static String localPart(String email) {
        return email.substring(0, email.lastIndexOf('@'));
    }

    private static boolean isAscii(String text) {
        return text.chars().allMatch(c -> c < 0x80);
    }

    private static InvalidInputException invalid(String raw) {
        return new InvalidInputException("'" + raw.trim() + "' is not a valid email address");
    }
}
