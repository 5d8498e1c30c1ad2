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
import org.memberdesk.service.GrantView;

/** {@code memberdesk import contacts FILE.csv}: bad rows on stderr with their lines, exit 1 if any. */
class ImportCommandTest {

    static final Actor SETUP = Actor.agent("setup");

    @TempDir
    Path dir;
    @TempDir
    Path files;
    CliRunner cli;

    @BeforeEach
    void setUp() {
        cli = new CliRunner(dir);
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

        assertThat(result.out()).isEqualTo("imported 2 of 2 rows: 2 new contacts, 1 grants (0 already active),"
                + " 1 \"Offer Access Granted\" events\n");
        List<GrantView> grants = cli.inDatabase(s -> s.contacts().card(s.contacts().byEmail("ana@example.com").id())
                .offers());
        assertThat(grants).extracting(GrantView::offer).containsExactly("Gold");
        assertThat(triggers()).isEqualTo(1);
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
        assertThat(result.out().lines()).containsExactly(
                "ignored unknown column: phone",
                "imported 2 of 5 rows: 1 new contacts, 2 grants (0 already active), 2 \"Offer Access Granted\" events;"
                        + " 3 bad rows skipped (see above)");
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
                "unknownColumns", "errors", "notices", "millis");
        assertThat(json.get("rows").asInt()).isEqualTo(3);
        assertThat(json.get("imported").asInt()).isEqualTo(2);
        assertThat(json.get("alreadyActive").asInt()).isEqualTo(1);
        assertThat(json.get("triggersFired").asInt()).isZero();
        assertThat(json.get("errors").get(0).get("line").asInt()).isEqualTo(4);
        assertThat(json.get("errors").get(0).get("reason").asText()).isEqualTo("email is missing");
        assertThat(json.get("notices").get(0).get("line").asInt()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("line 4: email is missing\n");
        assertThat(triggers()).isEqualTo(1); // only the grant made in setUp
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
    void importWithoutWhatToImportIsAUsageError() {
        assertThat(cli.run("import").usageError()).contains("Missing required subcommand");
        assertThat(cli.run("import", "contacts").usageError()).contains("FILE.csv");
    }
}
