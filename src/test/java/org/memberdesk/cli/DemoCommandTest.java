package org.memberdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
}
