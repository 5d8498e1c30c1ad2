package org.memberdesk.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.UUID;
import org.hibernate.Session;
import org.memberdesk.domain.Contact;
import org.memberdesk.domain.ContactNote;
import org.postgresql.PGStatement;

public final class ContactRepository {

    /**
     * Up to this many matches, sort them all by name; past it, walk the name index instead (the first
     * {@link #WALK} entries hold enough matches when at least this many are spread across all contacts).
     */
    static final int DENSE = 2_000;
    static final int WALK = 10_000;
    /** PostgreSQL's walk reads each entry's row from the table: a shorter one. */
    static final int POSTGRES_WALK = 1_000;
    /**
     * Where PostgreSQL's contact_search is split (migration V12 of db/migration/postgresql): each
     * bound starts a part. A search reads the parts in this order; it is exact with any split.
     */
    static final List<String> POSTGRES_PARTS = List.of("b", "c", "d", "e", "g", "j", "k", "m", "n", "r", "t", "{");
    private static final int LOAD_CHUNK = 256;

    private final Session session;
    private final int denseAbove;
    private final int walkLength;

    ContactRepository(Session session) {
        this(session, DENSE, WALK);
    }

    /** With other thresholds, so that tests reach every path of the SQLite search on small data. */
    ContactRepository(Session session, int dense, int walk) {
        this.session = session;
        this.denseAbove = dense;
        this.walkLength = walk;
    }

    public Optional<Contact> byId(UUID id) {
        return Optional.ofNullable(session.find(Contact.class, id));
    }

    /** Case-insensitive: emails are stored lower-cased. */
    public Optional<Contact> byEmail(String email) {
        return session.createSelectionQuery("from Contact where email = :email", Contact.class)
                .setParameter("email", email.trim().toLowerCase(Locale.ROOT))
                .uniqueResultOptional();
    }

    /**
     * The first {@code limit} contacts matching a query, ordered by name, then email. Case does not
     * matter, nor whether accents come composed or not. An empty query lists everyone; one character
     * finds names starting with it (as an index of names would); two find names, emails and tags
     * starting with them; three or more find names, emails and tags containing them. No character in
     * the query is special.
     */
    public List<Contact> search(String query, int limit) {
        String q = query == null ? "" : Contact.fold(query.strip());
        if (isSqlite()) {
            return load(new SqliteSearch(q, limit).ids());
        }
        return unmatchable(q) ? List.of() : load(new PostgresSearch(q, limit).ids());
    }

    /** The same search in plain JPQL (LIKE), for comparison: what every optimized path must answer. */
    public List<Contact> searchPortable(String query, int limit) {
        return load(portableIds(query == null ? "" : Contact.fold(query.strip()), limit));
    }

    private boolean isSqlite() {
        return !SqlIds.postgres(session);
    }

    /** PostgreSQL text cannot hold NUL: no contact has one there, and the server refuses one in a query. */
    private boolean unmatchable(String q) {
        return q.indexOf('\u0000') >= 0 && !isSqlite();
    }

