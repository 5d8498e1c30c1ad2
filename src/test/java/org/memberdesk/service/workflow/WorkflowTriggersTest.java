package org.memberdesk.service.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberdesk.service.Actor;
import org.memberdesk.service.AuditLog;
import org.memberdesk.service.UserError;
import org.memberdesk.service.email.EmailView;
import org.memberdesk.service.workflow.ActionSpec;
import org.memberdesk.service.workflow.TriggerSpec;
import org.memberdesk.service.workflow.WelcomeFor;
import org.memberdesk.service.workflow.WorkflowDefinition;

/** Each trigger: Offer Access Granted (some offers), Tag Added, Repeated Failed Logins, Manual. */
class WorkflowTriggersTest extends WorkflowCase {

    static final Actor AGENT = WorkflowFixture.AGENT;

    WorkflowService workflows;

    @BeforeEach
    void open() {
        workflows = f.workflows();
        workflows.disable(WorkflowService.DEFAULT_NAME, AGENT);
        f.offer("Gold");
        f.offer("Silver");
        f.contact("dana@example.com");
    }

    static WorkflowDefinition workflow(String name, TriggerSpec trigger, ActionSpec... actions) {
        return new WorkflowDefinition(name, true, trigger, List.of(), List.of(actions));
    }

    @Test
    void offerAccessGrantedCanBeLimitedToSomeOffers() {
        workflows.create(workflow("Gold welcome", TriggerSpec.offerAccessGranted("gold"),
                ActionSpec.sendWelcome(WelcomeFor.TRIGGERING_OFFER)), AGENT);

        f.grant("dana@example.com", "Silver");
        f.grant("dana@example.com", "Gold");
        f.workflows().runDue();

        assertThat(f.emails("dana@example.com")).extracting(EmailView::offer).containsExactly("Gold");
        assertThat(f.runs("Gold welcome")).singleElement().extracting(WorkflowRunView::offer).isEqualTo("Gold");
    }

    @Test
    void tagAddedFiresWhenAContactIsAddedOrEditedWithTheTagAndOnlyForANewTag() {
        workflows.create(workflow("Cant login help", TriggerSpec.tagAdded("Cant-Login"), ActionSpec.sendResetLink()),
                AGENT);

        f.contact("omar@example.com", "vip", "cant-login");
        f.services.contacts().edit("dana@example.com", null, null, List.of("vip"), AGENT);
        workflows.runDue();
        assertThat(f.runsOf("omar@example.com")).hasSize(1);
        assertThat(f.runsOf("dana@example.com")).isEmpty();

        f.services.contacts().edit("dana@example.com", null, null, List.of("vip", "CANT-LOGIN"), AGENT);
        // an edit that keeps the tag adds nothing
        f.services.contacts().edit("dana@example.com", null, "Dana W", List.of("cant-login", "vip", "new"), AGENT);
        workflows.runDue();

        assertThat(f.runsOf("dana@example.com")).singleElement().satisfies(run -> {
            assertThat(run.trigger().code()).isEqualTo("tag-added");
            assertThat(run.status().code()).isEqualTo("done");
        });
        assertThat(f.emails("dana@example.com", "reset-link")).hasSize(1);
        assertThat(f.emails("omar@example.com", "reset-link")).hasSize(1);
    }

    @Test
    void aTagAddedByAWorkflowStartsOtherWorkflowsButWorkflowsNeverLoop() {
        // A adds "b" -> B adds "a" -> would start A again: it does not.
        workflows.create(workflow("A", TriggerSpec.tagAdded("a"), ActionSpec.addTag("b")), AGENT);
        workflows.create(workflow("B", TriggerSpec.tagAdded("b"), ActionSpec.removeTag("a"), ActionSpec.addTag("a")),
                AGENT);

        f.services.contacts().edit("dana@example.com", null, null, List.of("a"), AGENT);
        workflows.runDue();

        assertThat(f.runs("A")).hasSize(1);
        assertThat(f.runs("B")).hasSize(1);
        assertThat(f.tags("dana@example.com")).containsExactly("a", "b");
        assertThat(f.audit("dana@example.com")).filteredOn(e -> e.origin().code().equals("workflow"))
                .extracting(AuditLog.Entry::agent, AuditLog.Entry::action)
                .contains(org.assertj.core.groups.Tuple.tuple("A", "contact.tag-added"),
                        org.assertj.core.groups.Tuple.tuple("B", "contact.tag-removed"),
                        org.assertj.core.groups.Tuple.tuple("B", "contact.tag-added"));
    }

