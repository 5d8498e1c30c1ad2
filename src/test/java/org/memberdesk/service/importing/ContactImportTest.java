package org.memberdesk.service.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.service.Actor;
import org.memberdesk.service.AuditLog;
import org.memberdesk.service.UserError;
import org.memberdesk.service.contacts.ContactCard;
import org.memberdesk.service.contacts.ContactSummary;
import org.memberdesk.service.offers.GrantView;
import org.memberdesk.testsupport.ServicesCase;

/** CSV import on a real SQLite file: bad rows, bad files, odd text, existing contacts, triggers, atomicity. */
class ContactImportTest extends ServicesCase {

    static final String GOLD = "Gold Membership";
    static final String SILVER = "Silver Course";

    @TempDir
    Path files;
    ContactImport imports;
    Actor agent = Actor.agent("Sam (support)");

    @BeforeEach
    void open() {
        imports = services.contactImport();
        services.offers().create(GOLD, null, agent);
        services.offers().create(SILVER, null, agent);
    }

    private Path csv(String text) throws IOException {
        return write(text.getBytes(StandardCharsets.UTF_8));
    }

    private Path write(byte[] bytes) throws IOException {
        Path file = Files.createTempFile(files, "contacts", ".csv");
        Files.write(file, bytes);
        return file;
    }

    private ImportResult run(Path file) {
        return imports.run(file, true, agent, ImportProgress.NONE);
    }

    private int triggers() {
        return services.transactions().read(t -> t.triggers().pending(1_000_000).size());
    }

    private ContactCard card(String email) {
        return services.contacts().card(services.contacts().byEmail(email).id());
    }

    /** Contacts, grants, triggers and audit entries: what an import may change. */
    private record Snapshot(List<ContactSummary> contacts, List<List<GrantView>> grants, int triggers, int audit) {
    }

    private Snapshot snapshot() {
        List<ContactSummary> contacts = services.contacts().find("", 100_000);
        return new Snapshot(contacts, contacts.stream().map(c -> services.contacts().card(c.id()).offers()).toList(),
                triggers(), services.audit().latest(1_000_000).size());
    }

    // ---- a good file ----