    private List<UUID> portableIds(String q, int limit) {
        if (unmatchable(q)) {
            return List.of();
        }
        if (q.isEmpty()) {
            return session.createSelectionQuery("select c.id from Contact c order by c.searchText", UUID.class)
                    .setMaxResults(limit)
                    .getResultList();
        }
        String like = escapeLike(q);
        int length = q.codePointCount(0, q.length());
        if (length == 1) {
            return session.createSelectionQuery(
                            "select c.id from Contact c where c.searchText like :p escape '\\' order by c.searchText",
                            UUID.class)
                    .setParameter("p", like + "%")
                    .setMaxResults(limit)
                    .getResultList();
        }
        if (length == 2) {
            return session.createSelectionQuery("""
                            select c.id from Contact c
                            where c.searchText like :first escape '\\' or c.searchText like :other escape '\\'
                            order by c.searchText""", UUID.class)
                    .setParameter("first", like + "%")
                    .setParameter("other", "%\n" + like + "%")
                    .setMaxResults(limit)
                    .getResultList();
        }
        return session.createSelectionQuery(
                        "select c.id from Contact c where c.searchText like :p escape '\\' order by c.searchText",
                        UUID.class)
                .setParameter("p", "%" + like + "%")
                .setMaxResults(limit)
                .getResultList();
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** An FTS5 phrase: the text in double quotes, quotes doubled; nothing inside is an operator. */
    static String ftsPhrase(String text) {
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    /**
     * The contacts with these ids, tags included, in the order of the ids. One scalar parameter per
     * id, padded to a power of two: Hibernate caches the translation of a query with single-valued
     * parameters, but translates one with a list parameter anew on every call (3x the CPU time here).
     */
    private List<Contact> load(List<UUID> ids) {
        Map<UUID, Contact> byId = new HashMap<>();
        for (int from = 0; from < ids.size(); from += LOAD_CHUNK) {
            List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + LOAD_CHUNK));
            int size = Math.max(8, Integer.highestOneBit(chunk.size() - 1) << 1);
            StringBuilder hql = new StringBuilder("select c from Contact c left join fetch c.tags where c.id in (");
            for (int i = 0; i < size; i++) {
                hql.append(i == 0 ? ":id0" : ", :id" + i);
            }
            var query = session.createSelectionQuery(hql.append(')').toString(), Contact.class);
            for (int i = 0; i < size; i++) {
                query.setParameter("id" + i, chunk.get(Math.min(i, chunk.size() - 1)));
            }
            for (Contact c : query.getResultList()) {
                byId.put(c.getId(), c);
            }
        }
        List<Contact> ordered = new ArrayList<>(ids.size());
        for (UUID id : ids) {
            Contact c = byId.get(id);
            if (c != null) {
                ordered.add(c);
            }
        }
        return ordered;
    }

    /**
     * SQLite: the FTS5 trigram index answers substrings of three or more characters; a line break in
     * front of two characters makes a three-character needle for "a line starts with". A single
     * character is a range of the name index. When a needle matches many contacts, walking the name
     * index finds the first {@code limit} sooner than sorting them all.
     */
    private final class SqliteSearch {

        private final String q;
        private final int limit;
        /** While an import is unfinished, its contacts are in the index but must not be found. */
        private boolean hiding;

        SqliteSearch(String q, int limit) {
            this.q = q;
            this.limit = limit;
        }

        List<UUID> ids() {
            if (limit <= 0) {
                return List.of();
            }
            hiding = session.doReturningWork(ImportBatchRepository::anyUnreleased);
            if (q.isEmpty()) {
                return query("select contact_id from contact_search where 1 = 1" + visible("contact_id")
                        + " order by search_text limit ?", limit);
            }
            int length = q.codePointCount(0, q.length());
            if (length >= 3) {
                return fullText(q);
            }
            if (length == 2) {
                return fullText("\n" + q);
            }
            if (q.codePointAt(0) == Character.MAX_CODE_POINT) {
                return portableIds(q, limit);
            }
            return initial();
        }

        private String visible(String column) {
            return hiding ? " and " + column + " not in (" + ImportBatchRepository.HIDDEN_CONTACT_IDS + ")" : "";
        }

        private List<UUID> fullText(String needle) {
            String phrase = ftsPhrase(needle);
            if (count("select count(*) from (select 1 from contact_fts where contact_fts match ? limit ?)",
                    phrase, denseAbove + 1) > denseAbove) {
                List<UUID> walked = walk(needle);
                if (walked.size() == limit) {
                    return walked;
                }
            }
            return query("""
                    select s.contact_id from contact_fts f join contact_search s on s.doc = f.rowid
                    where contact_fts match ?""" + visible("s.contact_id")
                    + " order by s.search_text limit ?", phrase, limit);
        }

