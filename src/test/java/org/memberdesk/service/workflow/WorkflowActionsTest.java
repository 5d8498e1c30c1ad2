package org.memberdesk.service.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberdesk.service.Actor;
import org.memberdesk.service.AuditLog;
import org.memberdesk.service.email.EmailView;
import org.memberdesk.service.workflow.ActionSpec;
import org.memberdesk.service.workflow.FilterSpec;
import org.memberdesk.service.workflow.TriggerSpec;
import org.memberdesk.service.workflow.WelcomeFor;
import org.memberdesk.service.workflow.WorkflowDefinition;

/** Each action: welcome (triggering, chosen, every active offer), reset link, tags, note, wait; and test runs. */
class WorkflowActionsTest extends WorkflowCase {

    static final Actor AGENT = WorkflowFixture.AGENT;

    @BeforeEach
    void open() {
        f.workflows().disable(WorkflowService.DEFAULT_NAME, AGENT);
        f.offer("Gold");
        f.offer("Silver");
        f.offer("Bronze");
        f.contact("dana@example.com");
    }

    private void create(String name, TriggerSpec trigger, ActionSpec... actions) {
        f.workflows().create(new WorkflowDefinition(name, true, trigger, List.of(), List.of(actions)), AGENT);
    }

    private WorkflowRunView run(String workflow, String email) {
        ManualRunResult result = f.workflows().runManual(workflow, List.of(email), AGENT, null);
        return f.workflows().run(result.runIds().get(0));
    }

    @Test
    void sendWelcomeForAChosenOfferOrEveryActiveOffer() {
        create("Gold welcome", TriggerSpec.manual(), ActionSpec.sendWelcome("Gold"));
        create("All welcomes", TriggerSpec.manual(), ActionSpec.sendWelcome(WelcomeFor.EVERY_ACTIVE_OFFER));

        WorkflowRunView none = run("All welcomes", "dana@example.com");
        assertThat(none.status().code()).isEqualTo("done");
        assertThat(none.steps().get(0).status().code()).isEqualTo("skipped");
        assertThat(none.steps().get(0).outcome()).isEqualTo("dana@example.com has no active offer: no welcome email sent");

        WorkflowRunView notHeld = run("Gold welcome", "dana@example.com");
        assertThat(notHeld.status().code()).isEqualTo("failed");
        assertThat(notHeld.steps().get(0).outcome()).isEqualTo("dana@example.com does not have Gold: no welcome email sent");
        assertThat(f.audit("dana@example.com")).anySatisfy(a -> {
            assertThat(a.action()).isEqualTo("credentials.welcome-sent");
            assertThat(a.outcome().code()).isEqualTo("failed");
            assertThat(a.agent()).isEqualTo("Gold welcome");
        });

        f.grant("dana@example.com", "Gold");
        f.grant("dana@example.com", "Silver");
        f.grant("dana@example.com", "Bronze");
        f.services.offers().revoke("dana@example.com", "Bronze", "refund", AGENT);

        assertThat(run("Gold welcome", "dana@example.com").steps().get(0).outcome())
                .isEqualTo("queued the welcome email for Gold");
        assertThat(run("All welcomes", "dana@example.com").steps().get(0).outcome())
                .isEqualTo("queued the welcome email for Gold, Silver");
        assertThat(f.emails("dana@example.com", "welcome")).extracting(EmailView::offer, EmailView::originDetail)
                .containsExactlyInAnyOrder(tuple("Gold", "Gold welcome"), tuple("Gold", "All welcomes"),
                        tuple("Silver", "All welcomes"));
        // the second Gold welcome is a resend of the first
        List<EmailView> gold = f.emails("dana@example.com", "welcome").stream()
                .filter(e -> e.offer().equals("Gold")).toList();
        assertThat(gold).extracting(EmailView::resendOfId).containsOnlyOnce((java.util.UUID) null);
    }

