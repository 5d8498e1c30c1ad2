package org.memberdesk.service.contacts;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.memberdesk.domain.EmailAddress;
import org.memberdesk.domain.InvalidInputException;

/**
 * An address whose domain is most likely a slip of a common mail domain (gmial.com for gmail.com),
 * found by edit distance against a short list, and the address the person most likely has. Only a
 * warning: such an address is saved as typed. Pure: no database, safe on any thread, so a form can
 * ask on every keystroke.
 *
 * @param email          the address as given (trimmed)
 * @param domain         its domain as given
 * @param likelyDomain   the common domain it most likely mistypes
 * @param suggestedEmail the address with that domain instead
 */
public record AddressTypo(String email, String domain, String likelyDomain, String suggestedEmail) {

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
    private static final Map<String, String> TLD_TYPOS = Map.ofEntries(
            Map.entry("con", "com"), Map.entry("cmo", "com"), Map.entry("ocm", "com"),
            Map.entry("vom", "com"), Map.entry("xom", "com"), Map.entry("comm", "com"),
            Map.entry("co", "com"), Map.entry("cm", "com"), Map.entry("om", "com"),
            Map.entry("nte", "net"), Map.entry("ent", "net"), Map.entry("nett", "net"),
            Map.entry("ogr", "org"), Map.entry("rog", "org"), Map.entry("orgg", "org"));

    /**
     * The likely typo in {@code email}, or empty when its domain looks as meant, or when it is not a
     * valid address at all (that is an error, said elsewhere, not a warning).
     */
    public static Optional<AddressTypo> of(String email) {
        if (email == null) {
            return Optional.empty();
        }
        String typed = email.strip();
        try {
            EmailAddress.lookupKey(typed);
        } catch (InvalidInputException e) {
            return Optional.empty();
        }
        int at = typed.lastIndexOf('@');
        String domain = typed.substring(at + 1);
        return likelyDomain(domain).map(likely ->
                new AddressTypo(typed, domain, likely, typed.substring(0, at + 1) + likely));
    }

    /** One sentence naming the suggested address, e.g. for a warning line. */
    public String message() {
        return domain + " looks like a typo of " + likelyDomain + ": did you mean " + suggestedEmail + "?";
    }

    /** The common domain this one most likely mistypes, or empty. */
    public static Optional<String> likelyDomain(String domain) {
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
     * Hand-rolled: Apache commons-text is not a dependency, and its Levenshtein distance counts a
     * swap (gmial) as two. Three rows at a time, given up as soon as a row is all over the limit:
     * an import asks this of every row's domain.
     */
    static int distance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) > limit) {
            return limit + 1;
        }
        int[] before = new int[b.length() + 1];
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMin = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int value = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    value = Math.min(value, before[j - 2] + 1);
                }
                current[j] = value;
                rowMin = Math.min(rowMin, value);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
            int[] spare = before;
            before = previous;
            previous = current;
            current = spare;
        }
        return Math.min(previous[b.length()], limit + 1);
    }
}
