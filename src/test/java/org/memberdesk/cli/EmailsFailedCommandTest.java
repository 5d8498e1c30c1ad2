package org.memberdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.memberdesk.service.AuditLog;
import org.memberdesk.service.email.EmailView;

/**
 * {@code emails failed} and {@code emails retry --failed} on the demo data (Hana's welcome is
 * retrying; Marcus's failed after a timeout; Olu's, Priya's and Mei's were refused with 55x),
 * delivering to a real GreenMail server.
 */
class EmailsFailedCommandTest extends SeededDemoCase {

    static final String HANA = "hana.kobayashi@example.com";
    static final String MARCUS = EmailsCommandTest.MARCUS;
    static final String PRIYA = "priya.natarajan@example.net";
    static final String OLU = "olu.adeyemi@exmaple.com";
    static final String MEI = "\"mei lin\"@example.com";

    final String since = LocalDate.now().minusDays(30).toString();
    final String until = LocalDate.now().plusDays(1).toString();

    @Test
    void failedListsFailedAndRetryingEmailsAcrossContactsWithTheReplyThenASummary() {
        List<String> lines = cli.run("emails", "failed").succeeded().out().lines().toList();

        assertThat(lines).hasSize(6);
        assertThat(lines.subList(0, 5)).extracting(l -> l.split("\t")[4]).containsExactly(HANA, OLU, MARCUS, PRIYA, MEI);
        EmailView marcus = welcome(MARCUS);
        assertThat(lines.get(2)).isEqualTo(marcus.id() + "\t" + marcus.createdAt() + "\tfailed\twelcome\t" + MARCUS
                + "\t5 attempts: 421 4.4.2 mail.example.org: connection timed out, giving up after 5 attempts");
        assertThat(lines.get(3)).contains(": 550 5.1.1").endsWith("\thard bounce");
        assertThat(lines.get(0)).contains("\tretrying\twelcome\t" + HANA + "\t1 attempt: 451 4.7.1");
        assertThat(lines.get(5)).isEqualTo("5 emails: 4 failed (3 hard bounces), 1 retrying");

        assertThat(cli.run("emails", "failed", "--kind", "reset-link").succeeded().out())
                .isEqualTo("no failed or retrying emails in that window\n");
        assertThat(cli.run("emails", "failed", "--since", Instant.now().minus(Duration.ofHours(2)).toString())
                .succeeded().out().lines())
                .hasSize(2).first().asString().contains(HANA);
    }

    @Test
    void failedWithJsonPrintsAnArrayOfEmailsWithTheirContact() {
        JsonNode list = cli.run("emails", "failed", "--json", "--kind", "welcome").succeeded().json();

        assertThat(list).hasSize(5);
        JsonNode priya = list.get(3);
        assertThat(ContactsCommandTest.fieldNames(priya)).startsWith("id", "kind", "status", "subject", "attempts",
                "lastReply", "origin", "createdAt", "sentAt").contains("contact", "contactName", "hardBounce");
        assertThat(priya.get("contact").asText()).isEqualTo(PRIYA);
        assertThat(priya.get("contactName").asText()).isEqualTo("Priya Natarajan");
        assertThat(priya.get("status").asText()).isEqualTo("failed");
        assertThat(priya.get("lastReply").asText()).startsWith("550 5.1.1");
        assertThat(priya.get("hardBounce").asBoolean()).isTrue();
        assertThat(list.get(2).get("hardBounce").asBoolean()).isFalse();
        assertThat(list.get(0).get("status").asText()).isEqualTo("retrying");
    }

    @Test
    void aDryRunSaysWhatItWouldRetryAndSkipAndWhyAndChangesNothing() {
        DatabaseState before = cli.state();

        List<String> lines = cli.run("emails", "retry", "--failed", "--since", since, "--until", until, "--dry-run")
                .succeeded().out().lines().toList();

        assertThat(lines).hasSize(6);
        assertThat(lines.get(0)).startsWith("would retry " + welcome(MARCUS).id() + " welcome to " + MARCUS + ": failed");
        assertThat(lines.get(1)).startsWith("skipped " + welcome(HANA).id() + " welcome to " + HANA
                + ": still retrying by itself");
        assertThat(lines.subList(2, 5)).allSatisfy(l -> assertThat(l).contains(": hard bounce, check the address first: 55"));
        assertThat(lines.get(5)).isEqualTo("dry run: would retry 1, skip 4 (3 hard-bounce, 1 still-retrying); "
                + "nothing changed");
        assertThat(cli.state()).isEqualTo(before);
        assertThat(smtp.received()).isEmpty();
    }

