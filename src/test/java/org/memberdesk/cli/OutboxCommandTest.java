package org.memberdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.memberdesk.service.Actor;
import org.memberdesk.service.email.EmailView;
import org.memberdesk.service.email.OutboxCounts;
import org.memberdesk.testsupport.TestSmtp;

/**
 * {@code outbox run} against a real GreenMail, on the demo data: its failed welcomes are put back in
 * the queue with {@code emails retry --no-send}; Hana's greylisted welcome waits for its next try.
 */
class OutboxCommandTest extends SeededDemoCase {

    static final String MARCUS = "marcus.bell@example.org";
    static final List<String> FAILED_IN_DEMO = List.of(MARCUS, "priya.natarajan@example.net",
            "olu.adeyemi@exmaple.com");

    @Test
    void runDeliversTheQueuedEmailAndPrintsTheCounts() {
        requeue(cli, MARCUS);

        CliRunner.Result result = cli.run("outbox", "run").succeeded();

        assertThat(result.out()).startsWith("outbox: 1 sent, 0 retrying, 0 failed; " + waiting(cli)
                + " still waiting in the outbox");
        assertThat(smtp.receivedFor(MARCUS)).hasSize(1);
        assertThat(smtp.received()).hasSize(1);
        List<EmailView> marcus = cli.inDatabase(s -> s.emails().list(MARCUS));
        assertThat(marcus).extracting(e -> e.status().code()).containsExactly("sent");
    }

    @Test
    void runWithNothingDueSendsNothing() {
        requeue(cli, MARCUS);
        cli.run("outbox", "run").succeeded();

        assertThat(cli.run("outbox", "run").succeeded().out()).startsWith("outbox: 0 sent, 0 retrying, 0 failed; ");
        assertThat(smtp.received()).hasSize(1);
    }

    @Test
    void runUntilEmptyWithJsonDeliversEverythingDueAndPrintsOneObject() {
        FAILED_IN_DEMO.forEach(contact -> requeue(cli, contact));
        assertThat(cli.inDatabase(s -> s.emails().outboxCounts()).queued()).isEqualTo(3);
        long failedElsewhere = cli.inDatabase(s -> s.emails().outboxCounts()).failed();

        JsonNode run = cli.run("outbox", "run", "--until-empty", "--json").succeeded().json();

        assertThat(ContactsCommandTest.fieldNames(run))
                .containsExactly("sent", "retrying", "failed", "waiting", "nextDueAt", "demoMode");
        assertThat(run.get("sent").asInt()).isEqualTo(3);
        assertThat(run.get("retrying").asInt()).isZero();
        assertThat(run.get("failed").asInt()).isZero();
        assertThat(run.get("waiting").asInt()).isEqualTo(waiting(cli));
        assertThat(run.get("demoMode").asBoolean()).isFalse();
        assertThat(smtp.received()).hasSize(3);
        OutboxCounts counts = cli.inDatabase(s -> s.emails().outboxCounts());
        assertThat(counts.queued() + counts.sending()).isZero();
        assertThat(counts.failed()).as("only the demo's other failed emails").isEqualTo(failedElsewhere);
    }

    @Test
    void runWhileTheServerIsDownCountsTheRetryAndWhenItIsDue() {
        requeue(cli, MARCUS);
        CliRunner down = new CliRunner(dir).withEnv(TestSmtp.env(TestSmtp.closedPort()));

        CliRunner.Result plain = down.run("outbox", "run").succeeded();
        EmailView marcus = cli.inDatabase(s -> s.emails().list(MARCUS)).get(0);

        assertThat(marcus.status().code()).isEqualTo("retrying");
        assertThat(plain.out()).startsWith("outbox: 0 sent, 1 retrying, 0 failed; " + waiting(cli)
                + " still waiting in the outbox (next due ");
        Instant nextDue = Instant.parse(plain.out().replaceAll("(?s).*\\(next due (\\S+)\\).*", "$1"));
        assertThat(nextDue).isAfter(Instant.now().minusSeconds(60));

        JsonNode json = down.run("outbox", "run", "--json").succeeded().json();
        assertThat(json.get("sent").asInt()).isZero();
        assertThat(json.get("retrying").asInt()).isZero(); // not due again yet: nothing was tried
        assertThat(json.get("waiting").asInt()).isEqualTo(waiting(cli));
        assertThat(Instant.parse(json.get("nextDueAt").asText())).isEqualTo(nextDue);
    }

    @Test
    void inDemoModeRunDeliversIntoTheDemoMailbox() throws IOException {
        Path demoDir = dir.resolve("demo");
        CliRunner demo = new CliRunner(demoDir);
        demo.run("demo", "seed").succeeded();
        requeue(demo, MARCUS);

        JsonNode run = demo.run("outbox", "run", "--json").succeeded().json();

        assertThat(run.get("sent").asInt()).isEqualTo(1);
        assertThat(run.get("demoMode").asBoolean()).isTrue();
        assertThat(EmailsCommandTest.mailbox(demoDir.resolve("demo-mailbox")))
                .singleElement().satisfies(eml -> assertThat(eml).contains("To: " + MARCUS));
        assertThat(smtp.received()).isEmpty();
    }

    @Test
    void plainRunFirstRunsTheWorkflowStepsThatAreDueAndDeliversTheirMail() {
        // Another process (the console, with its engine not yet round) recorded a grant: its
        // "Offer Access Granted" welcome is a workflow step due now, not yet an email.
        String nadia = "nadia.haddad@example.com";
        cli.inDatabase(s -> s.offers().grant(nadia, "Momentum Membership", null, Actor.agent("console")));

        CliRunner.Result result = cli.run("outbox", "run").succeeded();

        assertThat(result.out()).startsWith("outbox: 1 sent, 0 retrying, 0 failed; ");
        assertThat(smtp.receivedFor(nadia)).singleElement()
                .satisfies(m -> assertThat(m.getSubject()).contains("Momentum Membership"));
        List<EmailView> emails = cli.inDatabase(s -> s.emails().list(nadia));
        assertThat(emails).extracting(e -> e.status().code()).containsExactly("sent");
    }

    /** Puts the contact's failed email back in the queue without sending it. */
    static void requeue(CliRunner runner, String contact) {
        String id = runner.inDatabase(s -> s.emails().list(contact)).stream()
                .filter(e -> e.status().code().equals("failed")).findFirst().orElseThrow().id().toString();
        runner.run("emails", "retry", id, "--no-send").succeeded();
    }

    /** Emails queued or retrying now, as {@code outbox run} reports them. */
    static int waiting(CliRunner runner) {
        OutboxCounts counts = runner.inDatabase(s -> s.emails().outboxCounts());
        return (int) (counts.queued() + counts.retrying());
    }

    @Test
    void outboxWithoutACommandIsAUsageError() {
        assertThat(cli.run("outbox").usageError()).startsWith("Missing required subcommand")
                .contains("Usage: memberdesk outbox");
    }
}
