package org.memberdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberdesk.service.Actor;
import org.memberdesk.service.email.EmailView;
import org.memberdesk.service.workflow.ActionSpec;
import org.memberdesk.service.workflow.FilterSpec;
import org.memberdesk.service.workflow.TriggerSpec;
import org.memberdesk.service.workflow.WorkflowDefinition;
import org.memberdesk.service.workflow.WorkflowService;
import org.memberdesk.service.workflow.WorkflowView;

/** {@code memberdesk workflows list | enable | disable | run}: output, JSON, exit codes. */
class WorkflowsCommandTest extends CliCase {

    static final Actor SETUP = Actor.agent("setup");
    static final String DEFAULT = WorkflowService.DEFAULT_NAME;

    @BeforeEach
    void setUp() {
        cli.inDatabase(s -> {
            s.contacts().add("dana@example.com", "Dana Whitfield", List.of(), SETUP);
            return s.offers().create("Gold", null, SETUP);
        });
    }

    @Test
    void listShowsEachWorkflowOnOneLine() {
        CliRunner.Result result = cli.run("workflows", "list").succeeded();

        assertThat(result.out()).isEqualTo("Welcome new members\tenabled\t"
                + "Offer Access Granted -> Send Membership Welcome Email for the triggering offer\tno runs yet\n");
    }

    @Test
    void listWithJsonPrintsAnArrayOfWorkflows() {
        cli.inDatabase(s -> s.workflows().create(new WorkflowDefinition("Cant login", false,
                TriggerSpec.tagAdded("cant-login"), List.of(FilterSpec.neverLoggedIn()),
                List.of(ActionSpec.sendResetLink())), SETUP));

        JsonNode list = cli.run("--json", "workflows", "list").succeeded().json();

        assertThat(list.isArray()).isTrue();
        assertThat(list).hasSize(2);
        JsonNode cant = list.get(0);
        assertThat(ContactsCommandTest.fieldNames(cant)).containsExactly("id", "name", "enabled", "trigger", "summary",
                "filters", "actions", "runs", "failedRuns", "lastRunAt");
        assertThat(cant.get("name").asText()).isEqualTo("Cant login");
        assertThat(cant.get("enabled").asBoolean()).isFalse();
        assertThat(cant.get("trigger").asText()).isEqualTo("tag-added");
        assertThat(cant.get("filters").get(0).asText()).isEqualTo("Never logged in to the Client Portal");
        assertThat(cant.get("actions").get(0).asText()).isEqualTo("Send Reset Link");
        assertThat(cant.get("runs").asLong()).isZero();
        assertThat(cant.get("lastRunAt").isNull()).isTrue();
        assertThat(list.get(1).get("name").asText()).isEqualTo(DEFAULT);
    }

    @Test
    void disableAndEnableSayWhatChangedAndANoOpSaysSo() {
        assertThat(cli.run("workflows", "disable", "welcome NEW members").succeeded().out())
                .isEqualTo("disabled workflow Welcome new members\n");
        assertThat(cli.run("workflows", "disable", DEFAULT).succeeded().out())
                .isEqualTo("workflow Welcome new members is already disabled\n");
        assertThat(workflow(DEFAULT).enabled()).isFalse();

        JsonNode enabled = cli.run("--json", "workflows", "enable", DEFAULT).succeeded().json();
        assertThat(ContactsCommandTest.fieldNames(enabled)).containsExactly("name", "enabled", "changed", "message");
        assertThat(enabled.get("enabled").asBoolean()).isTrue();
        assertThat(enabled.get("changed").asBoolean()).isTrue();
        assertThat(workflow(DEFAULT).enabled()).isTrue();
    }

