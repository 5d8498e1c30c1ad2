package org.memberdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.service.Actor;

/**
 * A contact's name can hold anything (an import, the portal): the command line never prints a
 * control character or an invisible bidi control raw, so a name cannot recolour, retitle or
 * rewrite the agent's terminal, or show itself reversed.
 */
class TerminalEscapesTest {

    private static final String NAME = "Eve \u001b[31mRed\u001b]0;pwned\u0007 \u202Egnp.exe\u009b2J\u007f";

    @TempDir
    Path dir;

    @Test
    void contactsFindEscapesControlAndBidiCharactersInText() {
        CliRunner cli = new CliRunner(dir);
        cli.inDatabase(s -> s.contacts().add("eve@example.com", NAME, List.of(), Actor.agent("tester")));

        String out = cli.run("contacts", "find", "eve").succeeded().out();

        assertThat(out).isEqualTo(
                "Eve \\x1b[31mRed\\x1b]0;pwned\\x07 \\u202egnp.exe\\x9b2J\\x7f\teve@example.com\n");
    }

    @Test
    void jsonEscapesThemTooAndKeepsTheNameExact() {
        CliRunner cli = new CliRunner(dir);
        cli.inDatabase(s -> s.contacts().add("eve@example.com", NAME, List.of(), Actor.agent("tester")));

        CliRunner.Result result = cli.run("contacts", "find", "eve", "--json").succeeded();

        assertThat(result.out()).doesNotContain("\u001b", "\u202E", "\u009b", "\u007f", "\u0007")
                .contains("\\u001B[31m", "\\u202e", "\\u009b", "\\u007F");
        JsonNode contact = result.json().get(0);
        assertThat(contact.get("name").asText()).isEqualTo(NAME);
    }

    @Test
    void anErrorLineNamingUserInputIsEscaped() {
        CliRunner cli = new CliRunner(dir);

        String line = cli.run("contacts", "edit", "--contact", "x\u001b[2J\u202E@example.com", "--name", "X")
                .userError();

        assertThat(line).doesNotContain("\u001b", "\u202E").contains("x\\x1b[2J\\u202e@example.com");
    }

    @Test
    void aNothingFoundLineEchoingWhatWasTypedIsEscaped() {
        CliRunner cli = new CliRunner(dir);
        cli.inDatabase(s -> s.contacts().add("eve@example.com", "Eve", List.of(), Actor.agent("tester")));

        assertThat(cli.run("contacts", "find", "zz\u001b]0;pwned\u0007\u202E").succeeded().out())
                .isEqualTo("no contact matches 'zz\\x1b]0;pwned\\x07\\u202e'\n");
        assertThat(cli.run("emails", "list", "--contact", "eve@example.com").succeeded().out())
                .isEqualTo("no emails to eve@example.com\n");
    }

    @Test
    void everyNothingFoundLineIsEscapedAndStaysOneLine() {
        StringWriter out = new StringWriter();
        Output output = new Output(new PrintWriter(out), new PrintWriter(new StringWriter()), false);

        // as diagnose says it for what was typed after --contact and --about
        output.query(List.of(), x -> x, x -> "", "no problem found for x\u001b[2J\nforged line (asked about: \u202E)");

        assertThat(out.toString()).isEqualTo(
                "no problem found for x\\x1b[2J\\x0aforged line (asked about: \\u202e)" + System.lineSeparator());
    }
}
