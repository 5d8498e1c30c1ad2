package org.memberdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberdesk.service.Actor;
import org.memberdesk.service.contacts.ContactSummary;
import org.memberdesk.service.workflow.ActionSpec;
import org.memberdesk.service.workflow.TriggerSpec;
import org.memberdesk.service.workflow.WorkflowDefinition;
import org.memberdesk.testsupport.TestSmtp;

class ContactsCommandTest extends CliCase {

    @BeforeEach
    void setUp() {
        cli.inDatabase(s -> s.contacts().add("dana@example.com", "Dana Whitfield", List.of("vip"), Actor.agent("setup")));
    }

    @Test
    void addPrintsTheNewContactOnOneLine() {
        CliRunner.Result result = cli.run("contacts", "add", "--email", " Jo.Doe@Example.COM ", "--name", "Jo Doe",
                "--tag", "New", "--tag", "vip").succeeded();

        assertThat(result.out()).isEqualTo("added Jo Doe\tjo.doe@example.com\tnew,vip\n");
        ContactSummary stored = cli.inDatabase(s -> s.contacts().byEmail("jo.doe@example.com"));
        assertThat(stored.name()).isEqualTo("Jo Doe");
        assertThat(stored.tags()).containsExactly("new", "vip");
    }

    @Test
    void addWithJsonPrintsTheContactObject() {
        JsonNode contact = cli.run("contacts", "add", "--email", "jo@example.com", "--name", "Jo Doe",
                "--tag", "vip", "--json").succeeded().json();

        assertThat(contact.isObject()).isTrue();
        assertThat(fieldNames(contact)).containsExactly("id", "email", "name", "tags");
        assertThat(UUID.fromString(contact.get("id").asText()))
                .isEqualTo(cli.inDatabase(s -> s.contacts().byEmail("jo@example.com").id()));
        assertThat(contact.get("email").asText()).isEqualTo("jo@example.com");
        assertThat(contact.get("name").asText()).isEqualTo("Jo Doe");
        assertThat(contact.get("tags").isArray()).isTrue();
        assertThat(contact.get("tags").get(0).asText()).isEqualTo("vip");
    }

    @Test
    void addRefusesADuplicateContactAndChangesNothing() {
        DatabaseState before = cli.state();

        String error = cli.run("contacts", "add", "--email", "DANA@example.com", "--name", "Other Dana").userError();

        assertThat(error).isEqualTo("error: a contact with email dana@example.com already exists");
        assertThat(cli.state()).isEqualTo(before);
    }

    @Test
    void addRefusesAMalformedEmailAndChangesNothing() {
        DatabaseState before = cli.state();

        String error = cli.run("contacts", "add", "--email", "not-an-email", "--name", "Nobody", "--json").userError();

        assertThat(error).isEqualTo("error: 'not-an-email' is not a valid email address");
        assertThat(cli.state()).isEqualTo(before);
    }

    @Test
    void addWithoutTheRequiredEmailIsAUsageError() {
        DatabaseState before = cli.state();

        String err = cli.run("contacts", "add", "--name", "Nobody").usageError();

        assertThat(err).startsWith("Missing required option: '--email=E'").contains("Usage: memberdesk contacts add");
        assertThat(cli.state()).isEqualTo(before);
    }

    @Test
    void editChangesEmailAndNameAndReplacesTheTags() {
        CliRunner.Result result = cli.run("contacts", "edit", "--contact", "Dana@Example.com",
                "--email", "dana.w@example.com", "--name", "Dana W.", "--tag", "cant-login", "--tag", "trial",
                "--verified-by", "email-reply").succeeded();

        assertThat(result.out().lines().findFirst()).hasValue("updated Dana W.\tdana.w@example.com\tcant-login,trial");
        ContactSummary stored = cli.inDatabase(s -> s.contacts().byEmail("dana.w@example.com"));
        assertThat(stored.name()).isEqualTo("Dana W.");
        assertThat(stored.tags()).containsExactly("cant-login", "trial");
    }

