package org.memberdesk.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import org.memberdesk.testsupport.Verified;

import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.memberdesk.domain.Contact;
import org.memberdesk.service.Actor;
import org.memberdesk.testsupport.ServicesCase;
import org.memberdesk.testsupport.TestDatabases;

/**
 * Contact search on SQLite (FTS5 trigram, prefix and walk paths) and its portable LIKE path, which
 * must give the same answers; in the PostgreSQL run, PostgreSQL's own paths in place of SQLite's.
 */
class ContactSearchTest extends ServicesCase {

    final Actor agent = Actor.agent("tester");

    /** A way to search: the SQLite path with its thresholds, or the portable one. */
    record Path_(String name, BiFunction<Tx, String, List<Contact>> search) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> paths() {
        return Stream.of(
                Arguments.of(new Path_("sqlite", (t, q) -> t.contacts().search(q, 50))),
                Arguments.of(new Path_("sqlite, every query dense", (t, q) ->
                        new ContactRepository(t.session(), 0, 3).search(q, 50))),
                Arguments.of(new Path_("sqlite, dense and walked", (t, q) ->
                        new ContactRepository(t.session(), 0, 1_000).search(q, 50))),
                Arguments.of(new Path_("portable", (t, q) -> t.contacts().searchPortable(q, 50))));
    }

    @BeforeEach
    void open() {
        add("dana.whitfield@example.com", "Dana Whitfield", "cant-login", "vip");
        add("marcus@example.org", "Marcus Bell", "vip");
        add("zed@example.net", "Zed Danaher");
        add("tomas.novak@example.com", "Tomás Novák");
        add("zoe.laurent@example.net", "Zoé Laurent", "no-email");
        add("elodie@example.org", "Élodie Durand");
        add("liam.obrien@example.com", "Liam O'Brien");
        add("ana@example.net", "Ana 100% Real");
        add("sales@example.com", "Sales_Team Lead", "b2b");
        add("salesxteam@example.com", "SalesXTeam Other");
        add("jo@example.org", "Jo \"JJ\" Smith", "50%off");
        add("star@example.org", "A*B Star");
    }

    private void add(String email, String name, String... tags) {
        services.contacts().add(email, name, List.of(tags), agent);
    }

    private List<Contact> contacts(java.util.function.Function<Tx, List<Contact>> search) {
        return services.transactions().read(search);
    }

    private List<String> names(Path_ path, String query) {
        return services.transactions().read(t -> path.search().apply(t, query).stream().map(Contact::getName).toList());
    }

    @ParameterizedTest
    @MethodSource("paths")
    void unicodeNamesAreFoundWhateverTheCaseOrComposition(Path_ path) {
        assertThat(names(path, "tomás")).containsExactly("Tomás Novák");
        assertThat(names(path, "TOMÁS")).containsExactly("Tomás Novák");
        assertThat(names(path, "novák")).containsExactly("Tomás Novák");
        assertThat(names(path, "zoé")).containsExactly("Zoé Laurent");
        assertThat(names(path, "Zoe\u0301")).containsExactly("Zoé Laurent");
        assertThat(names(path, "zo")).containsExactly("Zoé Laurent");
        assertThat(names(path, "ÉL")).containsExactly("Élodie Durand");
        assertThat(names(path, "é")).containsExactly("Élodie Durand");
        assertThat(names(path, "tomás novak")).as("accents count: the name has novák").isEmpty();
    }

    @ParameterizedTest
    @MethodSource("paths")
    void substringsOfThreeOrMoreCharactersMatchNameEmailOrTag(Path_ path) {
        assertThat(names(path, "DANA")).containsExactly("Dana Whitfield", "Zed Danaher");
        assertThat(names(path, "dan")).containsExactly("Dana Whitfield", "Zed Danaher");
        assertThat(names(path, "example.org")).containsExactly("A*B Star", "Jo \"JJ\" Smith", "Marcus Bell",
                "Élodie Durand");
        assertThat(names(path, "cant-")).containsExactly("Dana Whitfield");
        assertThat(names(path, "login")).containsExactly("Dana Whitfield");
        assertThat(names(path, "whitfield@")).containsExactly("Dana Whitfield");
        assertThat(names(path, "  dana whit  ")).containsExactly("Dana Whitfield");
    }