    @Test
    void repeatedFailedLoginsFiresWhenNFailuresFallWithinMMinutesAndOncePerWindow() {
        workflows.create(workflow("Locked out", TriggerSpec.repeatedFailedLogins(3, 10),
                ActionSpec.addTag("locked-out"), ActionSpec.sendResetLink()), AGENT);

        // 3 failures, but 12 minutes apart in all: never 3 within 10 minutes
        f.failedLogin("dana@example.com");
        f.clock.advance(Duration.ofMinutes(6));
        f.failedLogin("dana@example.com");
        f.clock.advance(Duration.ofMinutes(6));
        f.failedLogin("dana@example.com");
        workflows.runDue();
        assertThat(f.runs("Locked out")).isEmpty();

        // the third within 10 minutes
        f.clock.advance(Duration.ofMinutes(1));
        f.failedLogin("dana@example.com");
        // more failures in the same window start nothing more
        f.failedLogin("dana@example.com");
        f.failedLogin("dana@example.com");
        workflows.runDue();
        assertThat(f.runs("Locked out")).singleElement().satisfies(run -> {
            assertThat(run.trigger().code()).isEqualTo("repeated-failed-logins");
            assertThat(run.status().code()).isEqualTo("done");
        });
        assertThat(f.tags("dana@example.com")).containsExactly("locked-out");
        assertThat(f.emails("dana@example.com", "reset-link")).hasSize(1);

        // a new burst after the window has passed fires again
        f.clock.advance(Duration.ofMinutes(30));
        for (int i = 0; i < 3; i++) {
            f.failedLogin("dana@example.com");
        }
        workflows.runDue();
        assertThat(f.runs("Locked out")).hasSize(2);
    }

    @Test
    void manualRunsOnChosenContactsAndOnASavedSearchWithoutTheFiftyLimit() {
        workflows.create(workflow("Tag them", TriggerSpec.manual(), ActionSpec.addTag("campaign")), AGENT);
        for (int i = 0; i < 60; i++) {
            f.contact(String.format("member%02d@example.net", i));
        }
        f.contact("other@example.org");

        ManualRunResult chosen = workflows.runManual("tag them", List.of("DANA@example.com", "other@example.org",
                "dana@example.com"), AGENT, null);
        assertThat(chosen.contacts()).isEqualTo(2);
        assertThat(chosen.runIds()).hasSize(2);
        assertThat(f.tags("dana@example.com")).containsExactly("campaign");

        List<WorkflowProgress> progress = new ArrayList<>();
        ManualRunResult search = workflows.runManualOnSearch("Tag them", "example.net", AGENT, progress::add);

        assertThat(search.contacts()).isEqualTo(60);
        assertThat(search.pass().done()).isEqualTo(60);
        assertThat(f.services.contacts().find("campaign", 1000)).hasSize(62);
        assertThat(progress).extracting(WorkflowProgress::stage).containsSubsequence("recording", "starting", "running");
        assertThat(progress).contains(new WorkflowProgress("recording", 60, 60), new WorkflowProgress("starting", 60, 60),
                new WorkflowProgress("running", 60, 60));
        assertThat(workflows.runs("Tag them", 1000)).hasSize(62).allSatisfy(run -> {
            assertThat(run.mode().code()).isEqualTo("manual");
            assertThat(run.trigger().code()).isEqualTo("manual");
        });
        assertThat(f.services.audit().latest(200)).filteredOn(e -> e.action().equals("workflow.manual-run"))
                .extracting(AuditLog.Entry::detail)
                .containsExactlyInAnyOrder("Tag them on 2 chosen contacts (2 contacts)",
                        "Tag them on the search 'example.net' (60 contacts)");
    }

    @Test
    void aManualRunRefusesUnknownNamesAndContactsAndWritesNothing() {
        workflows.create(workflow("Tag them", TriggerSpec.manual(), ActionSpec.addTag("campaign")), AGENT);

        assertThatThrownBy(() -> workflows.runManual("Nope", List.of("dana@example.com"), AGENT, null))
                .isInstanceOf(UserError.class).hasMessage("no workflow named 'Nope'");
        assertThatThrownBy(() -> workflows.runManual("Tag them", List.of("dana@example.com", "ghost@example.com"),
                AGENT, null))
                .isInstanceOf(UserError.class).hasMessage("no contact with email ghost@example.com");
        assertThatThrownBy(() -> workflows.runManualOnSearch("Tag them", "zzz-nobody", AGENT, null))
                .isInstanceOf(UserError.class).hasMessage("the search 'zzz-nobody' finds no contact");
        assertThat(f.runsOf("dana@example.com")).isEmpty();
        assertThat(f.tags("dana@example.com")).isEmpty();
    }

    @Test
    void aDisabledWorkflowIsNotTriggeredButCanStillBeRunByHand() {
        workflows.create(workflow("Gold welcome", TriggerSpec.offerAccessGranted("Gold"),
                ActionSpec.sendWelcome(WelcomeFor.TRIGGERING_OFFER)).withEnabled(false), AGENT);
        f.grant("dana@example.com", "Gold");
        workflows.runDue();
        assertThat(f.emails("dana@example.com")).isEmpty();

        ManualRunResult result = workflows.runManual("Gold welcome", List.of("dana@example.com"), AGENT, null);

        // by hand, the "triggering offer" is the contact's latest active offer the trigger covers
        assertThat(workflows.run(result.runIds().get(0)).offer()).isEqualTo("Gold");
        assertThat(f.emails("dana@example.com")).singleElement().satisfies(e -> {
            assertThat(e.kind().code()).isEqualTo("welcome");
            assertThat(e.originDetail()).isEqualTo("Gold welcome");
        });
    }
}
