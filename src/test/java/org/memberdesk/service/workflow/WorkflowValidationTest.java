package org.memberdesk.service.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.service.Actor;
import org.memberdesk.service.AuditLog;
import org.memberdesk.service.UserError;
import org.memberdesk.service.workflow.ActionKind;
import org.memberdesk.service.workflow.ActionSpec;
import org.memberdesk.service.workflow.FilterKind;
import org.memberdesk.service.workflow.FilterSpec;
import org.memberdesk.service.workflow.TriggerKind;
import org.memberdesk.service.workflow.TriggerSpec;
import org.memberdesk.service.workflow.WelcomeFor;
import org.memberdesk.service.workflow.WorkflowDefinition;
import org.memberdesk.service.workflow.WorkflowJson;
import org.memberdesk.service.workflow.WorkflowValidator;

/** Validation says exactly what is wrong, naming the part; nothing invalid is ever saved. */
class WorkflowValidationTest {

    static final Actor AGENT = WorkflowFixture.AGENT;

    @TempDir
    Path dir;

    static WorkflowDefinition form(TriggerSpec trigger, List<FilterSpec> filters, ActionSpec... actions) {
        return new WorkflowDefinition("Support", true, trigger, filters, List.of(actions));
    }

    static List<String> problems(WorkflowDefinition d) {
        return WorkflowValidator.problems(d);
    }

    @Test
    void triggersNeedTheirOptions() {
        ActionSpec ok = ActionSpec.addTag("x");
        assertThat(problems(form(TriggerSpec.tagAdded(" "), List.of(), ok)))
                .containsExactly("trigger Tag Added needs a tag");
        assertThat(problems(form(TriggerSpec.tagAdded("a;b"), List.of(), ok)))
                .containsExactly("trigger Tag Added: tag 'a;b' may not contain ';' or ','");
        assertThat(problems(form(TriggerSpec.repeatedFailedLogins(1, 0), List.of(), ok))).containsExactly(
                "trigger Repeated Failed Logins needs a number of failures between 2 and 100",
                "trigger Repeated Failed Logins needs a time window between 1 minute and 24 hours");
        assertThat(problems(form(null, List.of(), ok))).containsExactly("a trigger is required");
        assertThat(problems(form(TriggerSpec.manual(), List.of()))).containsExactly("a workflow needs at least one action");
        assertThat(problems(new WorkflowDefinition(" ", true, TriggerSpec.manual(), null, List.of(ok))))
                .containsExactly("name is required");
        assertThat(problems(new WorkflowDefinition("a\nb", true, TriggerSpec.manual(), null, List.of(ok))))
                .containsExactly("name must be one line");
    }

    @Test
    void filtersAndStepsAreNamedByTheirPosition() {
        assertThat(problems(form(TriggerSpec.manual(),
                List.of(FilterSpec.hasTag(null), FilterSpec.offerIs("Gold"), FilterSpec.noRecentWelcome(0),
                        new FilterSpec(null, null, null, null)),
                ActionSpec.addTag("ok"),
                ActionSpec.waitFor(Duration.ofSeconds(30)),
                ActionSpec.sendWelcome(WelcomeFor.TRIGGERING_OFFER),
                new ActionSpec(ActionKind.SEND_WELCOME, WelcomeFor.CHOSEN_OFFER, " ", null, null, null, null),
                ActionSpec.addNote("  "),
                ActionSpec.sendResetLink(73),
                ActionSpec.removeTag(""),
                ActionSpec.waitFor(Duration.ofDays(31)),
                ActionSpec.waitFor(Duration.ofDays(1)))))
                .containsExactly(
                        "filter 1: Has Tag needs a tag",
                        "filter 2: Offer Is needs the trigger Offer Access Granted",
                        "filter 3: No Recent Welcome needs a number of hours between 1 and 8760",
                        "filter 3: No Recent Welcome needs an offer (there is no triggering offer without the trigger "
                                + "Offer Access Granted)",
                        "filter 4: choose what the filter checks",
                        "step 2: Wait needs a duration between 1 minute and 30 days",
                        "step 3: Send Membership Welcome Email for the triggering offer needs the trigger Offer Access "
                                + "Granted; choose an offer or every active offer",
                        "step 4: Send Membership Welcome Email needs an offer",
                        "step 5: Add Note needs the note's text",
                        "step 6: Send Reset Link needs a link lifetime between 1 and 72 hours",
                        "step 7: Remove Tag needs a tag",
                        "step 8: Wait needs a duration between 1 minute and 30 days",
                        "step 9: Wait cannot be the last step: nothing would follow it");
    }

