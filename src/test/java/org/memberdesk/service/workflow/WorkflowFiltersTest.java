package org.memberdesk.service.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberdesk.service.Actor;
import org.memberdesk.service.email.EmailView;
import org.memberdesk.service.workflow.ActionSpec;
import org.memberdesk.service.workflow.FilterSpec;
import org.memberdesk.service.workflow.TriggerSpec;
import org.memberdesk.service.workflow.WelcomeFor;
import org.memberdesk.service.workflow.WorkflowDefinition;

/** Each filter: offer is, has tag, lacks tag, never logged in, no welcome for this offer in the last N hours. */
class WorkflowFiltersTest extends WorkflowCase {

    static final Actor AGENT = WorkflowFixture.AGENT;

    WorkflowService workflows;

    @BeforeEach
    void open() {
        workflows = f.workflows();
        workflows.disable(WorkflowService.DEFAULT_NAME, AGENT);
        f.offer("Gold");
        f.offer("Silver");
        f.contact("dana@example.com");
        f.contact("omar@example.com", "vip");
    }

    private void welcomeIf(FilterSpec... filters) {
        workflows.create(new WorkflowDefinition("Welcome if", true, TriggerSpec.offerAccessGranted(), List.of(filters),
                List.of(ActionSpec.sendWelcome(WelcomeFor.TRIGGERING_OFFER))), AGENT);
    }

    @Test
    void offerIsLetsOnlyThatOfferThrough() {
        welcomeIf(FilterSpec.offerIs("gold"));
        f.grant("dana@example.com", "Silver");
        f.grant("dana@example.com", "Gold");
        workflows.runDue();

        assertThat(f.emails("dana@example.com")).extracting(EmailView::offer).containsExactly("Gold");
        List<WorkflowRunView> runs = f.runs("Welcome if");
        assertThat(runs).extracting(WorkflowRunView::offer, r -> r.status().code())
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("Gold", "done"),
                        org.assertj.core.groups.Tuple.tuple("Silver", "stopped"));
        WorkflowRunView stopped = runs.stream().filter(r -> r.status().code().equals("stopped")).findFirst().orElseThrow();
        assertThat(stopped.steps()).extracting(s -> s.status().code(), WorkflowRunView.Step::outcome)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("done", "the triggering offer is Silver, not gold"),
                        org.assertj.core.groups.Tuple.tuple("skipped", "not run: 'Offer is gold' did not match"));
    }

    @Test
    void hasTagAndLacksTag() {
        welcomeIf(FilterSpec.hasTag("VIP"), FilterSpec.lacksTag("do-not-email"));
        f.contact("lena@example.com", "vip", "do-not-email");
        f.grant("dana@example.com", "Gold");
        f.grant("omar@example.com", "Gold");
        f.grant("lena@example.com", "Gold");
        workflows.runDue();

        assertThat(f.emails("omar@example.com")).hasSize(1);
        assertThat(f.emails("dana@example.com")).isEmpty();
        assertThat(f.emails("lena@example.com")).isEmpty();
        assertThat(f.runsOf("dana@example.com").get(0).steps().get(0).outcome())
                .isEqualTo("dana@example.com does not have tag vip");
        assertThat(f.runsOf("lena@example.com").get(0).steps().get(1).outcome())
                .isEqualTo("lena@example.com has tag do-not-email");
    }

    @Test
    void neverLoggedInLooksAtTheClientPortalAccount() {
        welcomeIf(FilterSpec.neverLoggedIn());
        f.services.transactions().write(t -> {
            var omar = t.contacts().byEmail("omar@example.com").orElseThrow();
            t.portalAccounts().ofContact(omar.getId()).orElseThrow().getCredential().recordLogin(f.now());
            return null;
        });
        f.grant("dana@example.com", "Gold");
        f.grant("omar@example.com", "Gold");
        workflows.runDue();

        assertThat(f.emails("dana@example.com")).hasSize(1);
        assertThat(f.emails("omar@example.com")).isEmpty();
        assertThat(f.runsOf("omar@example.com").get(0).steps().get(0).outcome())
                .isEqualTo("omar@example.com last logged in to the Client Portal at " + f.now());
    }

    @Test
    void noRecentWelcomePreventsADoubleWhenGrantsAreReimportedOrRegranted() {
        welcomeIf(FilterSpec.noRecentWelcome(24));
        f.grant("dana@example.com", "Gold");
        workflows.runDue();

        // revoked and granted again an hour later (a re-import): no second welcome
        f.clock.advance(Duration.ofHours(1));
        f.services.offers().revoke("dana@example.com", "Gold", "re-import", AGENT);
        f.grant("dana@example.com", "Gold");
        // two grants in one batch (revoke + re-grant twice before the engine runs)
        f.services.offers().revoke("dana@example.com", "Gold", "re-import", AGENT);
        f.grant("dana@example.com", "Gold");
        workflows.runDue();
        assertThat(f.emails("dana@example.com", "welcome")).hasSize(1);
        assertThat(f.runs("Welcome if")).extracting(r -> r.status().code())
                .containsExactlyInAnyOrder("done", "stopped", "stopped");
        assertThat(f.runs("Welcome if").get(0).steps().get(0).outcome())
                .isEqualTo("a welcome email for Gold was already sent or queued in the last 1 day");

        // a welcome for another offer does not count
        f.grant("dana@example.com", "Silver");
        workflows.runDue();
        assertThat(f.emails("dana@example.com", "welcome")).hasSize(2);

        // a day later, a new grant is welcomed again
        f.clock.advance(Duration.ofHours(24));
        f.services.offers().revoke("dana@example.com", "Gold", "lapsed", AGENT);
        f.grant("dana@example.com", "Gold");
        workflows.runDue();
        assertThat(f.emails("dana@example.com", "welcome")).hasSize(3);
    }

    @Test
    void noRecentWelcomeCanNameItsOfferForOtherTriggers() {
        workflows.create(new WorkflowDefinition("Nudge", true, TriggerSpec.tagAdded("nudge"),
                List.of(FilterSpec.noRecentWelcome("Gold", 48)), List.of(ActionSpec.sendWelcome("Gold"))), AGENT);
        f.grant("dana@example.com", "Gold");
        f.grant("omar@example.com", "Gold");
        f.services.credentials().resendWelcome("omar@example.com", "Gold", AGENT);

        f.services.contacts().edit("dana@example.com", null, null, List.of("nudge"), AGENT);
        f.services.contacts().edit("omar@example.com", null, null, List.of("nudge"), AGENT);
        workflows.runDue();

        assertThat(f.emails("dana@example.com", "welcome")).hasSize(1);
        assertThat(f.emails("omar@example.com", "welcome")).as("only the agent's resend").hasSize(1)
                .allSatisfy(e -> assertThat(e.origin().code()).isEqualTo("agent"));
    }
}