    @Test
    void editingTheEmailSaysWhatWasCancelledAndPrintsTheCommandToRunNext() {
        cli.inDatabase(s -> {
            Actor setup = Actor.agent("setup");
            s.offers().create("Momentum Membership", null, setup);
            return s.offers().grant("dana@example.com", "Momentum Membership", null, setup);
        });
        // the welcome and a reset link go to the old address (the commands run on the real clock)
        cli.run("credentials", "reset-link", "--contact", "dana@example.com").succeeded();

        CliRunner.Result result = cli.run("contacts", "edit", "--contact", "dana@example.com",
                "--email", "dana.w@example.com", "--verified-by", "phone").succeeded();

        assertThat(result.out().lines()).contains(
                "  membership (Client Portal): 1 link revoked, 0 sessions ended",
                "told dana@example.com that the address changed (no link; the new address is not shown in full)",
                "next: memberdesk credentials resend --contact dana.w@example.com --offer 'Momentum Membership'");
        assertThat(cli.inDatabase(s -> s.emails().list("dana.w@example.com")).get(0)).satisfies(notice -> {
            assertThat(notice.kind().code()).isEqualTo("address-changed");
            assertThat(notice.recipient()).isEqualTo("dana@example.com");
            assertThat(notice.status().code()).isEqualTo("sent");
        });

        JsonNode json = cli.run("contacts", "edit", "--json", "--no-send", "--contact", "dana.w@example.com",
                "--email", "dana.x@example.com", "--verified-by", "other", "--note", "video call").succeeded().json();

        assertThat(fieldNames(json)).startsWith("id", "email", "name", "tags").contains("emailChange", "delivery");
        assertThat(json.get("email").asText()).isEqualTo("dana.x@example.com");
        JsonNode change = json.get("emailChange");
        assertThat(change.get("oldEmail").asText()).isEqualTo("dana.w@example.com");
        assertThat(change.get("linksRevoked").asInt()).isZero();
        assertThat(change.get("notice").get("kind").asText()).isEqualTo("address-changed");
        assertThat(change.get("notice").get("recipient").asText()).isEqualTo("dana.w@example.com");
        assertThat(change.get("notice").get("status").asText()).as("--no-send").isEqualTo("queued");
        assertThat(change.get("next").get(0).get("action").asText()).isEqualTo("resend-welcome");
        assertThat(change.get("next").get(0).get("command").asText())
                .isEqualTo("memberdesk credentials resend --contact dana.x@example.com --offer 'Momentum Membership'");
        assertThat(json.get("delivery").isNull()).isTrue();
    }

    @Test
    void editWithoutTagsKeepsTheOldTagsAndPrintsJson() {
        JsonNode contact = cli.run("contacts", "edit", "--json", "--contact", "dana@example.com", "--name", "Dana")
                .succeeded().json();

        assertThat(contact.get("name").asText()).isEqualTo("Dana");
        assertThat(contact.get("email").asText()).isEqualTo("dana@example.com");
        assertThat(contact.get("tags").toString()).isEqualTo("[\"vip\"]");
    }

    @Test
    void editOfAnUnknownContactIsAUserError() {
        DatabaseState before = cli.state();

        String error = cli.run("contacts", "edit", "--contact", "ghost@example.com", "--name", "Ghost").userError();

        assertThat(error).isEqualTo("error: no contact with email ghost@example.com");
        assertThat(cli.state()).isEqualTo(before);
    }

    @Test
    void aNewEmailWithoutSayingHowTheCallerWasVerifiedIsRefusedUntilTheRuleIsRelaxed() {
        DatabaseState before = cli.state();

        String error = cli.run("contacts", "edit", "--contact", "dana@example.com", "--email", "dana.w@example.com")
                .userError();

        assertThat(error).startsWith("error: an email change sends every future link to the new address: say how you"
                + " verified that the caller is dana@example.com (email-reply, email-code, phone, other)");
        assertThat(cli.state()).isEqualTo(before);
        assertThat(cli.run("contacts", "edit", "--contact", "dana@example.com", "--email", "dana.w@example.com",
                "--verified-by", "fax").userError()).isEqualTo("error: --verified-by takes email-reply, email-code, phone,"
                + " other, not 'fax'");
        assertThat(cli.run("contacts", "edit", "--contact", "dana@example.com", "--name", "Dana", "--note", "x")
                .userError()).isEqualTo("error: --note goes with --verified-by");

        assertThat(cli.run("credentials", "identity-checks", "--email-change", "optional").succeeded().out().lines())
                .containsExactly("caller verification for an email change: optional",
                        "caller verification for a recovery link or code: required");
        cli.run("contacts", "edit", "--contact", "dana@example.com", "--email", "dana.w@example.com").succeeded();
        String renamed = cli.inDatabase(s -> s.contacts().byEmail("dana.w@example.com").email());
        assertThat(renamed).isEqualTo("dana.w@example.com");
        assertThat(cli.run("credentials", "identity-checks", "--json").succeeded().json().get("emailChange").asText())
                .isEqualTo("optional");
    }