    @Test
    void theServiceChecksOffersAndNamesAndSavesNothingInvalid() {
        try (WorkflowFixture f = new WorkflowFixture(dir)) {
            f.offer("Gold");
            WorkflowService workflows = f.workflows();
            WorkflowDefinition bad = new WorkflowDefinition("welcome NEW members", true,
                    TriggerSpec.offerAccessGranted("Gold", "Platinum"), List.of(FilterSpec.offerIs("Tin")),
                    List.of(ActionSpec.sendWelcome("Copper")));

            assertThat(workflows.problems(null, bad)).containsExactly(
                    "a workflow named 'Welcome new members' already exists",
                    "trigger Offer Access Granted: no offer named 'Platinum'",
                    "filter 1: no offer named 'Tin'",
                    "step 1: no offer named 'Copper'");
            assertThatThrownBy(() -> workflows.create(bad, AGENT))
                    .isInstanceOf(WorkflowService.InvalidWorkflow.class)
                    .hasMessage("a workflow named 'Welcome new members' already exists; trigger Offer Access Granted: "
                            + "no offer named 'Platinum'; filter 1: no offer named 'Tin'; step 1: no offer named 'Copper'")
                    .satisfies(e -> assertThat(((WorkflowService.InvalidWorkflow) e).problems()).hasSize(4));
            assertThat(workflows.list()).hasSize(1);

            // the default may keep its own name when edited, in another case too
            WorkflowView renamed = workflows.update("Welcome new members",
                    workflows.get("Welcome new members").definition().withName("WELCOME new members"), AGENT);
            assertThat(renamed.name()).isEqualTo("WELCOME new members");
            assertThatThrownBy(() -> workflows.update("Nope", bad, AGENT)).isInstanceOf(UserError.class)
                    .hasMessage("no workflow named 'Nope'");
            assertThat(f.services.audit().latest(10)).extracting(AuditLog.Entry::action)
                    .containsExactly("workflow.updated", "offer.created");
        }
    }

    @Test
    void whatIsSavedIsNormalizedAndReadsBackTheSame() {
        try (WorkflowFixture f = new WorkflowFixture(dir)) {
            f.offer("Gold");
            WorkflowDefinition form = new WorkflowDefinition("  Cant login  ", false,
                    new TriggerSpec(TriggerKind.TAG_ADDED, List.of("Gold"), " Cant-Login ", 5, 10),
                    List.of(new FilterSpec(FilterKind.HAS_TAG, "Gold", "VIP", 3)),
                    List.of(new ActionSpec(ActionKind.WAIT, WelcomeFor.CHOSEN_OFFER, "Gold", "x", "n",
                            Duration.ofHours(2), 5), ActionSpec.sendResetLink()));

            WorkflowView saved = f.workflows().create(form, AGENT);

            WorkflowDefinition expected = new WorkflowDefinition("Cant login", false, TriggerSpec.tagAdded("cant-login"),
                    List.of(FilterSpec.hasTag("vip")),
                    List.of(ActionSpec.waitFor(Duration.ofHours(2)), ActionSpec.sendResetLink()));
            assertThat(saved.definition()).isEqualTo(expected);
            assertThat(f.workflows().get("cant LOGIN").definition()).isEqualTo(expected);
            assertThat(saved.summary()).isEqualTo("Tag Added: cant-login | if Has tag vip -> Wait 2 hours -> Send Reset Link");
            assertThat(saved.enabled()).isFalse();
            assertThat(WorkflowJson.definition(expected)).isEqualTo(
                    "{\"trigger\":{\"kind\":\"TAG_ADDED\",\"offers\":[],\"tag\":\"cant-login\"},"
                            + "\"filters\":[{\"kind\":\"HAS_TAG\",\"tag\":\"vip\"}],"
                            + "\"actions\":[{\"kind\":\"WAIT\",\"duration\":\"PT2H\"},{\"kind\":\"SEND_RESET_LINK\"}]}");
        }
    }
}
