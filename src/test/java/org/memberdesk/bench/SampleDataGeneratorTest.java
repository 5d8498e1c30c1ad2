package org.memberdesk.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.persistence.TestSessions;
import org.memberdesk.service.Services;
import org.memberdesk.service.UserError;
import org.memberdesk.service.demo.SampleDataGenerator;
import org.memberdesk.testsupport.TestClock;
import org.memberdesk.testsupport.TestServices;

class SampleDataGeneratorTest {

    @TempDir
    Path one;
    @TempDir
    Path two;

    @Test
    void theSameSeedGivesTheSameContactsAndTheHistoryContactItsEmails() {
        SampleDataGenerator.Spec spec = new SampleDataGenerator.Spec(300, 42L, 25);
        List<List<Object>> first = generate(one, spec);
        List<List<Object>> second = generate(two, spec);

        assertThat(first).hasSize(300).isEqualTo(second);
        assertThat(first).extracting(row -> (String) row.get(1))
                .allMatch(email -> email.matches("[a-z0-9.]+@example\\.(com|org|net)"))
                .doesNotHaveDuplicates();
        assertThat(first).extracting(row -> (String) row.get(0)).anyMatch(name -> !name.matches("[A-Za-z' ]+"));
        assertThat(first).anyMatch(row -> !((String) row.get(2)).isEmpty());
    }

    @Test
    void everyContactHasAPortalAccountAndTheHistoryContactHasItsEmails() {
        try (Services services = TestServices.open(one, TestClock.at(TestServices.START))) {
            SampleDataGenerator.Result result = new SampleDataGenerator(services.transactions().database(),
                    services.clock()).generate(new SampleDataGenerator.Spec(200, 7L, 30));

            assertThat(services.contacts().count()).isEqualTo(200);
            assertThat(result.grants()).isPositive();
            var card = services.contacts().card(result.historyContactId());
            assertThat(card.emails()).hasSize(30);
            assertThat(card.contact().email()).isEqualTo(SampleDataGenerator.HISTORY_CONTACT_EMAIL);
            long accounts = services.transactions().read(t -> TestSessions.of(t)
                    .createSelectionQuery("select count(*) from PortalAccount", Long.class).getSingleResult());
            assertThat(accounts).isEqualTo(200);

            assertThatThrownBy(() -> new SampleDataGenerator(services.transactions().database(), services.clock())
                    .generate(new SampleDataGenerator.Spec(5, 7L, 0)))
                    .isInstanceOf(UserError.class).hasMessageContaining("not empty");
        }
    }

    private static List<List<Object>> generate(Path dir, SampleDataGenerator.Spec spec) {
        try (Services services = TestServices.open(dir, TestClock.at(TestServices.START))) {
            new SampleDataGenerator(services.transactions().database(), services.clock()).generate(spec);
            return services.transactions().read(t -> TestSessions.of(t).createSelectionQuery(
                            "select c.name, c.email, (select count(*) from OfferGrant g where g.contact = c) "
                                    + "from Contact c order by c.email", Object[].class)
                    .getResultList().stream()
                    .map(r -> List.of(r[0], r[1], tagsOf(services, (String) r[1]), r[2]))
                    .toList());
        }
    }

    private static String tagsOf(Services services, String email) {
        return String.join(",", services.contacts().byEmail(email).tags());
    }
}
