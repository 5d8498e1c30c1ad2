package org.memberdesk.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.hibernate.StatelessSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberdesk.domain.Contact;
import org.memberdesk.service.Actor;
import org.memberdesk.testsupport.ServicesCase;
import org.memberdesk.testsupport.TestServices;

class ContactSearchIndexTest extends ServicesCase {

    Database database;
    final Instant now = Instant.parse(TestServices.START);

    @BeforeEach
    void open() {
        database = services.transactions().database();
        services.contacts().add("old.one@example.com", "Old One", List.of("kept"), Actor.agent("t"));
        services.contacts().add("old.two@example.com", "Old Two", List.of(), Actor.agent("t"));
    }

    private List<String> find(String query) {
        return database.read(t -> t.contacts().search(query, 50).stream().map(Contact::getName).toList());
    }

    private void assertIndexIntact() {
        database.writeVoid(t -> t.session()
                .createNativeMutationQuery("insert into contact_fts (contact_fts) values ('integrity-check')")
                .executeUpdate());
        long pending = database.read(t -> t.session().createNativeQuery(
                "select (select count(*) from contact_search_bulk) + (select count(*) from contact_search_dirty)",
                Long.class).getSingleResult());
        assertThat(pending).isZero();
        long consistent = database.read(t -> t.session().createNativeQuery(
                "select count(*) from contact c join contact_search s on s.contact_id = c.id"
                        + " where s.search_text = char(10) || c.search_text", Long.class).getSingleResult());
        assertThat(consistent).isEqualTo(database.read(t -> t.contacts().count()));
    }

    @Test
    void contactsWrittenInBulkAreIndexedWhenTheBulkEnds() {
        bulk(session -> ContactSearchIndex.deferredDuring(session, () -> {
            for (int i = 0; i < 300; i++) {
                session.insert(new Contact("bulk" + i + "@example.org", "Bulk Person " + i, List.of("imported"), now));
            }
            session.createNativeMutationQuery("update contact set name = 'Old Uno', search_text = 'old uno'"
                    + " || char(10) || email where email = 'old.one@example.com'").executeUpdate();
            session.createNativeMutationQuery("delete from contact where email = 'bulk7@example.org'").executeUpdate();
            session.createNativeMutationQuery("delete from contact where email = 'old.two@example.com'")
                    .executeUpdate();
            return null;
        }));

        assertThat(find("bulk person 12")).containsExactly("Bulk Person 12", "Bulk Person 120", "Bulk Person 121",
                "Bulk Person 122", "Bulk Person 123", "Bulk Person 124", "Bulk Person 125", "Bulk Person 126",
                "Bulk Person 127", "Bulk Person 128", "Bulk Person 129");
        assertThat(find("import")).hasSize(50);
        assertThat(find("bulk7@")).isEmpty();
        assertThat(find("old uno")).containsExactly("Old Uno");
        assertThat(find("old one")).isEmpty();
        assertThat(find("old two")).isEmpty();
        assertIndexIntact();
    }

    @Test
    void tagsWrittenWithoutTheEntityAreFoundInBulkAndOutside() {
        bulk(session -> {
            Contact fresh = new Contact("fresh@example.org", "Fresh Person", List.of(), now);
            session.insert(fresh);
            session.unwrap(org.hibernate.engine.spi.SharedSessionContractImplementor.class).getJdbcCoordinator()
                    .executeBatch();
            session.createNativeMutationQuery("insert into contact_tag (contact_id, tag) values (:id, 'cohort-7')")
                    .setParameter("id", fresh.getId()).executeUpdate();
            session.createNativeMutationQuery("insert into contact_tag (contact_id, tag)"
                    + " select id, 'alumni-2024' from contact where email = 'old.one@example.com'").executeUpdate();
            return null;
        });
        assertThat(find("cohort-7")).containsExactly("Fresh Person");
        assertThat(find("alumni-20")).containsExactly("Old One");
        assertThat(find("kept")).containsExactly("Old One");

        database.writeVoid(t -> t.session().createNativeMutationQuery(
                "insert into contact_tag (contact_id, tag) select id, 'late-tag' from contact"
                        + " where email = 'old.two@example.com'").executeUpdate());
        assertThat(find("late-t")).containsExactly("Old Two");
        database.writeVoid(t -> t.session().createNativeMutationQuery(
                "delete from contact_tag where tag = 'cohort-7'").executeUpdate());
        assertThat(find("cohort")).isEmpty();
        assertThat(services.contacts().byEmail("old.one@example.com").tags()).containsExactly("alumni-2024", "kept");
        assertIndexIntact();
    }

    @Test
    void rowsTakingTheRowidOfADeletedLastRowAreIndexedToo() {
        bulk(session -> {
            session.createNativeMutationQuery("delete from contact_tag where tag = 'kept'").executeUpdate();
            session.createNativeMutationQuery("delete from contact where email = 'old.two@example.com'")
                    .executeUpdate();
            Contact fresh = new Contact("reused@example.org", "Reused Rowid", List.of(), now);
            session.insert(fresh);
            session.unwrap(org.hibernate.engine.spi.SharedSessionContractImplementor.class).getJdbcCoordinator()
                    .executeBatch();
            session.createNativeMutationQuery("insert into contact_tag (contact_id, tag) values (:id, 'new-tag')")
                    .setParameter("id", fresh.getId()).executeUpdate();
            return null;
        });
        assertThat(find("reused rowid")).containsExactly("Reused Rowid");
        assertThat(find("new-tag")).containsExactly("Reused Rowid");
        assertThat(find("kept")).isEmpty();
        assertThat(find("old two")).isEmpty();
        assertIndexIntact();
    }

    @Test
    void aFailedBulkLeavesNothingBehind() {
        assertThatThrownBy(() -> bulk(session -> ContactSearchIndex.deferredDuring(session, () -> {
            session.insert(new Contact("gone@example.org", "Gone Person", List.of(), now));
            throw new IllegalStateException("import broke");
        }))).hasMessage("import broke");

        assertThat(find("gone person")).isEmpty();
        services.contacts().add("after@example.org", "After Person", List.of(), Actor.agent("t"));
        assertThat(find("after person")).containsExactly("After Person");
        assertIndexIntact();
    }

    @Test
    void aStatefulSessionWorksToo() {
        database.writeVoid(t -> ContactSearchIndex.deferredDuring(t.session(), () -> {
            t.persist(new Contact("stateful@example.org", "Stateful Person", List.of(), now));
            return null;
        }));
        assertThat(find("stateful")).containsExactly("Stateful Person");
        assertIndexIntact();
    }

    /** A bulk transaction, worked through its stateless session directly. */
    private <T> T bulk(Function<StatelessSession, T> work) {
        return database.bulk(b -> work.apply(b.session()));
    }
}
