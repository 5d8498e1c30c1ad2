package org.memberdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.service.EmailView;
import org.memberdesk.service.OutboxCounts;

/** {@code outbox run} on the demo data (Hana's welcome is waiting in the outbox), against a real GreenMail. */
class OutboxCommandTest {

    static final String HANA = "hana.kobayashi@example.com";
    static final List<String> FAILED_IN_DEMO = List.of(
            "marcus.bell@example.org", "priya.natarajan@example.net", "olu.adeyemi@exmaple.com");

    @TempDir
    Path dir;
    TestSmtp smtp;
    CliRunner cli;

    @BeforeEach
    void setUp() {
        smtp = TestSmtp.start();
        cli = new CliRunner(dir).withEnv(smtp.env());
        cli.run("demo", "seed").succeeded();
    }

    @AfterEach
    void tearDown() {
        smtp.close();
    }

    @Test
    void runDeliversTheQueuedEmailAndPrintsTheCounts() {
        CliRunner.Result result = cli.run("outbox", "run").succeeded();

        assertThat(result.out()).isEqualTo("outbox: 1 sent, 0 retrying, 0 failed; 0 still waiting in the outbox\n");
        assertThat(smtp.receivedFor(HANA)).hasSize(1);
        assertThat(smtp.received()).hasSize(1);
        List<EmailView> hana = cli.inDatabase(s -> s.emails().list(HANA));
        assertThat(hana).extracting(EmailView::status).containsExactly("sent");
    }

    @Test
    void runWithNothingDueSendsNothing() {
        cli.run("outbox", "run").succeeded();

        assertThat(cli.run("outbox", "run").succeeded().out())
                .isEqualTo("outbox: 0 sent, 0 retrying, 0 failed; 0 still waiting in the outbox\n");
        assertThat(smtp.received()).hasSize(1);
    }

    @Test
    void runUntilEmptyWithJsonDeliversEverythingDueAndPrintsOneObject() {
        for (String contact : FAILED_IN_DEMO) {
            String id = cli.inDatabase(s -> s.emails().list(contact)).get(0).id().toString();
            cli.run("emails", "retry", id, "--no-send").succeeded();
        }
        assertThat(cli.inDatabase(s -> s.emails().outboxCounts()).queued()).isEqualTo(4);

        JsonNode run = cli.run("outbox", "run", "--until-empty", "--json").succeeded().json();

        assertThat(ContactsCommandTest.fieldNames(run))
                .containsExactly("sent", "retrying", "failed", "waiting", "nextDueAt", "demoMode");
        assertThat(run.get("sent").asInt()).isEqualTo(4);
        assertThat(run.get("retrying").asInt()).isZero();
        assertThat(run.get("failed").asInt()).isZero();
        assertThat(run.get("waiting").asInt()).isZero();
        assertThat(run.get("nextDueAt").isNull()).isTrue();
        assertThat(run.get("demoMode").asBoolean()).isFalse();
        assertThat(smtp.received()).hasSize(4);
        OutboxCounts counts = cli.inDatabase(s -> s.emails().outboxCounts());
        assertThat(counts.queued() + counts.retrying() + counts.sending() + counts.failed()).isZero();
    }

    @Test
    void runWhileTheServerIsDownCountsTheRetryAndWhenItIsDue() {
        CliRunner down = new CliRunner(dir).withEnv(TestSmtp.env(TestSmtp.closedPort()));

        CliRunner.Result plain = down.run("outbox", "run").succeeded();
        EmailView hana = cli.inDatabase(s -> s.emails().list(HANA)).get(0);

        assertThat(hana.status()).isEqualTo("retrying");
        assertThat(plain.out()).startsWith("outbox: 0 sent, 1 retrying, 0 failed; 1 still waiting in the outbox "
                + "(next due ");
        Instant nextDue = Instant.parse(plain.out().replaceAll("(?s).*\\(next due (\\S+)\\).*", "$1"));
        assertThat(nextDue).isAfter(hana.createdAt());

        JsonNode json = down.run("outbox", "run", "--json").succeeded().json();
        assertThat(json.get("sent").asInt()).isZero();
        assertThat(json.get("retrying").asInt()).isZero(); // not due again yet: nothing was tried
        assertThat(json.get("waiting").asInt()).isEqualTo(1);
        assertThat(Instant.parse(json.get("nextDueAt").asText())).isEqualTo(nextDue);
    }

    @Test
    void inDemoModeRunDeliversIntoTheDemoMailbox() throws IOException {
        Path demoDir = dir.resolve("demo");
        CliRunner demo = new CliRunner(demoDir);
        demo.run("demo", "seed").succeeded();

        JsonNode run = demo.run("outbox", "run", "--json").succeeded().json();

        assertThat(run.get("sent").asInt()).isEqualTo(1);
        assertThat(run.get("demoMode").asBoolean()).isTrue();
        assertThat(EmailsCommandTest.mailbox(demoDir.resolve("demo-mailbox")))
                .singleElement().satisfies(eml -> assertThat(eml).contains("To: " + HANA));
        assertThat(smtp.received()).isEmpty();
    }

    @Test
    void outboxWithoutACommandIsAUsageError() {
        assertThat(cli.run("outbox").usageError()).startsWith("Missing required subcommand")
                .contains("Usage: memberdesk outbox");
    }
}
