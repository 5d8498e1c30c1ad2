package org.memberdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberdesk.service.Actor;
import org.memberdesk.testsupport.TestSmtp;

/** Non-ASCII addresses and the password length on the command line, delivering to a real GreenMail server. */
class InternationalAddressCommandTest extends CliCase {

    TestSmtp smtp;

    @BeforeEach
    void setUp() {
        smtp = TestSmtp.start();
        cli.withEnv(smtp.env());
        cli.inDatabase(s -> s.contacts().add("dana@example.com", "Dana Whitfield", List.of(), Actor.agent("setup")));
    }

    @AfterEach
    void tearDown() {
        smtp.close();
    }

    @Test
    void aNonAsciiLocalPartIsOneLineExitOneAndNothingWritten() {
        DatabaseState before = cli.state();

        String added = cli.run("contacts", "add", "--email", "ä@example.org", "--name", "Anna").userError();
        String edited = cli.run("contacts", "edit", "--contact", "dana@example.com", "--email", "😀@example.org")
                .userError();

        assertThat(added).startsWith("error: 'ä@example.org' cannot be used: the part before the @");
        assertThat(edited).startsWith("error: '😀@example.org' cannot be used: the part before the @");
        assertThat(cli.state()).isEqualTo(before);
    }

    @Test
    void anInternationalisedDomainIsShownInUnicodeAndDeliveredToItsPunycodeForm() {
        String added = cli.run("contacts", "add", "--email", "Anna@BÜCHER.example", "--name", "Anna Book")
                .succeeded().out();
        assertThat(added).startsWith("added Anna Book\tanna@bücher.example");
        assertThat(cli.run("contacts", "find", "bücher").succeeded().out().lines())
                .containsExactly("Anna Book\tanna@bücher.example");

        cli.run("credentials", "reset-link", "--contact", "anna@xn--bcher-kva.example").succeeded();

        assertThat(smtp.server.getReceivedMessagesForDomain("xn--bcher-kva.example")).hasSize(1);
        assertThat(smtp.receivedFor("anna@xn--bcher-kva.example")).hasSize(1);
        JsonNode emails = cli.run("emails", "list", "--contact", "anna@bücher.example", "--json").succeeded().json();
        assertThat(emails).hasSize(1);
        assertThat(emails.get(0).get("status").asText()).isEqualTo("sent");
    }

    @Test
    void aNewPasswordNeedsFifteenCharacters() {
        DatabaseState before = cli.state();

        String refused = cli.withStdin("fourteen chars\n")
                .run("credentials", "set-password", "--contact", "dana@example.com", "--password-stdin").userError();

        assertThat(refused).isEqualTo("error: password refused: use at least 15 characters (14 so far)");
        assertThat(cli.state()).isEqualTo(before);
        cli.withStdin("fifteen letters\n")
                .run("credentials", "set-password", "--contact", "dana@example.com", "--password-stdin").succeeded();
    }
}
