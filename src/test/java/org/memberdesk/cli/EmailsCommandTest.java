package org.memberdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.memberdesk.service.AuditLog;
import org.memberdesk.service.email.EmailView;
import org.memberdesk.testsupport.TestSmtp;

/** {@code emails list} and {@code emails retry} on the demo data, delivering to a real GreenMail server. */
class EmailsCommandTest extends SeededDemoCase {

    static final String MARCUS = "marcus.bell@example.org"; // demo: welcome failed after 5 attempts (421)
    static final String DANA = "dana.whitfield@example.com"; // demo: three emails, all sent
    static final String LEO = "leo.martins@example.org";     // demo: no email at all

    @Test
    void listPrintsOneLinePerEmailNewestFirst() {
        List<EmailView> stored = emails(DANA);

        CliRunner.Result result = cli.run("emails", "list", "--contact", "Dana.Whitfield@Example.com").succeeded();

        List<String> lines = result.out().lines().toList();
        assertThat(stored).hasSize(3);
        assertThat(lines).hasSize(3);
        for (int i = 0; i < lines.size(); i++) {
            EmailView email = stored.get(i);
            assertThat(lines.get(i)).isEqualTo(email.id() + "\t" + email.createdAt() + "\tsent\t" + email.kind().code()
                    + "\t" + email.subject());
        }
        assertThat(stored).extracting(EmailView::createdAt).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(lines.get(0)).contains("\tsent\treset-link\t");
    }

    @Test
    void listShowsAFailedEmailsAttemptsAndTheServersReply() {
        EmailView failed = emails(MARCUS).get(0);

        CliRunner.Result result = cli.run("emails", "list", "--contact", MARCUS).succeeded();

        assertThat(result.out()).isEqualTo(failed.id() + "\t" + failed.createdAt() + "\tfailed\twelcome\t"
                + failed.subject() + "\t5 attempts: "
                + "421 4.4.2 mail.example.org: connection timed out, giving up after 5 attempts\n");
    }

    @Test
    void listWithJsonPrintsAnArrayOfEmailsNewestFirst() {
        List<EmailView> stored = emails(DANA);

        JsonNode list = cli.run("emails", "list", "--contact", DANA, "--json").succeeded().json();

        assertThat(list.isArray()).isTrue();
        assertThat(list).hasSize(3);
        JsonNode newest = list.get(0);
        assertThat(ContactsCommandTest.fieldNames(newest)).startsWith("id", "kind", "status", "subject", "attempts",
                "lastReply", "origin", "createdAt", "sentAt")
                .contains("originDetail", "offer", "group", "recipient", "messageId");
        assertThat(UUID.fromString(newest.get("id").asText())).isEqualTo(stored.get(0).id());
        assertThat(newest.get("kind").asText()).isEqualTo("reset-link");
        assertThat(newest.get("status").asText()).isEqualTo("sent");
        assertThat(newest.get("attempts").isInt()).isTrue();
        assertThat(newest.get("attempts").asInt()).isEqualTo(1);
        assertThat(newest.get("lastReply").asText()).startsWith("250 ");
        assertThat(newest.get("origin").asText()).isEqualTo("agent");
        assertThat(newest.get("createdAt").asText()).endsWith("Z");
        assertThat(Instant.parse(newest.get("createdAt").asText())).isEqualTo(stored.get(0).createdAt());
        assertThat(Instant.parse(newest.get("sentAt").asText())).isEqualTo(stored.get(0).sentAt());
        assertThat(newest.get("recipient").asText()).isEqualTo(DANA);
        assertThat(list.get(2).get("kind").asText()).isEqualTo("welcome");
        assertThat(list.get(2).get("origin").asText()).isEqualTo("workflow");
        assertThat(list.get(2).get("offer").asText()).isEqualTo("Momentum Membership");
        assertThat(Instant.parse(list.get(0).get("createdAt").asText()))
                .isAfter(Instant.parse(list.get(1).get("createdAt").asText()));
    }