    @Test
    void importsContactsTagsAndGrantsAndFiresOfferAccessGranted() throws IOException {
        Path file = csv("""
                email,name,tags,offer
                ana@example.com,Ana Lima,vip;new,Gold Membership
                ben@example.com,Ben Okoro,,silver course
                cy@example.com,Cy Young,newsletter,
                """);
        int auditBefore = services.audit().latest(1000).size();

        ImportResult result = run(file);

        assertThat(result.rows()).isEqualTo(3);
        assertThat(result.importedRows()).isEqualTo(3);
        assertThat(result.problems()).isEmpty();
        assertThat(result.newContacts()).isEqualTo(3);
        assertThat(result.grantsAdded()).isEqualTo(2);
        assertThat(result.triggersFired()).isEqualTo(2);
        assertThat(triggers()).isEqualTo(2);
        ContactCard ana = card("ana@example.com");
        assertThat(ana.contact().name()).isEqualTo("Ana Lima");
        assertThat(ana.contact().tags()).containsExactlyInAnyOrder("new", "vip");
        assertThat(ana.offers()).singleElement().satisfies(g -> {
            assertThat(g.offer()).isEqualTo(GOLD);
            assertThat(g.status().code()).isEqualTo("active");
            assertThat(g.grantedBy()).isEqualTo("Sam (support)");
        });
        assertThat(ana.portal().passwordSet()).isFalse();
        assertThat(card("ben@example.com").offers()).extracting(GrantView::offer).containsExactly(SILVER);
        assertThat(card("cy@example.com").offers()).isEmpty();
        List<AuditLog.Entry> audit = services.audit().latest(1000);
        assertThat(audit).hasSize(auditBefore + 3 + 2 + 1);
        assertThat(audit).filteredOn(e -> e.action().equals(ContactImport.AUDIT_ACTION)).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("3 rows, 3 imported, 0 refused"));
        assertThat(services.audit().ofContact(ana.contact().id())).extracting(AuditLog.Entry::action)
                .containsExactlyInAnyOrder("contact.created", "offer.granted");
        assertThat(services.contacts().find("ana")).extracting(ContactSummary::email).contains("ana@example.com");
    }

    @Test
    void thePreviewSaysWhatTheImportWillDoAndWritesNothing() throws IOException {
        services.contacts().add("old@example.com", "Old Timer", List.of(), agent);
        services.offers().grant("old@example.com", GOLD, null, agent);
        Path file = csv("""
                email,name,offer,phone
                new@example.com,New Person,Gold Membership,555
                old@example.com,,Gold Membership,
                old@example.com,,Silver Course,
                broken,Broken Row,,
                """);
        Snapshot before = snapshot();

        ImportPreview preview = imports.preview(file);

        assertThat(snapshot()).isEqualTo(before);
        assertThat(preview.totalRows()).isEqualTo(4);
        assertThat(preview.validRows()).isEqualTo(3);
        assertThat(preview.newContacts()).isEqualTo(1);
        assertThat(preview.existingContacts()).isEqualTo(1);
        assertThat(preview.grantsToAdd()).isEqualTo(2);
        assertThat(preview.alreadyActive()).isEqualTo(1);
        assertThat(preview.welcomeEmails()).isEqualTo(2);
        assertThat(preview.welcomeEmailsNote()).contains("Offer Access Granted").contains("Welcome new members");
        assertThat(preview.unknownColumns()).containsExactly("phone");
        assertThat(preview.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.reason()).contains("not a valid email");
        });
        assertThat(preview.notices()).singleElement().satisfies(n -> {
            assertThat(n.line()).isEqualTo(3);
            assertThat(n.message()).contains("already has active access to " + GOLD);
        });
        assertThat(preview.rows()).extracting(ImportRow::outcome)
                .containsExactly("new-contact", "existing-contact", "existing-contact", "error");
        assertThat(preview.rows()).extracting(ImportRow::grant)
                .containsExactly("grant", "already-active", "grant", null);

        ImportResult result = run(file);
        assertThat(result.newContacts()).isEqualTo(preview.newContacts());
        assertThat(result.grantsAdded()).isEqualTo(preview.grantsToAdd());
        assertThat(result.alreadyActive()).isEqualTo(preview.alreadyActive());
        assertThat(result.triggersFired()).isEqualTo(preview.welcomeEmails());
    }

    // ---- bad rows ----

    @Test
    void everyBadRowIsReportedWithItsLineAndReasonAndTheRestIsImported() throws IOException {
        Path file = csv("""
                email,name,tags,offer
                good@example.com,Good Row,,Gold Membership
                not-an-email,Bad Email,,
                ,No Email,,
                unknown@example.com,Unknown Offer,,Platinum
                good@example.com,Good Row,,gold membership
                noname@example.com,,,
                tag@example.com,Tag Row,"a,b",
                longtag@example.com,Long Tag,%s,
                fields@example.com,Too Many,,,extra
                second@example.com,Second Good,,Silver Course
                good@example.com,,,Silver Course
                """.formatted("t".repeat(61)));
        Snapshot before = snapshot();

        ImportResult result = run(file);

        assertThat(result.problems()).extracting(RowProblem::line).containsExactly(3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(result.problems()).extracting(RowProblem::reason).satisfiesExactly(
                r -> assertThat(r).isEqualTo("'not-an-email' is not a valid email address"),
                r -> assertThat(r).isEqualTo("email is missing"),
                r -> assertThat(r).isEqualTo("unknown offer 'Platinum'"),
                r -> assertThat(r).isEqualTo("duplicate of line 2 (same email and offer)"),
                r -> assertThat(r).isEqualTo("name is missing: a new contact needs one"),
                r -> assertThat(r).contains("may not contain"),
                r -> assertThat(r).contains("is longer than 60 characters"),
                r -> assertThat(r).isEqualTo("it has 5 values but the header has 4 columns"));
        assertThat(result.problems()).extracting(RowProblem::email).startsWith("not-an-email", "");
        assertThat(result.importedRows()).isEqualTo(3);
        assertThat(result.newContacts()).isEqualTo(2);
        assertThat(result.grantsAdded()).isEqualTo(3);
        assertThat(card("good@example.com").offers()).extracting(GrantView::offer)
                .containsExactlyInAnyOrder(GOLD, SILVER);
        assertThat(services.contacts().count()).isEqualTo(before.contacts().size() + 2);
        assertThat(triggers()).isEqualTo(3);
    }

    @Test
    void aHugeFieldRefusesOnlyItsRow() throws IOException {
        String huge = "N".repeat(1024 * 1024);
        Path file = csv("email,name\nhuge@example.com," + huge + "\nsmall@example.com,Small Name\n");

        ImportResult result = run(file);

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.reason()).isEqualTo("name is longer than 200 characters (it has 1048576)");
        });
        assertThat(result.newContacts()).isEqualTo(1);
        assertThat(services.contacts().byEmail("small@example.com").name()).isEqualTo("Small Name");
        assertThatThrownBy(() -> services.contacts().byEmail("huge@example.com")).isInstanceOf(UserError.class);
    }

    // ---- text ----

    @Test
    void unicodeNamesABomAndQuotedCommasAndLineBreaksSurvive() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = ("Email,Name,Tags\r\n"
                + "zoe@example.com,Zoë Ångström-李 🙂,café\r\n"
                + "jane@example.com,\"Doe, Jane \"\"JD\"\"\",\"a;b\"\r\n"
                + "multi@example.com,\"First\r\nSecond\",\r\n"
                + "\r\n"
                + "bad-after-newline,X,\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, bytes, 0, bom.length);
        System.arraycopy(body, 0, bytes, bom.length, body.length);

        ImportResult result = run(write(bytes));

        assertThat(result.newContacts()).isEqualTo(3);
        assertThat(services.contacts().byEmail("zoe@example.com").name()).isEqualTo("Zoë Ångström-李 🙂");
        assertThat(services.contacts().byEmail("zoe@example.com").tags()).containsExactlyInAnyOrder("café");
        assertThat(services.contacts().byEmail("jane@example.com").name()).isEqualTo("Doe, Jane \"JD\"");
        assertThat(services.contacts().byEmail("jane@example.com").tags()).containsExactlyInAnyOrder("a", "b");
        assertThat(services.contacts().byEmail("multi@example.com").name()).isEqualTo("First Second");
        assertThat(result.problems()).singleElement().extracting(RowProblem::line)
                .as("lines count the line break inside the quoted name and the blank line").isEqualTo(7);
    }

    // ---- bad files: a clear error and nothing written ----

    @Test
    void anUnclosedQuoteIsAClearErrorAndNothingIsWritten() throws IOException {
        Path file = csv("email,name\nok@example.com,Ok\nbad@example.com,\"never closed\nlast@example.com,Last\n");
        Snapshot before = snapshot();

        assertThatThrownBy(() -> run(file)).isInstanceOf(UserError.class)
                .hasMessageContaining("a quoted value is never closed").hasMessageContaining("nothing was imported");
        assertThatThrownBy(() -> imports.preview(file)).isInstanceOf(UserError.class);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void anEmptyFileABomOnlyFileAndBlankLinesAreRefused() throws IOException {
        Snapshot before = snapshot();
        for (byte[] empty : List.of(new byte[0], new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                "\n\n  \n".getBytes(StandardCharsets.UTF_8))) {
            Path file = write(empty);
            assertThatThrownBy(() -> run(file)).isInstanceOf(UserError.class).hasMessageContaining("is empty");
        }
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aHeaderWithoutAnEmailColumnIsRefused() throws IOException {
        Path noEmail = csv("name,offer\nAna,Gold Membership\n");
        Path noHeader = csv("ana@example.com,Ana,,Gold Membership\n");
        Path twice = csv("email,EMAIL\na@example.com,b@example.com\n");

        assertThatThrownBy(() -> run(noEmail)).isInstanceOf(UserError.class)
                .hasMessageContaining("no 'email' column").hasMessageContaining("name, offer");
        assertThatThrownBy(() -> run(noHeader)).isInstanceOf(UserError.class)
                .hasMessageContaining("no 'email' column");
        assertThatThrownBy(() -> run(twice)).isInstanceOf(UserError.class).hasMessageContaining("twice");
        assertThat(services.contacts().count()).isZero();
    }

    @Test
    void aFileThatIsNotUtf8OrMissingIsRefused() throws IOException {
        Path latin1 = write("email,name\nrene@example.com,Ren\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> run(latin1)).isInstanceOf(UserError.class).hasMessageContaining("not UTF-8");
        assertThatThrownBy(() -> run(files.resolve("missing.csv"))).isInstanceOf(UserError.class)
                .hasMessageContaining("no file");
        assertThat(services.contacts().count()).isZero();
    }

    @Test
    void aHeaderOnlyFileImportsNothingAndSaysSo() throws IOException {
        ImportResult result = run(csv("email,name,tags,offer\n"));

        assertThat(result.rows()).isZero();
        assertThat(result.newContacts()).isZero();
        assertThat(services.contacts().count()).isZero();
    }

    // ---- existing contacts ----

    @Test
    void anExistingContactGetsItsGrantAndNewTagsButKeepsItsName() throws IOException {
        services.contacts().add("kim@example.com", "Kim Park", List.of("vip"), agent);
        services.contacts().add("lee@example.com", "Lee Chan", List.of(), agent);
        services.offers().grant("lee@example.com", GOLD, null, agent);
        services.offers().revoke("lee@example.com", GOLD, "refund", agent);
        int triggersBefore = triggers();
        Path file = csv("""
                email,name,tags,offer
                KIM@example.com,Someone Else,vip;webinar,Gold Membership
                lee@example.com,,,Gold Membership
                """);

        ImportResult result = run(file);

        assertThat(result.problems()).isEmpty();
        assertThat(result.newContacts()).isZero();
        assertThat(result.existingContacts()).isEqualTo(2);
        assertThat(result.grantsAdded()).isEqualTo(2);
        ContactCard kim = card("kim@example.com");
        assertThat(kim.contact().name()).isEqualTo("Kim Park");
        assertThat(kim.contact().tags()).containsExactlyInAnyOrder("vip", "webinar");
        assertThat(kim.offers()).extracting(g -> g.status().code()).containsExactly("active");
        assertThat(card("lee@example.com").offers()).singleElement().satisfies(g -> {
            assertThat(g.status().code()).isEqualTo("active");
            assertThat(g.revokeReason()).isNull();
        });
        assertThat(triggers()).isEqualTo(triggersBefore + 2);
        // The contact is still editable afterwards (its version moved with the import).
        services.contacts().edit("kim@example.com", null, "Kim Park-Lee", null, agent);
        assertThat(services.audit().ofContact(kim.contact().id())).extracting(AuditLog.Entry::action)
                .contains("contact.edited", "offer.granted");
    }

    @Test
    void anAlreadyActiveGrantIsReportedNotAnError() throws IOException {
        services.contacts().add("kim@example.com", "Kim Park", List.of(), agent);
        services.offers().grant("kim@example.com", GOLD, null, agent);
        int triggersBefore = triggers();

        ImportResult result = run(csv("email,offer\nkim@example.com,Gold Membership\n"));

        assertThat(result.hasProblems()).isFalse();
        assertThat(result.alreadyActive()).isEqualTo(1);
        assertThat(result.grantsAdded()).isZero();
        assertThat(result.notices()).singleElement().satisfies(n -> assertThat(n.line()).isEqualTo(2));
        assertThat(triggers()).isEqualTo(triggersBefore);
    }

    // ---- triggers and atomicity ----

    @Test
    void withoutTriggersNoOfferAccessGrantedEventIsWritten() throws IOException {
        Path file = csv("email,name,offer\nana@example.com,Ana,Gold Membership\nben@example.com,Ben,Silver Course\n");

        ImportResult result = imports.run(file, false, agent, ImportProgress.NONE);

        assertThat(result.grantsAdded()).isEqualTo(2);
        assertThat(result.triggersFired()).isZero();
        assertThat(triggers()).isZero();
        assertThat(card("ana@example.com").activeOffers()).hasSize(1);
    }

    @Test
    void aFailureInTheMiddleOfTheWriteLeavesNothingBehind() throws IOException {
        services.contacts().add("kim@example.com", "Kim Park", List.of("vip"), agent);
        StringBuilder text = new StringBuilder("email,name,tags,offer\nkim@example.com,,webinar,Gold Membership\n");
        for (int i = 0; i < 2500; i++) {
            text.append("person").append(i).append("@example.com,Person ").append(i).append(",imported,")
                    .append(i % 2 == 0 ? GOLD : "").append('\n');
        }
        Path file = csv(text.toString());
        Snapshot before = snapshot();
        List<Long> written = new ArrayList<>();

        assertThatThrownBy(() -> imports.run(file, true, agent, (phase, done, total) -> {
            if (phase == ImportProgress.Phase.WRITING && done > 0) {
                written.add(done);
                if (done >= 2000) {
                    throw new IllegalStateException("disk full");
                }
            }
        })).isInstanceOf(IllegalStateException.class).hasMessage("disk full");

        assertThat(written).contains(1000L, 2000L);
        assertThat(snapshot()).isEqualTo(before);
        assertThat(services.contacts().byEmail("kim@example.com").tags()).containsExactlyInAnyOrder("vip");
    }

    @Test
    void twoThousandRowsImportInOneGoWithProgress() throws IOException {
        StringBuilder text = new StringBuilder("email,name,tags,offer\n");
        for (int i = 0; i < 2000; i++) {
            text.append("member").append(i).append("@example.org,Member ").append(i).append(",cohort-")
                    .append(i % 7).append(';').append("imported,").append(i % 3 == 0 ? SILVER : GOLD).append('\n');
        }
        Path file = csv(text.toString());
        List<String> phases = new ArrayList<>();

        ImportResult result = imports.run(file, true, agent, (phase, done, total) -> {
            if (phases.isEmpty() || !phases.get(phases.size() - 1).equals(phase.code())) {
                phases.add(phase.code());
            }
        });

        assertThat(result.newContacts()).isEqualTo(2000);
        assertThat(result.grantsAdded()).isEqualTo(2000);
        assertThat(triggers()).isEqualTo(2000);
        assertThat(phases).containsExactly("reading", "checking", "writing");
        assertThat(services.contacts().byEmail("member1999@example.org").tags()).containsExactlyInAnyOrder("cohort-4",
                "imported");
        System.out.printf("imported 2,000 rows in %d ms%n", result.millis());
    }
}
