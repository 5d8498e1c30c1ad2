package org.memberdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code memberdesk diagnose} on the demo data: exit codes, human lines and the JSON shape. */
class DiagnoseCommandTest extends CliCase {

    static final String DANA = "dana.whitfield@example.com";

    @BeforeEach
    void seed() {
        cli.run("demo", "seed").succeeded();
    }

    @Test
    void findingsPrintWorstFirstWithEvidenceAndFixAndExitZero() {
        CliRunner.Result result = cli.run("diagnose", "--contact", DANA, "--about", "offer:Momentum Membership")
                .succeeded();

        List<String> lines = result.out().lines().toList();
        assertThat(lines.get(0)).startsWith("problem\tlink-expired\tThe latest reset link, sent on ");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("problem\tpassword-never-set\t"));
        assertThat(lines).anySatisfy(l -> assertThat(l).isEqualTo("\tfix: Send a new reset link (membership)"
                + " [send-reset-link]"));
        assertThat(lines).anySatisfy(l -> assertThat(l).isEqualTo("\tfix: Resend the welcome email for"
                + " Momentum Membership [resend-welcome offer=Momentum Membership]"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("\tevidence: access=the membership"));
    }

    @Test
    void jsonIsAnArrayOfFindingsWithExactlyTheDesignedFields() {
        JsonNode findings = cli.run("--json", "diagnose", "--contact", "raj.patel@example.com", "--about",
                "offer:Coaching Circle").succeeded().json();
        JsonNode typo = cli.run("diagnose", "--json", "--contact", "OLU.ADEYEMI@exmaple.com").succeeded().json();

        assertThat(findings.isArray()).isTrue();
        List<JsonNode> all = new ArrayList<>();
        findings.forEach(all::add);
        typo.forEach(all::add);
        assertThat(all).isNotEmpty().allSatisfy(f -> {
            assertThat(ContactsCommandTest.fieldNames(f)).containsExactly("severity", "code", "message", "evidence",
                    "fix");
            assertThat(f.get("severity").asText()).isIn("problem", "warning", "info");
            assertThat(f.get("code").asText()).matches("[a-z]+(-[a-z]+)*");
            assertThat(f.get("evidence").isObject()).isTrue();
            if (!f.get("fix").isNull()) {
                assertThat(ContactsCommandTest.fieldNames(f.get("fix"))).containsExactly("action", "label", "params");
            }
        });
        JsonNode scanner = findings.get(0);
        assertThat(scanner.get("code").asText()).isEqualTo("link-opened-by-scanner");
        assertThat(scanner.get("fix").isNull()).isTrue();
        assertThat(scanner.get("evidence").get("secondsAfterDelivery").asText()).isEqualTo("2");
        JsonNode first = typo.get(0);
        assertThat(first.get("code").asText()).isEqualTo("email-domain-typo");
        assertThat(first.get("fix").get("action").asText()).isEqualTo("edit-email");
        assertThat(first.get("fix").get("params").get("suggested").asText()).isEqualTo("olu.adeyemi@example.com");
        assertThat(typo.get(1).get("evidence").get("smtpReply").asText()).startsWith("550 5.1.2");
    }

    @Test
    void notReceivedPointsToSpamWithTheSendTimeAndMessageId() {
        JsonNode findings = cli.run("diagnose", "--contact", "zoe.laurent@example.net", "--not-received", "--json")
                .succeeded().json();

        List<JsonNode> spam = new ArrayList<>();
        findings.forEach(f -> {
            if (f.get("code").asText().equals("email-sent-check-spam")) {
                spam.add(f);
            }
        });
        assertThat(spam).singleElement().satisfies(f -> {
            assertThat(f.get("severity").asText()).isEqualTo("warning");
            assertThat(f.get("evidence").get("messageId").asText()).endsWith(".demo@mail.example.com>");
            assertThat(f.get("evidence").has("sentAt")).isTrue();
            assertThat(f.get("message").asText()).contains("spam or junk");
        });
    }

    @Test
    void nothingFoundStillExitsZero() {
        assertThat(cli.run("diagnose", "--contact", "amelia.clarke@example.com").succeeded().out())
                .isEqualTo("no problem found for amelia.clarke@example.com (asked about: nothing said)\n");
        assertThat(cli.run("diagnose", "--contact", "amelia.clarke@example.com", "--json").succeeded().out())
                .isEqualTo("[]\n");
    }

    @Test
    void diagnosingChangesNothing() {
        DatabaseState before = cli.state();

        cli.run("diagnose", "--contact", DANA, "--about", "membership", "--not-received").succeeded();

        assertThat(cli.state()).isEqualTo(before);
    }

    @Test
    void unknownContactsAndOffersAreUserErrorsAndABadAboutIsAUsageError() {
        assertThat(cli.run("diagnose", "--contact", "nobody@example.com").userError())
                .isEqualTo("error: no contact with email nobody@example.com");
        assertThat(cli.run("diagnose", "--contact", DANA, "--about", "offer:Platinum").userError())
                .isEqualTo("error: no offer named 'Platinum'");
        assertThat(cli.run("diagnose", "--contact", DANA, "--about", "group:Founders").usageError())
                .contains("offer:NAME, community:NAME or membership");
        assertThat(cli.run("diagnose").usageError()).contains("--contact");
    }
}