        /** The first matches in name order among the first {@code walkLength} contacts: exact when it finds {@code limit}. */
        private List<UUID> walk(String needle) {
            return query("""
                    select contact_id from (select contact_id, search_text from contact_search
                                            order by search_text limit ?)
                    where instr(search_text, ?) > 0""" + visible("contact_id") + " order by search_text limit ?",
                    walkLength, needle, limit);
        }

        /** One character: names starting with it, straight from the name index. */
        private List<UUID> initial() {
            return query("""
                    select contact_id from contact_search where search_text >= ? and search_text < ?""" + visible("contact_id")
                    + " order by search_text limit ?", "\n" + q, "\n" + successor(q), limit);
        }

        private int count(String sql, Object... parameters) {
            return session.doReturningWork(connection -> {
                try (PreparedStatement statement = prepare(connection, sql, parameters);
                     ResultSet rows = statement.executeQuery()) {
                    return rows.next() ? rows.getInt(1) : 0;
                }
            });
        }

        private List<UUID> query(String sql, Object... parameters) {
            return session.doReturningWork(connection -> {
                List<UUID> ids = new ArrayList<>();
                try (PreparedStatement statement = prepare(connection, sql, parameters);
                     ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        ids.add(SqlIds.uuid(rows.getBytes(1)));
                    }
                }
                return ids;
            });
        }

