package org.memberdesk.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.bench.QueryMix;
import org.memberdesk.domain.Contact;
import org.memberdesk.service.Services;
import org.memberdesk.service.demo.SampleDataGenerator;
import org.memberdesk.testsupport.TestClock;
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

    private static List<UUID> ids(Services services, java.util.function.Function<Tx, List<Contact>> search) {
        return services.transactions().read(t -> search.apply(t).stream().map(Contact::getId).toList());
    }
}