    @Test
    void editToAnEmailInUseIsAUserError() {
        cli.inDatabase(s -> s.contacts().add("jo@example.com", "Jo", List.of(), Actor.agent("setup")));
        DatabaseState before = cli.state();

        String error = cli.run("contacts", "edit", "--contact", "jo@example.com", "--email", "dana@example.com")
                .userError();

        assertThat(error).isEqualTo("error: a contact with email dana@example.com already exists");
        assertThat(cli.state()).isEqualTo(before);
    }

    @Test
    void editWithNothingToChangeIsAUsageError() {
        String err = cli.run("contacts", "edit", "--contact", "dana@example.com").usageError();

        assertThat(err).startsWith("Nothing to change: give --email, --name or --tag")
                .contains("Usage: memberdesk contacts edit");
    }

    @Test
    void findPrintsOneContactPerLine() {
        cli.inDatabase(s -> s.contacts().add("dan@example.org", "Dan Brown", List.of(), Actor.agent("setup")));

        CliRunner.Result result = cli.run("contacts", "find", "dan").succeeded();

        assertThat(result.out().lines()).containsExactly(
                "Dan Brown\tdan@example.org",
                "Dana Whitfield\tdana@example.com\tvip");
    }

    @Test
    void findWithJsonPrintsAnArray() {
        JsonNode found = cli.run("contacts", "find", "WHITFIELD", "--json").succeeded().json();

        assertThat(found.isArray()).isTrue();
        assertThat(found).hasSize(1);
        assertThat(fieldNames(found.get(0))).containsExactly("id", "email", "name", "tags");
        assertThat(found.get(0).get("email").asText()).isEqualTo("dana@example.com");
    }

    @Test
    void findWithoutMatchSaysSoOrPrintsAnEmptyArray() {
        assertThat(cli.run("contacts", "find", "zzz").succeeded().out()).isEqualTo("no contact matches 'zzz'\n");
        assertThat(cli.run("contacts", "find", "zzz", "--json").succeeded().out()).isEqualTo("[]\n");
    }

    @Test
    void findWithoutAQueryIsAUsageError() {
        assertThat(cli.run("contacts", "find").usageError()).startsWith("Missing required parameter: 'QUERY'");
    }

    @Test
    void aTagThatStartsAWorkflowGetsItsEmailDeliveredBeforeTheCommandExits() {
        try (TestSmtp smtp = TestSmtp.start()) {
            CliRunner mailing = new CliRunner(dir).withEnv(smtp.env());
            mailing.inDatabase(s -> s.workflows().create(new WorkflowDefinition("Help them in", true,
                    TriggerSpec.tagAdded("cant-login"), List.of(), List.of(ActionSpec.sendResetLink())),
                    Actor.agent("setup")));

            CliRunner.Result added = mailing.run("contacts", "add", "--email", "ravi@example.com", "--name", "Ravi",
                    "--tag", "cant-login").succeeded();
            CliRunner.Result queued = mailing.run("contacts", "edit", "--contact", "dana@example.com",
                    "--tag", "cant-login", "--no-send").succeeded();

            assertThat(added.out().lines()).hasSize(2).first().asString().startsWith("added Ravi\travi@example.com");
            assertThat(added.out().lines().skip(1)).singleElement().asString().startsWith("delivery: 1 sent");
            assertThat(smtp.receivedFor("ravi@example.com")).hasSize(1);
            assertThat(queued.out().lines().skip(1)).singleElement().asString()
                    .startsWith("queued, not sent (--no-send): 1 email waiting");
            assertThat(smtp.receivedFor("dana@example.com")).isEmpty();
            List<String> danaEmails = mailing.inDatabase(s -> s.emails().list("dana@example.com")).stream()
                    .map(e -> e.kind().code() + " " + e.status().code()).toList();
            assertThat(danaEmails).containsExactly("reset-link queued");
            // The next command that delivers sends what waits, though it fired nothing itself.
            CliRunner.Result renamed = mailing.run("contacts", "edit", "--contact", "ravi@example.com", "--name",
                    "Ravi K").succeeded();
            assertThat(renamed.out().lines().skip(1)).singleElement().asString().startsWith("delivery: 1 sent")
                    .doesNotContain("workflow step");
            assertThat(smtp.receivedFor("dana@example.com")).hasSize(1);
            assertThat(mailing.run("contacts", "edit", "--contact", "ravi@example.com", "--name", "Ravi Kumar")
                    .succeeded().out()).as("nothing ran, nothing sent: no delivery line").isEqualTo(
                    "updated Ravi Kumar\travi@example.com\tcant-login\n");
        }
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