    @Test
    void aContactsSecondWelcomeInTheSameBatchRepeatsTheFirst() {
        // the batch reads every contact's first welcome before any step acts: the second run of
        // the same contact and offer must see the welcome the first run queued moments before
        create("Welcome", TriggerSpec.offerAccessGranted(), ActionSpec.sendWelcome(WelcomeFor.TRIGGERING_OFFER));
        f.contact("omar@example.com");
        f.grant("dana@example.com", "Gold");
        f.services.offers().revoke("dana@example.com", "Gold", "re-import", AGENT);
        f.grant("dana@example.com", "Gold");
        f.grant("omar@example.com", "Gold");

        WorkflowPass pass = f.workflows().runDue();

        assertThat(pass.done()).isEqualTo(3);
        List<EmailView> dana = f.emails("dana@example.com", "welcome").stream()
                .sorted(java.util.Comparator.comparing(EmailView::createdAt).thenComparing(EmailView::id)).toList();
        assertThat(dana).hasSize(2);
        assertThat(dana).filteredOn(e -> e.resendOfId() == null).singleElement().satisfies(first ->
                assertThat(dana).filteredOn(e -> e.resendOfId() != null).singleElement()
                        .extracting(EmailView::resendOfId).isEqualTo(first.id()));
        assertThat(f.emails("omar@example.com", "welcome")).singleElement()
                .satisfies(e -> assertThat(e.resendOfId()).isNull());
    }

    @Test
    void theTriggeringOfferMustStillBeActiveWhenItsWelcomeIsDue() {
        f.workflows().create(new WorkflowDefinition("Late welcome", true, TriggerSpec.offerAccessGranted(), List.of(),
                List.of(ActionSpec.waitFor(Duration.ofHours(1)), ActionSpec.sendWelcome(WelcomeFor.TRIGGERING_OFFER))),
                AGENT);
        f.grant("dana@example.com", "Gold");
        f.workflows().runDue();
        f.services.offers().revoke("dana@example.com", "Gold", "chargeback", AGENT);
        f.clock.advance(Duration.ofHours(1));
        f.workflows().runDue();

        assertThat(f.runs("Late welcome")).singleElement().satisfies(run -> {
            assertThat(run.status().code()).isEqualTo("failed");
            assertThat(run.steps().get(1).outcome()).isEqualTo("Gold is revoked for dana@example.com: no welcome email sent");
        });
        assertThat(f.emails("dana@example.com")).isEmpty();
    }

    @Test
    void sendResetLinkUsesTheAgentsPathAndItsHourlyLimitAndARefusalIsInTheRunLog() {
        create("Reset", TriggerSpec.manual(), ActionSpec.sendResetLink(2), ActionSpec.addNote("reset sent"));
        for (int i = 0; i < 4; i++) {
            f.services.credentials().sendResetLink("dana@example.com", null, null, AGENT);
        }

        WorkflowRunView fifth = run("Reset", "dana@example.com");
        assertThat(fifth.status().code()).isEqualTo("done");
        assertThat(fifth.steps().get(0).outcome()).isEqualTo("queued a reset link for the Client Portal, valid 2 hours");
        assertThat(f.emails("dana@example.com", "reset-link")).hasSize(5)
                .filteredOn(e -> e.origin().code().equals("workflow")).singleElement()
                .satisfies(e -> assertThat(e.originDetail()).isEqualTo("Reset"));

        WorkflowRunView sixth = run("Reset", "dana@example.com");
        assertThat(sixth.status().code()).isEqualTo("failed");
        assertThat(sixth.steps()).extracting(s -> s.status().code()).containsExactly("failed", "skipped");
        assertThat(sixth.steps().get(0).outcome()).startsWith("refused: 5 reset emails went to dana@example.com in the "
                + "last hour; the next can be sent at ");
        assertThat(sixth.steps().get(1).outcome()).isEqualTo("not run: step 1 failed");
        assertThat(f.emails("dana@example.com", "reset-link")).hasSize(5);
        assertThat(f.audit("dana@example.com")).filteredOn(a -> a.agent().equals("Reset"))
                .extracting(AuditLog.Entry::action, e -> e.outcome().code())
                .containsExactly(tuple("credentials.reset-link-sent", "refused"),
                        tuple("contact.note-added", "ok"),
                        tuple("credentials.reset-link-sent", "ok"));
    }

    @Test
    void addAndRemoveTagsAndAddANote() {
        f.services.contacts().edit("dana@example.com", null, null, List.of("cant-login", "vip"), AGENT);
        create("Tidy", TriggerSpec.manual(), ActionSpec.removeTag("cant-login"), ActionSpec.addTag("Helped"),
                ActionSpec.addNote("Sent a reset link.\nFollow up tomorrow."), ActionSpec.removeTag("cant-login"),
                ActionSpec.addTag("helped"));

        WorkflowRunView run = run("Tidy", "dana@example.com");

        assertThat(run.steps()).extracting(WorkflowRunView.Step::outcome).containsExactly(
                "removed tag cant-login", "added tag helped", "added a note",
                "dana@example.com did not have tag cant-login", "dana@example.com already had tag helped");
        assertThat(f.tags("dana@example.com")).containsExactly("helped", "vip");
        List<org.memberdesk.domain.ContactNote> notes = f.services.transactions().read(t ->
                t.contacts().notes(f.services.contacts().byEmail("dana@example.com").id()));
        assertThat(notes).singleElement().satisfies(n -> {
            assertThat(n.getBody()).isEqualTo("Sent a reset link.\nFollow up tomorrow.");
            assertThat(n.getAuthor()).isEqualTo("workflow Tidy");
        });
        assertThat(f.audit("dana@example.com")).filteredOn(a -> a.agent().equals("Tidy"))
                .extracting(AuditLog.Entry::action)
                .containsExactlyInAnyOrder("contact.tag-removed", "contact.tag-added", "contact.note-added");
    }

