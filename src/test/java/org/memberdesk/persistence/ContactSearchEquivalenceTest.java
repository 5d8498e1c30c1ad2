package org.memberdesk.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import org.memberdesk.testsupport.Verified;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.bench.QueryMix;
import org.memberdesk.domain.Contact;
import org.memberdesk.service.Actor;
import org.memberdesk.service.Services;
import org.memberdesk.service.demo.SampleDataGenerator;
import org.memberdesk.testsupport.TestClock;
import org.memberdesk.testsupport.TestDatabases;
import org.memberdesk.testsupport.TestServices;

/**
 * On generated data, every path of the SQLite search (sorted matches, walked name index, the
 * fallback from a short walk) answers exactly as the portable LIKE query does.
 */
class ContactSearchEquivalenceTest {

    @TempDir
    Path dir;

    @Test
    void everySqlitePathAnswersAsThePortableQuery() {
        try (Services services = TestServices.open(dir, TestClock.at(TestServices.START))) {
            new SampleDataGenerator(services.transactions().database(), services.clock())
                    .generate(new SampleDataGenerator.Spec(3_000, 11L, 0));
            List<Object[]> rows = services.transactions().read(t -> t.session()
                    .createSelectionQuery("select c.name, c.email from Contact c", Object[].class).getResultList());
            QueryMix mix = new QueryMix(rows.stream().map(r -> (String) r[0]).toList(),
                    rows.stream().map(r -> (String) r[1]).toList(), 5L);
            List<String> queries = new java.util.ArrayList<>(mix.next(270).stream().map(QueryMix.Query::text).toList());
            queries.addAll(List.of("", "e", "ex", "exa", "example", ".", "a", "n", "ne", "new", "z", "zo", "ü", "李"));

            int nonEmpty = 0;
            for (String q : queries) {
                List<UUID> expected = ids(services, t -> t.contacts().searchPortable(q, 50));
                assertThat(ids(services, t -> t.contacts().search(q, 50))).as("default: %s", q).isEqualTo(expected);
                assertThat(ids(services, t -> new ContactRepository(t.session(), 0, 3).search(q, 50)))
                        .as("short walk: %s", q).isEqualTo(expected);
                assertThat(ids(services, t -> new ContactRepository(t.session(), 40, 300).search(q, 50)))
                        .as("walked: %s", q).isEqualTo(expected);
                nonEmpty += expected.isEmpty() ? 0 : 1;
            }
            assertThat(nonEmpty).isGreaterThan(queries.size() / 2);
            List<UUID> many = ids(services, t -> t.contacts().search("", 700));
            assertThat(many).hasSize(700).isEqualTo(ids(services, t -> t.contacts().searchPortable("", 700)));
            assertThat(ids(services, t -> t.contacts().search("exa", 600))).hasSize(600)
                    .isEqualTo(ids(services, t -> t.contacts().searchPortable("exa", 600)));
        }
    }

    @Test
    void theSearchCopyFollowsAddsEditsTagsAndDeletes() {
        Actor agent = Actor.agent("tester");
        try (Services services = TestServices.open(dir, TestClock.at(TestServices.START))) {
            services.contacts().add("ann@example.org", "Ann Archer", List.of("gold"), agent);
            services.contacts().add("bo@example.org", "Bo Baker", List.of(), agent);
            services.contacts().add("cy@example.org", "Cy Cole", List.of("vip"), agent);
            services.contacts().edit("bo@example.org", "bo.brand@example.net", "Bo Brand", List.of("silver"), Verified.BY_PHONE, agent);
            // A new first letter moves the row to another part of PostgreSQL's contact_search.
            services.contacts().edit("ann@example.org", "ann@example.org", "Zara Archer", List.of(), agent);
            services.transactions().write(t -> t.session()
                    .createNativeMutationQuery("delete from contact where email = 'cy@example.org'").executeUpdate());

            for (String q : List.of("", "a", "b", "z", "za", "zara", "ann", "br", "brand", "baker", "gold", "silver", "si", "vip",
                    "cy", "example.net")) {
                assertThat(ids(services, t -> t.contacts().search(q, 50))).as(q)
                        .isEqualTo(ids(services, t -> t.contacts().searchPortable(q, 50)));
            }
            assertThat(ids(services, t -> t.contacts().search("brand", 50))).hasSize(1);
            assertThat(ids(services, t -> t.contacts().search("baker", 50))).isEmpty();
            assertThat(ids(services, t -> t.contacts().search("zara", 50))).hasSize(1);
            assertThat(ids(services, t -> t.contacts().search("gold", 50))).isEmpty();
            String copied = TestDatabases.postgresql() ? "c.search_text" : "char(10) || c.search_text";
            services.transactions().read(t -> {
                assertThat(t.session().createNativeQuery("select count(*) from contact_search", Long.class)
                        .getSingleResult()).isEqualTo(2L);
                assertThat(t.session().createNativeQuery("select count(*) from contact c join contact_search s"
                        + " on s.contact_id = c.id where s.search_text = " + copied, Long.class)
                        .getSingleResult()).isEqualTo(2L);
                return null;
            });
        }
    }

    private static List<UUID> ids(Services services, java.util.function.Function<Tx, List<Contact>> search) {
        return services.transactions().read(t -> search.apply(t).stream().map(Contact::getId).toList());
    }
}