    @Test
    void listWithJsonShowsAFailedEmailWithoutSentAt() {
        JsonNode failed = cli.run("--json", "emails", "list", "--contact", MARCUS).succeeded().json().get(0);

        assertThat(failed.get("status").asText()).isEqualTo("failed");
        assertThat(failed.get("attempts").asInt()).isEqualTo(5);
        assertThat(failed.get("lastReply").asText()).startsWith("421 4.4.2");
        assertThat(failed.get("sentAt").isNull()).isTrue();
    }

    @Test
    void listOfAContactWithoutEmailSaysSo() {
        assertThat(cli.run("emails", "list", "--contact", LEO).succeeded().out())
                .isEqualTo("no emails to " + LEO + "\n");
        assertThat(cli.run("emails", "list", "--contact", LEO, "--json").succeeded().out()).isEqualTo("[]\n");
    }

    @Test
    void listOfAnUnknownContactIsAUserError() {
        assertThat(cli.run("emails", "list", "--contact", "ghost@example.com").userError())
                .isEqualTo("error: no contact with email ghost@example.com");
    }

    @Test
    void listWithoutTheContactIsAUsageError() {
        assertThat(cli.run("emails", "list").usageError()).startsWith("Missing required option: '--contact=E'");
    }

    @Test
    void retryDeliversTheFailedEmailBeforeExitingAndPrintsItSent() throws Exception {
        UUID id = emails(MARCUS).get(0).id();

        CliRunner.Result result = cli.run("emails", "retry", id.toString()).succeeded();

        List<String> lines = result.out().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("retried " + id + " to " + MARCUS + ": sent (250");
        assertThat(lines.get(1)).matches("delivery: 1 sent, 0 retrying, 0 failed; " + OutboxCommandTest.waiting(cli)
                + " still waiting in the outbox( \\(next due \\S+Z\\))?");
        String subject = emails(MARCUS).get(0).subject();
        assertThat(smtp.receivedFor(MARCUS)).singleElement()
                .satisfies(m -> assertThat(m.getSubject()).isEqualTo(subject));
        EmailView stored = emails(MARCUS).get(0);
        assertThat(stored.id()).isEqualTo(id);
        assertThat(stored.status().code()).isEqualTo("sent");
        assertThat(stored.sentAt()).isNotNull();
        List<AuditLog.Entry> audit = cli.inDatabase(s -> s.audit().latest(10));
        assertThat(audit).filteredOn(e -> e.action().equals("email.retried")).singleElement()
                .satisfies(e -> assertThat(e.agent()).isEqualTo("cli-test"));
    }

    @Test
    void retryWithJsonPrintsTheEmailAsItNowStandsAndTheDelivery() {
        UUID id = emails(MARCUS).get(0).id();

        JsonNode retried = cli.run("emails", "retry", id.toString(), "--json").succeeded().json();

        assertThat(ContactsCommandTest.fieldNames(retried)).startsWith("id", "kind", "status", "subject", "attempts",
                "lastReply", "origin", "createdAt", "sentAt").contains("recipient", "delivery");
        assertThat(retried.get("id").asText()).isEqualTo(id.toString());
        assertThat(retried.get("status").asText()).isEqualTo("sent");
        assertThat(retried.get("lastReply").asText()).startsWith("250");
        assertThat(retried.get("messageId").asText()).contains(id.toString());
        assertThat(Instant.parse(retried.get("sentAt").asText())).isEqualTo(emails(MARCUS).get(0).sentAt());
        JsonNode delivery = retried.get("delivery");
        assertThat(ContactsCommandTest.fieldNames(delivery))
                .containsExactly("sent", "retrying", "failed", "waiting", "nextDueAt", "demoMode");
        assertThat(delivery.get("sent").asInt()).isPositive();
        assertThat(delivery.get("failed").asInt()).isZero();
        assertThat(delivery.get("waiting").asInt()).isEqualTo(OutboxCommandTest.waiting(cli));
        assertThat(delivery.get("demoMode").asBoolean()).isFalse();
    }

    @Test
    void retryWithNoSendLeavesTheEmailQueued() {
        UUID id = emails(MARCUS).get(0).id();

        CliRunner.Result plain = cli.run("emails", "retry", id.toString(), "--no-send").succeeded();

        assertThat(plain.out()).isEqualTo("retried " + id + " to " + MARCUS
                + ": queued, not sent (--no-send); `memberdesk outbox run` delivers it\n");
        assertThat(emails(MARCUS).get(0).status().code()).isEqualTo("queued");
        assertThat(smtp.received()).isEmpty();
    }