    @Test
    void aWaitStepSurvivesARestartAndTheNextStepRunsWhenItIsDue() {
        f.workflows().create(new WorkflowDefinition("Follow up", true, TriggerSpec.offerAccessGranted(),
                List.of(FilterSpec.neverLoggedIn()), List.of(ActionSpec.sendWelcome(WelcomeFor.TRIGGERING_OFFER),
                ActionSpec.waitFor(Duration.ofDays(2)), ActionSpec.sendResetLink())), AGENT);
        f.grant("dana@example.com", "Gold");
        Instant granted = f.now();
        f.workflows().runDue();
        assertThat(f.runs("Follow up")).singleElement().satisfies(run -> {
            assertThat(run.status().code()).isEqualTo("waiting");
            assertThat(run.nextAt()).isEqualTo(granted.plus(Duration.ofDays(2)));
            assertThat(run.steps()).extracting(s -> s.status().code())
                    .containsExactly("done", "done", "waiting", "pending");
            assertThat(run.steps().get(2).outcome()).isEqualTo("waiting 2 days, until " + granted.plus(Duration.ofDays(2)));
        });

        f.restart();
        f.clock.advance(Duration.ofDays(1));
        assertThat(f.workflows().runDue().stepsRun()).as("not due yet").isZero();
        f.restart();
        f.clock.advance(Duration.ofDays(1));
        WorkflowPass pass = f.workflows().runDue();

        assertThat(pass.done()).isEqualTo(1);
        assertThat(f.runs("Follow up")).singleElement().satisfies(run -> {
            assertThat(run.status().code()).isEqualTo("done");
            assertThat(run.steps()).extracting(s -> s.status().code())
                    .containsExactly("done", "done", "done", "done");
            assertThat(run.steps().get(2).outcome()).isEqualTo("waited 2 days, until " + granted.plus(Duration.ofDays(2)));
        });
        assertThat(f.emails("dana@example.com")).extracting(e -> e.kind().code()).containsExactly("reset-link", "welcome");
    }

    @Test
    void testOnContactRunsEveryStepNowSkippingWaitsAndReportsEachOutcome() {
        f.grant("dana@example.com", "Gold");
        f.workflows().create(new WorkflowDefinition("Onboarding", false, TriggerSpec.offerAccessGranted("Gold"),
                List.of(FilterSpec.lacksTag("onboarded")), List.of(ActionSpec.sendWelcome(WelcomeFor.TRIGGERING_OFFER),
                ActionSpec.waitFor(Duration.ofDays(3)), ActionSpec.addTag("onboarded"))), AGENT);

        WorkflowRunView test = f.workflows().testOnContact("onboarding", "Dana@Example.com", AGENT);

        assertThat(test.mode().code()).isEqualTo("test");
        assertThat(test.status().code()).isEqualTo("done");
        assertThat(test.offer()).isEqualTo("Gold");
        assertThat(test.steps()).extracting(WorkflowRunView.Step::number, s -> s.phase().code(),
                        s -> s.status().code(), WorkflowRunView.Step::outcome)
                .containsExactly(
                        tuple(1, "filter", "done", "dana@example.com does not have tag onboarded"),
                        tuple(2, "action", "done", "queued the welcome email for Gold"),
                        tuple(3, "action", "skipped", "skipped in a test run (would wait 3 days)"),
                        tuple(4, "action", "done", "added tag onboarded"));
        assertThat(f.emails("dana@example.com", "welcome")).singleElement()
                .satisfies(e -> assertThat(e.originDetail()).isEqualTo("Onboarding"));
        assertThat(f.runsOf("dana@example.com")).extracting(WorkflowRunView::workflow, r -> r.mode().code())
                .containsExactly(tuple("Onboarding", "test"));
        assertThat(f.services.audit().latest(20)).extracting(AuditLog.Entry::action).contains("workflow.test-run");
    }
}