    @ParameterizedTest
    @MethodSource("paths")
    void oneCharacterFindsNamesStartingWithItTwoAlsoEmailsAndTags(Path_ path) {
        assertThat(names(path, "d")).containsExactly("Dana Whitfield");
        assertThat(names(path, "m")).containsExactly("Marcus Bell");
        assertThat(names(path, "v")).as("tags need two characters").isEmpty();
        assertThat(names(path, "Da")).containsExactly("Dana Whitfield");
        assertThat(names(path, "vi")).containsExactly("Dana Whitfield", "Marcus Bell");
        assertThat(names(path, "b2")).containsExactly("Sales_Team Lead");
        assertThat(names(path, "el")).as("an email starting with it").containsExactly("Élodie Durand");
        assertThat(names(path, "ip")).isEmpty();
        assertThat(names(path, "q")).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("paths")
    void nothingFound(Path_ path) {
        assertThat(names(path, "zzqx")).isEmpty();
        assertThat(names(path, "nobody@nowhere.test")).isEmpty();
        assertThat(names(path, "wq")).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("paths")
    void quotesWildcardsAndOperatorsAreJustCharacters(Path_ path) {
        assertThat(names(path, "o'brien")).containsExactly("Liam O'Brien");
        assertThat(names(path, "100%")).containsExactly("Ana 100% Real");
        assertThat(names(path, "0%")).isEmpty();
        assertThat(names(path, "%off")).containsExactly("Jo \"JJ\" Smith");
        assertThat(names(path, "s_t")).containsExactly("Sales_Team Lead");
        assertThat(names(path, "\"jj\"")).containsExactly("Jo \"JJ\" Smith");
        assertThat(names(path, "a*b")).containsExactly("A*B Star");
        assertThat(names(path, "a*")).containsExactly("A*B Star");
        assertThat(names(path, "50%")).containsExactly("Jo \"JJ\" Smith");
        for (String odd : List.of("\"", "'", "%", "_", "*", "\\", "a\\b", "%%%", "___", "\"\"\"", "NEAR(a b)",
                "a OR b", "AND", "name:x", "^dan", "-", "(", "\uD800", "\u0000", "\uDBFF\uDFFF", "e\u0301")) {
            assertThat(names(path, odd)).as(odd).isNotNull();
        }
        assertThat(names(path, "%")).isEmpty();
        assertThat(names(path, "_")).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("paths")
    void anEmptyQueryListsEveryoneByNameAndTheLimitHolds(Path_ path) {
        List<String> all = names(path, "   ");
        assertThat(all).hasSize(12).startsWith("A*B Star", "Ana 100% Real", "Dana Whitfield")
                .endsWith("Zed Danaher", "Zoé Laurent", "Élodie Durand");
        assertThat(contacts(t -> t.contacts().search("", 5))).hasSize(5);
        assertThat(contacts(t -> t.contacts().search("e", 0))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("paths")
    void anEditedContactIsFoundUnderItsNewValuesOnly(Path_ path) {
        add("old.address@example.com", "Oldname Person", "oldtag");
        services.contacts().edit("old.address@example.com", "fresh.address@example.org", "Brandnew Person",
                List.of("newtag"), Verified.BY_PHONE, agent);

        assertThat(names(path, "oldname")).isEmpty();
        assertThat(names(path, "old.address")).isEmpty();
        assertThat(names(path, "oldtag")).isEmpty();
        assertThat(names(path, "ol")).isEmpty();
        assertThat(names(path, "brandnew")).containsExactly("Brandnew Person");
        assertThat(names(path, "br")).containsExactly("Brandnew Person");
        assertThat(names(path, "fresh.address@example.org")).containsExactly("Brandnew Person");
        assertThat(names(path, "newtag")).containsExactly("Brandnew Person");
        assertThat(names(path, "ne")).containsExactly("Brandnew Person");

        services.contacts().edit("fresh.address@example.org", null, null, List.of(), agent);
        assertThat(names(path, "newtag")).isEmpty();
        assertThat(names(path, "brandnew")).containsExactly("Brandnew Person");
    }

    @Test
    void theIndexStaysInStepWithContactsThroughEditsAndDeletes() {
        services.contacts().edit("marcus@example.org", "marcus.bell@example.org", "Marcus B. Bell", List.of("x"),
                Verified.BY_PHONE, agent);
        services.transactions().write(t -> t.session()
                .createNativeMutationQuery("delete from contact where email = 'zed@example.net'").executeUpdate());

        assertThat(contacts(t -> t.contacts().search("zed", 50))).isEmpty();
        assertThat(contacts(t -> t.contacts().search("b. bell", 50))).hasSize(1);
        services.transactions().read(t -> {
            assertThat(t.session().createNativeQuery("select count(*) from contact_search", Long.class)
                    .getSingleResult()).isEqualTo(t.contacts().count());
            String copied = TestDatabases.postgresql() ? "c.search_text" : "char(10) || c.search_text";
            assertThat(t.session().createNativeQuery(
                    "select count(*) from contact c join contact_search s on s.contact_id = c.id "
                            + "where s.search_text = " + copied, Long.class)
                    .getSingleResult()).isEqualTo(t.contacts().count());
            if (TestDatabases.postgresql()) {
                // The two-character table: one row per contact and distinct start of a line, as the lines are now.
                String lineStarts = """
                        select distinct c.id, left(line, 2), c.search_text
                        from contact c, regexp_split_to_table(c.search_text, E'\\n') line where char_length(line) >= 2""";
                assertThat(t.session().createNativeQuery("select count(*) from (" + lineStarts
                        + " except select contact_id, lead, search_text from contact_search_lead) missing", Long.class)
                        .getSingleResult()).isZero();
                assertThat(t.session().createNativeQuery("select count(*) from (select contact_id, lead, search_text"
                        + " from contact_search_lead except " + lineStarts + ") stale", Long.class)
                        .getSingleResult()).isZero();
                assertThat(t.session().createNativeQuery("select count(*) from contact_search_lead", Long.class)
                        .getSingleResult()).isGreaterThan(t.contacts().count());
            }
            return null;
        });
        if (!TestDatabases.postgresql()) {
            services.transactions().write(t -> t.session()
                    .createNativeMutationQuery("insert into contact_fts (contact_fts) values ('integrity-check')")
                    .executeUpdate());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "z", "é", "\uD7FF"})
    void successorSortsAfterEveryStringStartingWithThePrefix(String prefix) {
        String next = ContactRepository.successor(prefix);
        assertThat(next.codePointAt(0)).isGreaterThan(prefix.codePointAt(0));
        assertThat(Character.isSurrogate(next.charAt(0)) && next.length() == 1).isFalse();
    }
}
