package org.memberdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberdesk.service.Actor;

/** {@code memberdesk activity}: the audit log, filtered, as lines, JSON or a CSV file. */
class ActivityCommandTest extends CliCase {

    @BeforeEach
    void setUp() {
        cli.inDatabase(s -> {
            s.offers().create("Gold", null, Actor.agent("Sam"));
            s.contacts().add("ana@example.com", "Ana", List.of(), Actor.agent("Sam"));
            s.contacts().add("ben@example.com", "Ben", List.of(), Actor.agent("Alex"));
            return s.offers().grant("ana@example.com", "Gold", null, Actor.agent("Alex"));
        });
    }

    @Test
    void filtersByAgentAndContactNewestFirst() {
        JsonNode events = cli.run("activity", "--agent", "alex", "--json").succeeded().json();

        assertThat(events).hasSize(2);
        assertThat(events.get(0).get("action").asText()).isEqualTo("offer.granted");
        assertThat(ContactsCommandTest.fieldNames(events.get(0))).containsExactly("id", "at", "agent", "origin",
                "action", "contactId", "contactEmail", "detail", "outcome");
        assertThat(cli.run("activity", "--contact", "ana@", "--action", "contact").succeeded().out().lines())
                .singleElement().satisfies(l -> assertThat(l).contains("\tSam\tcontact.created\tana@example.com\tok"));
        assertThat(cli.run("activity", "--agent", "nobody").succeeded().out()).isEqualTo("no activity matches\n");
    }

    @Test
    void exportsEveryMatchingEventAsCsv() throws IOException {
        Path file = dir.resolve("activity.csv");

        assertThat(cli.run("activity", "--csv", file.toString()).succeeded().out())
                .isEqualTo("exported 4 events to " + file + "\n");
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("at,agent,origin,action,contactEmail,contactId,detail,outcome");
        assertThat(lines).hasSize(5);
    }

    @Test
    void theCsvFileIsOwnerOnlyEvenInAFolderOpenToAllAndOverAnOpenFile() throws IOException {
        Path shared = Files.createDirectory(dir.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path fresh = shared.resolve("activity.csv");
        Path existing = Files.writeString(shared.resolve("old.csv"), "stale");
        Files.setPosixFilePermissions(existing, PosixFilePermissions.fromString("rw-rw-rw-"));

        cli.run("activity", "--csv", fresh.toString()).succeeded();
        cli.run("activity", "--csv", existing.toString()).succeeded();

        for (Path file : List.of(fresh, existing)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(file.toString())
                    .isEqualTo("rw-------");
            assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).hasSize(5);
        }
        try (var left = Files.list(shared)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("activity.csv", "old.csv");
        }
    }

    @Test
    void aCsvFileThatCannotBeWrittenIsNamedInOneLine() {
        Path missing = dir.resolve("no-such-folder").resolve("activity.csv");

        assertThat(cli.run("activity", "--csv", missing.toString()).userError()).isEqualTo("error: cannot write "
                + missing + ": the folder " + missing.getParent() + " does not exist");
    }
}
