package org.memberdesk.service.diagnostics;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.memberdesk.domain.EmailAddress;
import org.memberdesk.domain.InvalidInputException;

/**
 * Does an address look wrong? Malformed (what the syntax check lets through but no mailbox
 * has: quoted local parts, spaces, IP literals, impossible domains) or a likely typo of a common
 * mail domain, found by edit distance against a short list.
 */
final class AddressCheck {

    /** Domains people mistype; the first of equally close ones wins. */
    static final List<String> COMMON_DOMAINS = List.of(
            "gmail.com", "googlemail.com", "yahoo.com", "hotmail.com", "outlook.com", "live.com", "msn.com",
            "icloud.com", "aol.com", "protonmail.com", "proton.me", "gmx.com", "gmx.net", "mail.com",
            "yandex.com", "comcast.net", "verizon.net", "sbcglobal.net", "btinternet.com", "hotmail.co.uk",
            "yahoo.co.uk", "example.com", "example.org", "example.net");

    /** Real domains that sit one letter away from a common one: never called a typo. */
    private static final Set<String> REAL_LOOKALIKES = Set.of(
            "ymail.com", "email.com", "me.com", "mac.com", "web.de", "gmx.de", "live.co.uk", "hotmail.fr",
            "outlook.fr", "orange.fr", "free.fr", "t-online.de", "qq.com", "163.com", "fastmail.com", "zoho.com",
            "hey.com", "pm.me", "tutanota.com", "rocketmail.com", "aim.com", "inbox.com", "mail.ru", "yandex.ru",
            "att.net", "cox.net", "earthlink.net", "juno.com", "yahoo.co.jp", "yahoo.co.in", "yahoo.co.id");

    /** Mistyped endings of com, net and org, for short names the edit distance would not trust. */
    private static final java.util.Map<String, String> TLD_TYPOS = java.util.Map.ofEntries(
            java.util.Map.entry("con", "com"), java.util.Map.entry("cmo", "com"), java.util.Map.entry("ocm", "com"),
            java.util.Map.entry("vom", "com"), java.util.Map.entry("xom", "com"), java.util.Map.entry("comm", "com"),
            java.util.Map.entry("co", "com"), java.util.Map.entry("cm", "com"), java.util.Map.entry("om", "com"),
            java.util.Map.entry("nte", "net"), java.util.Map.entry("ent", "net"), java.util.Map.entry("nett", "net"),
            java.util.Map.entry("ogr", "org"), java.util.Map.entry("rog", "org"), java.util.Map.entry("orgg", "org"));

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

    /** The common domain this one most likely mistypes, or empty. */
    static Optional<String> likelyDomain(String domain) {
        String d = domain.toLowerCase(Locale.ROOT);
        if (COMMON_DOMAINS.contains(d) || REAL_LOOKALIKES.contains(d)) {
            return Optional.empty();
        }
        Optional<String> close = closest(d);
        if (close.isPresent()) {
            return close;
        }
        // A mistyped ending (gmail.con, aol.cmo): fix it, then the name may still be one letter off (gmial.con).
        int dot = d.lastIndexOf('.');
        String fixedTld = dot > 0 ? TLD_TYPOS.get(d.substring(dot + 1)) : null;
        if (fixedTld == null) {
            return Optional.empty();
        }
        String candidate = d.substring(0, dot + 1) + fixedTld;
        return COMMON_DOMAINS.contains(candidate) ? Optional.of(candidate) : closest(candidate);
    }

    /** The first common domain one edit away; short domains (under 8 characters) are never guessed this way. */
    private static Optional<String> closest(String d) {
        if (d.length() < 8) {
            return Optional.empty();
        }
        return COMMON_DOMAINS.stream().filter(common -> distance(d, common, 1) == 1).findFirst();
    }

    /**
     * Optimal string alignment distance (insertions, deletions, substitutions and swaps of two
     * neighbours each count one); anything above {@code limit} is reported as {@code limit + 1}.
     */
    static int distance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) > limit) {
            return limit + 1;
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int value = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    value = Math.min(value, d[i - 2][j - 2] + 1);
                }
                d[i][j] = value;
            }
        }
        return Math.min(d[a.length()][b.length()], limit + 1);
    }
}