    @Test
    void retryWithNoSendAndJsonHasNoDelivery() {
        UUID id = emails(MARCUS).get(0).id();

        JsonNode retried = cli.run("--json", "emails", "retry", "--no-send", id.toString()).succeeded().json();

        assertThat(retried.get("status").asText()).isEqualTo("queued");
        assertThat(retried.get("delivery").isNull()).isTrue();
        assertThat(smtp.received()).isEmpty();
    }

    @Test
    void retryWhileTheServerIsDownSaysItWillRetryWithTheReply() {
        CliRunner down = new CliRunner(dir).withEnv(TestSmtp.env(TestSmtp.closedPort()));
        UUID id = emails(MARCUS).get(0).id();

        CliRunner.Result result = down.run("emails", "retry", id.toString()).succeeded();

        EmailView stored = emails(MARCUS).get(0);
        assertThat(stored.status().code()).isEqualTo("retrying");
        assertThat(result.out().lines().toList().get(0))
                .startsWith("retried " + id + " to " + MARCUS + ": not delivered yet, retrying at ")
                .endsWith("(" + stored.lastReply() + ")");
        assertThat(result.out().lines().toList().get(1)).contains("0 sent, ").contains(" retrying, 0 failed; ");
    }

    @Test
    void retryOfAnEmailThatDidNotFailIsAUserErrorAndChangesNothing() {
        UUID sent = emails(DANA).get(0).id();
        DatabaseState before = cli.state();

        assertThat(cli.run("emails", "retry", sent.toString()).userError())
                .isEqualTo("error: only a failed email can be retried; this one is sent");
        assertThat(cli.state()).isEqualTo(before);
        assertThat(smtp.received()).isEmpty();
    }

    @Test
    void retryOfAnUnknownIdIsAUserError() {
        UUID unknown = UUID.randomUUID();
        DatabaseState before = cli.state();

        assertThat(cli.run("emails", "retry", unknown.toString()).userError())
                .isEqualTo("error: no email with id " + unknown);
        assertThat(cli.run("emails", "retry", "not-an-id").userError())
                .isEqualTo("error: 'not-an-id' is not an email id");
        assertThat(cli.state()).isEqualTo(before);
    }

    @Test
    void retryWithoutAnIdIsAUsageError() {
        assertThat(cli.run("emails", "retry").usageError()).startsWith("Missing required parameter: 'ID'");
    }

    @Test
    void retryHelpOffersNoSend() {
        assertThat(cli.run("emails", "retry", "--help").succeeded().out())
                .startsWith("Usage: memberdesk emails retry").contains("--no-send").contains("outbox run");
    }

    @Test
    void inDemoModeRetryDeliversIntoTheDemoMailbox() throws IOException {
        Path demoDir = dir.resolve("demo");
        CliRunner demo = new CliRunner(demoDir); // no SMTP in the environment, none stored: demo mode
        demo.run("demo", "seed").succeeded();
        UUID id = demo.inDatabase(s -> s.emails().list(MARCUS)).get(0).id();

        CliRunner.Result result = demo.run("emails", "retry", id.toString()).succeeded();

        assertThat(result.out()).startsWith("retried " + id + " to " + MARCUS + ": sent (250")
                .contains("demo mode: delivered to the demo mailbox " + demoDir.toAbsolutePath().resolve("demo-mailbox"));
        List<String> mailbox = mailbox(demoDir.resolve("demo-mailbox"));
        assertThat(mailbox).singleElement().satisfies(eml -> assertThat(eml).contains("To: " + MARCUS));
        assertThat(demo.inDatabase(s -> s.emails().list(MARCUS)).get(0).status().code()).isEqualTo("sent");
        assertThat(smtp.received()).isEmpty();
    }

    static List<String> mailbox(Path mailbox) throws IOException {
        try (Stream<Path> files = Files.list(mailbox)) {
            return files.filter(f -> f.toString().endsWith(".eml")).map(f -> {
                try {
                    return Files.readString(f);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }

    private List<EmailView> emails(String contact) {
        return cli.inDatabase(s -> s.emails().list(contact));
    }
}