    @Test
    void unknownNamesAreUserErrorsAndMissingArgumentsAreUsageErrors() {
        DatabaseState before = cli.state();

        assertThat(cli.run("workflows", "enable", "Nope").userError()).isEqualTo("error: no workflow named 'Nope'");
        assertThat(cli.run("workflows", "run", "Nope", "--contact", "dana@example.com").userError())
                .isEqualTo("error: no workflow named 'Nope'");
        assertThat(cli.run("workflows", "run", DEFAULT, "--contact", "ghost@example.com").userError())
                .isEqualTo("error: no contact with email ghost@example.com");
        assertThat(cli.run("workflows", "run", DEFAULT).usageError()).contains("--contact");
        assertThat(cli.run("workflows", "enable").usageError()).contains("NAME");
        assertThat(cli.run("workflows").usageError()).contains("Missing required subcommand");
        assertThat(cli.state()).isEqualTo(before);
    }

    @Test
    void runRunsTheWorkflowForTheContactAndDeliversItsMailBeforeExiting() {
        cli.inDatabase(s -> s.offers().grant("dana@example.com", "Gold", null, SETUP));
        cli.inDatabase(s -> s.workflows().runDue()); // the grant's own welcome, queued (not sent)

        CliRunner.Result result = cli.run("workflows", "run", "Welcome new members", "--contact", "DANA@example.com")
                .succeeded();

        assertThat(result.out()).isEqualTo("""
                ran workflow Welcome new members on dana@example.com: done
                  1. Send Membership Welcome Email for the triggering offer: done (queued the welcome email for Gold)
                delivered: 2 sent
                """);
        List<EmailView> emails = cli.inDatabase(s -> s.emails().list("dana@example.com"));
        assertThat(emails).hasSize(2).allSatisfy(e -> {
            assertThat(e.status().code()).isEqualTo("sent");
            assertThat(e.originDetail()).isEqualTo(DEFAULT);
        });
        assertThat(workflow(DEFAULT).runs()).isEqualTo(2);
    }

    @Test
    void runWithNoSendQueuesTheMailAndRunsDueStepsButDeliversNothing() {
        cli.inDatabase(s -> s.workflows().create(new WorkflowDefinition("Nudge", true, TriggerSpec.manual(), List.of(),
                List.of(ActionSpec.addTag("nudged"), ActionSpec.sendWelcome("Gold"))), SETUP));
        cli.inDatabase(s -> s.offers().grant("dana@example.com", "Gold", null, SETUP));

        JsonNode run = cli.run("--json", "workflows", "run", "nudge", "--contact", "dana@example.com", "--no-send")
                .succeeded().json();

        assertThat(ContactsCommandTest.fieldNames(run)).containsExactly("id", "workflow", "contact", "mode", "status",
                "offer", "startedAt", "finishedAt", "nextAt", "steps", "delivery");
        assertThat(run.get("workflow").asText()).isEqualTo("Nudge");
        assertThat(run.get("mode").asText()).isEqualTo("manual");
        assertThat(run.get("status").asText()).isEqualTo("done");
        assertThat(run.get("delivery").isNull()).isTrue();
        assertThat(run.get("steps")).hasSize(2);
        assertThat(ContactsCommandTest.fieldNames(run.get("steps").get(0)))
                .containsExactly("number", "kind", "label", "status", "outcome");
        assertThat(run.get("steps").get(1).get("kind").asText()).isEqualTo("send-welcome");
        assertThat(run.get("steps").get(1).get("outcome").asText()).isEqualTo("queued the welcome email for Gold");
        // the grant's welcome (default workflow, due) and the run's: both queued, none sent
        List<EmailView> emails = cli.inDatabase(s -> s.emails().list("dana@example.com"));
        assertThat(emails).extracting(e -> e.status().code()).containsExactly("queued", "queued");
        assertThat(emails).extracting(EmailView::originDetail).containsExactlyInAnyOrder("Nudge", DEFAULT);
        List<String> tags = cli.inDatabase(s -> s.contacts().byEmail("dana@example.com").tags());
        assertThat(tags).containsExactly("nudged");
    }

    private WorkflowView workflow(String name) {
        return cli.inDatabase(s -> s.workflows().get(name));
    }
}
