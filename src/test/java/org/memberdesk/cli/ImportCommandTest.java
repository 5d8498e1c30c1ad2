package org.memberdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.service.Actor;
import org.memberdesk.service.email.EmailView;
import org.memberdesk.service.offers.GrantView;
import org.memberdesk.testsupport.TestSmtp;

/** {@code memberdesk import contacts FILE.csv}: bad rows on stderr with their lines, exit 1 if any. */
class ImportCommandTest extends CliCase {

    static final Actor SETUP = Actor.agent("setup");

    @TempDir
    Path files;

    @BeforeEach
    void setUp() {
        cli.inDatabase(s -> {
            s.offers().create("Gold", null, SETUP);
            return s.contacts().add("kim@example.com", "Kim Park", List.of(), SETUP);
        });
    }

    private Path csv(String text) throws IOException {
        Path file = files.resolve("contacts-" + System.nanoTime() + ".csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private int triggers() {
        return cli.inDatabase(s -> s.transactions().read(t -> t.triggers().pending(10_000).size()));
    }

    @Test
    void aCleanFileImportsAndSaysWhatItDid() throws IOException {
        Path file = csv("email,name,tags,offer\nana@example.com,Ana Lima,vip,Gold\nben@example.com,Ben Okoro,,\n");

        CliRunner.Result result = cli.run("import", "contacts", file.toString()).succeeded();

        assertThat(result.out().lines()).first().isEqualTo("imported 2 of 2 rows: 2 new contacts, 1 grants"
                + " (0 already active), 1 \"Offer Access Granted\" events");
        // The event's workflow (the welcome) ran and its email went out, here to the demo mailbox.
        assertThat(result.out().lines().skip(1)).singleElement().asString().startsWith("delivery: 1 sent")
                .contains("demo mode");
        List<GrantView> grants = cli.inDatabase(s -> s.contacts().card(s.contacts().byEmail("ana@example.com").id())
                .offers());
        assertThat(grants).extracting(GrantView::offer).containsExactly("Gold");
        assertThat(triggers()).isZero();
    }

    @Test
    void badRowsGoToStderrWithTheirLinesTheRestIsImportedAndTheExitCodeIsOne() throws IOException {
        Path file = csv("""
                email,name,offer,phone
                ana@example.com,Ana Lima,Gold,555
                not-an-email,Bad,,
                kim@example.com,,Gold,
                kim@example.com,,Gold,
                ben@example.com,Ben,Platinum,
                """);

        CliRunner.Result result = cli.run("import", "contacts", file.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err().lines()).containsExactly(
                "line 3: 'not-an-email' is not a valid email address (not-an-email)",
                "line 5: duplicate of line 4 (same email and offer) (kim@example.com)",
                "line 6: unknown offer 'Platinum' (ben@example.com)");
        assertThat(result.out().lines()).hasSize(3).startsWith(
                "ignored unknown column: phone",
                "imported 2 of 5 rows: 1 new contacts, 2 grants (0 already active), 2 \"Offer Access Granted\" events;"
                        + " 3 bad rows skipped (see above)");
        assertThat(result.out().lines().skip(2)).singleElement().asString().startsWith("delivery: 2 sent");
        long contacts = cli.inDatabase(s -> s.contacts().count());
        assertThat(contacts).isEqualTo(2L);
    }

    @Test
    void jsonPrintsOneObjectWithTheCountsAndEveryBadRow() throws IOException {
        cli.inDatabase(s -> s.offers().grant("kim@example.com", "Gold", null, SETUP));
        Path file = csv("email,name,offer\nkim@example.com,,Gold\nana@example.com,Ana,Gold\n,No Email,\n");

        CliRunner.Result result = cli.run("--json", "import", "contacts", "--no-triggers", file.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        JsonNode json = result.json();
        assertThat(ContactsCommandTest.fieldNames(json)).containsExactly("file", "dryRun", "rows", "imported",
                "refused", "newContacts", "existingContacts", "grantsAdded", "alreadyActive", "triggersFired",
                "unknownColumns", "errors", "notices", "millis", "delivery");
        assertThat(json.get("rows").asInt()).isEqualTo(3);
        assertThat(json.get("imported").asInt()).isEqualTo(2);
        assertThat(json.get("alreadyActive").asInt()).isEqualTo(1);
        assertThat(json.get("triggersFired").asInt()).isZero();
        assertThat(json.get("errors").get(0).get("line").asInt()).isEqualTo(4);
        assertThat(json.get("errors").get(0).get("reason").asText()).isEqualTo("email is missing");
        assertThat(json.get("notices").get(0).get("line").asInt()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("line 4: email is missing\n");
        // No trigger for Ana's grant: the due steps ran only the grant made in setUp, Kim's welcome.
        List<EmailView> ana = cli.inDatabase(s -> s.emails().list("ana@example.com"));
        List<EmailView> kim = cli.inDatabase(s -> s.emails().list("kim@example.com"));
        assertThat(ana).isEmpty();
        assertThat(kim).extracting(e -> e.kind().code()).containsExactly("welcome");
        assertThat(json.get("delivery").get("sent").asInt()).isEqualTo(1);
        assertThat(triggers()).isZero();
    }

    @Test
    void aDryRunWritesNothing() throws IOException {
        DatabaseState before = cli.state();
        Path file = csv("email,name,offer\nana@example.com,Ana,Gold\n");

        CliRunner.Result result = cli.run("import", "contacts", "--dry-run", file.toString()).succeeded();

        assertThat(result.out()).startsWith("would import 1 of 1 rows: 1 new contacts, 1 grants (0 already active);"
                + " welcome emails: 1 (");
        assertThat(cli.state()).isEqualTo(before);
    }

    @Test
    void aBrokenFileIsOneLineOnStderrAndChangesNothing() throws IOException {
        DatabaseState before = cli.state();
        Path unclosed = csv("email,name\nana@example.com,\"Ana\nben@example.com,Ben\n");
        Path empty = csv("");

        assertThat(cli.run("import", "contacts", unclosed.toString()).userError())
                .contains("a quoted value is never closed").contains("nothing was imported");
        assertThat(cli.run("import", "contacts", empty.toString()).userError()).contains("is empty");
        assertThat(cli.run("import", "contacts", files.resolve("nope.csv").toString()).userError())
                .startsWith("error: no file ");
        assertThat(cli.state()).isEqualTo(before);
    }

    @Test
    void theWelcomesOfAnImportAreDeliveredBeforeItExits() throws IOException {
        try (TestSmtp smtp = TestSmtp.start()) {
            CliRunner mailing = new CliRunner(dir).withEnv(smtp.env());
            Path file = csv("email,name,offer\nana@example.com,Ana Lima,Gold\nbea@example.com,Bea Cruz,Gold\n");

            CliRunner.Result result = mailing.run("import", "contacts", file.toString()).succeeded();

            assertThat(result.out().lines()).first().asString().startsWith("imported 2 of 2 rows");
            assertThat(result.out().lines().skip(1)).singleElement().asString().startsWith("delivery: 2 sent");
            assertThat(smtp.receivedFor("ana@example.com")).singleElement()
                    .satisfies(m -> assertThat(m.getSubject()).contains("Gold"));
            assertThat(smtp.receivedFor("bea@example.com")).hasSize(1);
            List<EmailView> ana = mailing.inDatabase(s -> s.emails().list("ana@example.com"));
            assertThat(ana).extracting(e -> e.status().code()).containsExactly("sent");
        }
    }

    @Test
    void withNoSendAnImportQueuesTheWelcomesAndSaysSo() throws IOException {
        try (TestSmtp smtp = TestSmtp.start()) {
            CliRunner mailing = new CliRunner(dir).withEnv(smtp.env());
            Path file = csv("email,name,offer\nana@example.com,Ana Lima,Gold\n");

            CliRunner.Result result = mailing.run("import", "contacts", "--no-send", file.toString()).succeeded();

            assertThat(result.out().lines()).hasSize(2);
            assertThat(result.out().lines().skip(1)).singleElement().asString()
                    .startsWith("queued, not sent (--no-send): 1 email waiting in the outbox");
            assertThat(result.out()).doesNotContain(" sent,");
            assertThat(smtp.received()).isEmpty();
            List<EmailView> ana = mailing.inDatabase(s -> s.emails().list("ana@example.com"));
            assertThat(ana).extracting(e -> e.status().code()).containsExactly("queued");
            assertThat(triggers()).as("the due workflow steps ran").isZero();

            mailing.run("outbox", "run").succeeded();
            assertThat(smtp.receivedFor("ana@example.com")).hasSize(1);
        }
    }

    @Test
    void importWithoutWhatToImportIsAUsageError() {
        assertThat(cli.run("import").usageError()).contains("Missing required subcommand");
        assertThat(cli.run("import", "contacts").usageError()).contains("FILE.csv");
    }
}