        private PreparedStatement prepare(Connection connection, String sql, Object... parameters)
                throws SQLException {
            PreparedStatement statement = connection.prepareStatement(sql);
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement;
        }
    }

    /**
     * PostgreSQL: the same rules with LIKE on {@code contact_search.search_text}, a narrow copy of
     * {@code contact.search_text} kept by triggers (collation "C", a btree and a trigram index), split
     * into parts by the first letters of the name line ({@link #POSTGRES_PARTS}), in query shapes that
     * fix the plan. Left to itself, the planner cannot know that the matches of a needle cluster in
     * name order (every "dana" sits together), nor derive an index range from a prepared statement's
     * LIKE parameter once it uses a generic plan. So: one character is a range of the btree; two
     * characters are a range of {@code contact_search_lead}'s btree (migration V15), which lists each
     * line's first two characters beside the search text; longer needles first walk the first {@link #POSTGRES_WALK} contacts in name order (exact when it finds
     * {@code limit}: dense needles such as "example" or "new"), else sort the matches of one part after
     * another, in name order, and stop at the part that completes the page: a search reads the pages of
     * the parts it needs, not a page per match across the table.
     */
    private final class PostgresSearch {

        /** A match and its search text, the order of results. */
        private record Hit(UUID id, String text) {
        }

        private static final String VISIBLE = " contact_id not in (" + ImportBatchRepository.HIDDEN_CONTACT_IDS + ")";
        private static final String ANYWHERE = "search_text like ? escape '\\'";

        private final String q;
        private final int limit;

        PostgresSearch(String q, int limit) {
            this.q = q;
            this.limit = limit;
        }

        List<UUID> ids() {
            if (limit <= 0) {
                return List.of();
            }
            int length = q.codePointCount(0, q.length());
            int last = q.isEmpty() ? 0 : q.codePointBefore(q.length());
            if (length == 0 || last == Character.MAX_CODE_POINT) {
                return portableIds(q, limit);
            }
            if (length == 1) {
                return ids(namesBetween(q, successor(q)));
            }
            if (length == 2) {
                return ids(hits("select contact_id, search_text from contact_search_lead where lead = ? and" + VISIBLE
                        + " order by search_text, contact_id limit ?", q, limit));
            }
            String like = "%" + escapeLike(q) + "%";
            List<UUID> walked = ids(hits("select contact_id, search_text from (select contact_id, search_text from contact_search where" + VISIBLE
                    + " order by search_text limit ?) walked where " + ANYWHERE + " order by search_text limit ?",
                    Math.min(walkLength, POSTGRES_WALK), like, limit));
            if (walked.size() == limit) {
                return walked;
            }
            return ids(byParts(like));
        }

        /** The first {@code limit} search texts from {@code from} up to {@code to}: a range of the btree, read in order. */
        private List<Hit> namesBetween(String from, String to) {
            return hits("select contact_id, search_text from contact_search where" + VISIBLE
                    + " and search_text >= ? and search_text < ? order by search_text limit ?", from, to, limit);
        }

        private List<Hit> byParts(String needle) {
            Object[] parameters = new Object[POSTGRES_PARTS.size() + 1];
            Arrays.fill(parameters, needle);
            String sql = byParts(ANYWHERE, parameters.length);
            return session.doReturningWork(connection -> {
                // Planning the thirteen parts costs more than running them: plan once per connection,
                // for any needle (PostgreSQL would keep planning anew for each needle's own values).
                try (Statement statement = connection.createStatement()) {
                    statement.execute("set local plan_cache_mode = force_generic_plan");
                }
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    statement.unwrap(PGStatement.class).setPrepareThreshold(1);
                    return hits(statement, parameters);
                }
            });
        }

        /**
         * One sorted, limited query per part of contact_search, in name order, appended: PostgreSQL runs
         * the parts of a UNION ALL one after another and stops once the outer limit is reached, so a
         * part after the one that completes the page is never read. Exact with any split. Each part
         * collects its matches through the indexes and then sorts them (fenced by {@code offset 0}: a
         * generic plan must not walk a part's name order past every row for a rare needle), and the
         * limits are literals, so that the plan is made for them.
         */
        private String byParts(String match, int count) {
            StringJoiner parts = new StringJoiner(" union all ", "select contact_id, search_text from (",
                    ") by_parts limit " + limit);
            String from = null;
            for (int part = 0; part < count; part++) {
                String to = part < POSTGRES_PARTS.size() ? POSTGRES_PARTS.get(part) : null;
                String range = (from == null ? "" : " and search_text >= '" + from + "'")
                        + (to == null ? "" : " and search_text < '" + to + "'");
                parts.add("(select contact_id, search_text from (select contact_id, search_text from contact_search where"
                        + VISIBLE + range + " and " + match + " offset 0) part order by search_text limit " + limit + ")");
                from = to;
            }
            return parts.toString();
        }

        private List<Hit> hits(String sql, Object... parameters) {
            return session.doReturningWork(connection -> {
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    return hits(statement, parameters);
                }
            });
        }

        private static List<Hit> hits(PreparedStatement statement, Object... parameters) throws SQLException {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<Hit> hits = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    hits.add(new Hit(SqlIds.read(rows, 1), rows.getString(2)));
                }
            }
            return hits;
        }

        private static List<UUID> ids(List<Hit> hits) {
            return hits.stream().map(Hit::id).toList();
        }
    }

    /** The order of collation "C" in UTF-8, which is the order of code points (String.compareTo orders UTF-16 units). */
    static int compareCodePoints(String one, String other) {
        int i = 0;
        int j = 0;
        while (i < one.length() && j < other.length()) {
            int a = one.codePointAt(i);
            int b = other.codePointAt(j);
            if (a != b) {
                return Integer.compare(a, b);
            }
            i += Character.charCount(a);
            j += Character.charCount(b);
        }
        return Integer.compare(one.length() - i, other.length() - j);
    }

    /**
     * The next character after the one-character {@code prefix} (not the last code point): every
     * string starting with {@code prefix} sorts before it, as SQLite compares UTF-8 bytes.
     */
    static String successor(String prefix) {
        int next = prefix.codePointAt(0) + 1;
        if (next >= Character.MIN_SURROGATE && next <= Character.MAX_SURROGATE) {
            next = Character.MAX_SURROGATE + 1;
        }
        return Character.toString(next);
    }

    public long count() {
        return session.createSelectionQuery("select count(*) from Contact", Long.class).getSingleResult();
    }

    public List<ContactNote> notes(UUID contactId) {
        return session.createSelectionQuery(
                        "from ContactNote where contact.id = :id order by createdAt desc", ContactNote.class)
                .setParameter("id", contactId)
                .getResultList();
    }
}
