package org.memberdesk.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Type-ahead queries as agents type them, drawn from the data set: first letters of a name,
 * longer name prefixes, pieces from inside names and addresses, tags, accented names, input with
 * quote and wildcard characters, and queries that match nothing.
 */
public final class QueryMix {

    /** One query and the kind it stands for (reported per kind). */
    public record Query(String kind, String text) {
    }

    static final List<String> UNICODE = List.of("zoé", "Tomás", "müller", "ødeg", "李", "nguyễn", "dvořák",
            "ZOÉ", "françoise", "łukasz");
    static final List<String> NOTHING = List.of("zzqx", "qqqqq", "nobody@nowhere.test", "xyzzy plugh", "100%",
            "wq", "a_b%c", "o'brien-nope", "\"quoted\"");
    static final List<String> SPECIAL = List.of("o'brien", "o'", "%", "_", "*", "\"", "a*b", "x\"y", "50%",
            "dana*", "-login", "'");
    static final List<String> TAGS = List.of("newsletter", "vip", "new", "cant-login", "cant-", "trial", "annual",
            "refund", "partner", "enterprise", "student", "webi");

    public static final List<String> KINDS = List.of("prefix-1", "prefix-2", "typeahead", "infix", "email", "tag",
            "unicode", "special", "nothing");

    private final List<String> names;
    private final List<String> emails;
    private final Random random;

    public QueryMix(List<String> names, List<String> emails, long seed) {
        if (names.isEmpty() || emails.isEmpty()) {
            throw new IllegalArgumentException("the data set is empty");
        }
        this.names = names;
        this.emails = emails;
        this.random = new Random(seed);
    }

    /** {@code count} queries, the kinds in turn. */
    public List<Query> next(int count) {
        List<Query> queries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String kind = KINDS.get(i % KINDS.size());
            queries.add(new Query(kind, draw(kind)));
        }
        return queries;
    }

    private String draw(String kind) {
        String name = names.get(random.nextInt(names.size()));
        return switch (kind) {
            case "prefix-1" -> casing(codePoints(name, 0, 1));
            case "prefix-2" -> casing(codePoints(name, 0, 2));
            case "typeahead" -> casing(codePoints(name, 0, 3 + random.nextInt(6)));
            case "infix" -> {
                int space = name.indexOf(' ');
                String last = space < 0 ? name : name.substring(space + 1);
                int len = last.codePointCount(0, last.length());
                yield len <= 3 ? last : codePoints(last, 1, 1 + Math.min(len - 1, 3 + random.nextInt(3)));
            }
            case "email" -> {
                String email = emails.get(random.nextInt(emails.size()));
                int from = random.nextInt(Math.max(1, email.length() - 4));
                yield email.substring(from, Math.min(email.length(), from + 4 + random.nextInt(7)));
            }
            case "tag" -> pick(TAGS);
            case "unicode" -> pick(UNICODE);
            case "special" -> pick(SPECIAL);
            case "nothing" -> pick(NOTHING);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private String casing(String s) {
        return random.nextInt(3) == 0 ? s.toLowerCase(Locale.ROOT) : s;
    }

    private String pick(List<String> list) {
        return list.get(random.nextInt(list.size()));
    }

    private static String codePoints(String s, int from, int to) {
        int total = s.codePointCount(0, s.length());
        int start = s.offsetByCodePoints(0, Math.min(from, total));
        int end = s.offsetByCodePoints(0, Math.min(to, total));
        return s.substring(start, end);
    }
}
