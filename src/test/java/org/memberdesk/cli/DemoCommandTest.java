package org.memberdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {

    @TempDir
    Path dir;

    @Test
    void seedWithJsonPrintsHowManyContactsItMade() {
        CliRunner cli = new CliRunner(dir);

        JsonNode seeded = cli.run("demo", "seed", "--json").succeeded().json();

        assertThat(ContactsCommandTest.fieldNames(seeded)).containsExactly("contacts");
        assertThat(seeded.get("contacts").isInt()).isTrue();
        long contacts = cli.inDatabase(s -> s.contacts().count());
        boolean demoDatabase = cli.inDatabase(s -> s.demo().isDemoDatabase());
        assertThat(seeded.get("contacts").asLong()).isPositive().isEqualTo(contacts);
        assertThat(demoDatabase).isTrue();
    }

    @Test
    void seedTwiceRefusesTheSecondTime() {
        CliRunner cli = new CliRunner(dir);
        CliRunner.Result first = cli.run("demo", "seed").succeeded();
        DatabaseState before = cli.state();

        String error = cli.run("demo", "seed").userError();

        assertThat(first.out()).matches("seeded demo data: \\d+ contacts\n");
        assertThat(error).startsWith("error: the database is not empty");
        assertThat(cli.state()).isEqualTo(before);
    }

    @Test
    void resetOnADemoDirectoryRestoresTheDemoDataAndEmptiesTheDemoMailbox() throws IOException {
        CliRunner cli = new CliRunner(dir);
        int seeded = cli.run("demo", "seed", "--json").succeeded().json().get("contacts").asInt();
        cli.run("contacts", "add", "--email", "walk.in@example.com", "--name", "Walk In").succeeded();
        cli.run("contacts", "edit", "--contact", "dana.whitfield@example.com", "--name", "Dana W").succeeded();
        cli.run("credentials", "unlock", "--contact", "ben.carter@example.com").succeeded();
        cli.run("credentials", "reset-link", "--contact", "dana.whitfield@example.com").succeeded();
        assertThat(EmailsCommandTest.mailbox(dir.resolve("demo-mailbox"))).isNotEmpty();

        CliRunner.Result plain = cli.run("demo", "reset").succeeded();
        JsonNode again = cli.run("demo", "reset", "--json").succeeded().json();

        assertThat(plain.out()).isEqualTo("reset demo data: " + seeded + " contacts\n");
        assertThat(ContactsCommandTest.fieldNames(again)).containsExactly("contacts");
        assertThat(again.get("contacts").asInt()).isEqualTo(seeded);
        long walkIns = cli.inDatabase(s -> (long) s.contacts().find("walk.in").size());
        String dana = cli.inDatabase(s -> s.contacts().byEmail("dana.whitfield@example.com").name());
        assertThat(walkIns).isZero();
        assertThat(dana).isEqualTo("Dana Whitfield");
        assertThat(cli.run("credentials", "unlock", "--contact", "ben.carter@example.com").succeeded().out())
                .as("Ben is locked again").contains("unlocked ben.carter@example.com");
        assertThat(EmailsCommandTest.mailbox(dir.resolve("demo-mailbox"))).isEmpty();
    }

    @Test
    void resetIsRefusedOnADirectoryNotMadeByDemoSeed() {
        CliRunner cli = new CliRunner(dir);
        cli.run("contacts", "add", "--email", "real.person@example.com", "--name", "Real Person").succeeded();
        DatabaseState before = cli.state();

        String error = cli.run("demo", "reset").userError();

        assertThat(error).isEqualTo("error: this is not a demo database: only demo data can be reset");
        assertThat(cli.state()).isEqualTo(before);
        long contacts = cli.inDatabase(s -> s.contacts().count());
        assertThat(contacts).isEqualTo(1L);
    }
}