    @Test
    void retryFailedRetriesTheWindowAndDeliversBeforeExiting() {
        UUID marcus = welcome(MARCUS).id();

        List<String> lines = cli.run("emails", "retry", "--failed", "--since", since, "--until", until,
                "--rate", "600/min").succeeded().out().lines().toList();

        assertThat(lines.get(0)).startsWith("retried " + marcus + " to " + MARCUS + ": sent (250");
        assertThat(lines).filteredOn(l -> l.startsWith("skipped ")).hasSize(4);
        assertThat(lines.get(5)).isEqualTo("retried 1, skipped 4 (3 hard-bounce, 1 still-retrying)");
        assertThat(lines.get(6)).startsWith("delivery: 1 sent, 0 retrying, 0 failed;");
        assertThat(smtp.receivedFor(MARCUS)).hasSize(1);
        assertThat(welcome(MARCUS).status()).isEqualTo(EmailView.Status.SENT);
        assertThat(welcome(PRIYA).status()).isEqualTo(EmailView.Status.FAILED);
        List<AuditLog.Entry> audit = cli.inDatabase(s -> s.audit().latest(20));
        assertThat(audit).filteredOn(e -> e.action().equals("email.retried"))
                .singleElement().satisfies(e -> assertThat(e.agent()).isEqualTo("cli-test"));
    }

    @Test
    void retryFailedSkipsAContactWhoHasHadANewerEmailOfTheKindAndCanIncludeHardBounces() {
        cli.run("credentials", "resend", "--contact", MARCUS, "--offer", "Momentum Membership", "--no-send").succeeded();

        JsonNode result = cli.run("--json", "emails", "retry", "--failed", "--since", since, "--until", until,
                "--include-hard-bounces", "--no-send").succeeded().json();

        assertThat(ContactsCommandTest.fieldNames(result)).containsExactly("dryRun", "retried", "skipped", "delivery");
        assertThat(result.get("dryRun").asBoolean()).isFalse();
        assertThat(result.get("delivery").isNull()).isTrue();
        assertThat(result.get("retried")).extracting(n -> n.get("contact").asText()).containsExactly(OLU, PRIYA, MEI);
        assertThat(result.get("retried")).allSatisfy(n -> assertThat(n.get("status").asText()).isEqualTo("queued"));
        JsonNode skipped = result.get("skipped");
        assertThat(skipped).extracting(n -> n.get("contact").asText(), n -> n.get("reason").asText())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(HANA, "still-retrying"),
                        org.assertj.core.groups.Tuple.tuple(MARCUS, "newer-email"));
        assertThat(skipped.get(1).get("why").asText()).contains("newer welcome email");
        assertThat(welcome(PRIYA).status()).isEqualTo(EmailView.Status.QUEUED);
        assertThat(smtp.received()).isEmpty();
    }

    @Test
    void badInputIsAUsageErrorAndChangesNothing() {
        DatabaseState before = cli.state();
        String id = welcome(MARCUS).id().toString();

        assertThat(cli.run("emails", "retry", id, "--failed").usageError())
                .startsWith("give either an email ID or --failed, not both");
        assertThat(cli.run("emails", "retry", "--failed", "--since", since).usageError())
                .startsWith("Missing required options: --failed needs both '--since=T' and '--until=T'");
        assertThat(cli.run("emails", "retry", id, "--dry-run").usageError()).contains("go with --failed");
        assertThat(cli.run("emails", "retry", "--failed", "--since", since, "--until", until, "--rate", "0/min")
                .usageError()).contains("'0/min' is not a rate of the form N/min");
        assertThat(cli.run("emails", "retry", "--failed", "--since", "yesterday", "--until", until).usageError())
                .contains("'yesterday' is not a time of the form");
        assertThat(cli.run("emails", "retry", "--failed", "--since", until, "--until", since).usageError())
                .startsWith("the time window is empty");
        assertThat(cli.run("emails", "failed", "--kind", "postcard").usageError())
                .startsWith("unknown email kind 'postcard'; one of welcome, reset-link");
        assertThat(cli.state()).isEqualTo(before);
        assertThat(smtp.received()).isEmpty();
    }

    private EmailView welcome(String contact) {
        return cli.inDatabase(s -> s.emails().list(contact)).stream()
                .filter(e -> e.kind() == EmailView.Kind.WELCOME).findFirst().orElseThrow();
    }
}
