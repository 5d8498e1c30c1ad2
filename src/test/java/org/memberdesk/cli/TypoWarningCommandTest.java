package org.memberdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code contacts add}, {@code contacts edit} and {@code import contacts}: a likely mistyped domain is a warning, not a refusal. */
class TypoWarningCommandTest extends CliCase {

    @Test
    void addWarnsOnStderrWithTheSuggestedAddressAndSavesTheContactAsTyped() {
        CliRunner.Result result = cli.run("contacts", "add", "--email", "dana@gmial.com", "--name", "Dana Whitfield");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("added Dana Whitfield\tdana@gmial.com\n");
        assertThat(result.err().lines()).singleElement().asString()
                .startsWith("warning: gmial.com looks like a typo of gmail.com")
                .contains("dana@gmail.com", "contacts edit --contact dana@gmial.com --email dana@gmail.com");
        String saved = cli.inDatabase(s -> s.contacts().byEmail("dana@gmial.com").name());
        assertThat(saved).isEqualTo("Dana Whitfield");
    }

    @Test
    void jsonGainsAWarningsArrayOnlyWhenThereIsOne() {
        CliRunner.Result result = cli.run("contacts", "add", "--email", "dana@gmial.com", "--name", "Dana", "--json");

        assertThat(result.exitCode()).isZero();
        JsonNode json = result.json();
        assertThat(ContactsCommandTest.fieldNames(json)).containsExactly("id", "email", "name", "tags", "warnings");
        JsonNode warning = json.get("warnings").get(0);
        assertThat(warning.get("code").asText()).isEqualTo("email-domain-typo");
        assertThat(warning.get("email").asText()).isEqualTo("dana@gmial.com");
        assertThat(warning.get("suggestedEmail").asText()).isEqualTo("dana@gmail.com");
        assertThat(warning.get("message").asText()).contains("dana@gmail.com");
        assertThat(result.err()).startsWith("warning: ");

        JsonNode clean = cli.run("contacts", "add", "--email", "kim@ymail.com", "--name", "Kim", "--json")
                .succeeded().json();
        assertThat(ContactsCommandTest.fieldNames(clean)).containsExactly("id", "email", "name", "tags");
    }

    @Test
    void editWarnsAboutTheNewAddressAndKeepsExitZero() {
        cli.run("contacts", "add", "--email", "jo@example.com", "--name", "Jo").succeeded();

        CliRunner.Result result = cli.run("contacts", "edit", "--contact", "jo@example.com",
                "--email", "jo@hotmial.com", "--verified-by", "phone", "--no-send", "--json");

        assertThat(result.exitCode()).isZero();
        assertThat(result.err().lines()).singleElement().asString()
                .startsWith("warning: hotmial.com looks like a typo of hotmail.com").contains("jo@hotmail.com");
        assertThat(result.json().get("warnings").get(0).get("suggestedEmail").asText()).isEqualTo("jo@hotmail.com");
        String saved = cli.inDatabase(s -> s.contacts().byEmail("jo@hotmial.com").name());
        assertThat(saved).isEqualTo("Jo");
    }

    @Test
    void theImportDryRunNamesTheSuggestedAddressOnTheRowsLine(@TempDir Path files)
            throws IOException {
        Path file = files.resolve("contacts.csv");
        Files.writeString(file, "email,name\nkim@ymail.com,Kim\ndana@gmial.com,Dana\n", StandardCharsets.UTF_8);

        CliRunner.Result result = cli.run("import", "contacts", "--dry-run", file.toString()).succeeded();

        assertThat(result.out().lines()).filteredOn(line -> line.startsWith("line ")).singleElement().asString()
                .startsWith("line 3: gmial.com looks like a typo of gmail.com").contains("dana@gmail.com");
    }
}
