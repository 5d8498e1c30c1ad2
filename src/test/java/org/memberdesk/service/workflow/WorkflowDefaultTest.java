package org.memberdesk.service.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberdesk.service.AuditLog;
import org.memberdesk.service.workflow.ActionSpec;
import org.memberdesk.service.workflow.TriggerKind;
import org.memberdesk.service.workflow.WelcomeFor;

/** The shipped "Welcome new members" on a fresh database: grant -> runDue -> one welcome, sent by the workflow. */
class WorkflowDefaultTest extends WorkflowCase {

    @BeforeEach
    void open() {
        f.offer("Momentum Membership");
        f.contact("dana@example.com");
    }

    @Test
    void aNewDatabaseHasTheDefaultWorkflowEnabled() {
        assertThat(f.workflows().list()).singleElement().satisfies(w -> {
            assertThat(w.name()).isEqualTo("Welcome new members");
            assertThat(w.enabled()).isTrue();
            assertThat(w.trigger().code()).isEqualTo("offer-access-granted");
            assertThat(w.definition().trigger().kind()).isEqualTo(TriggerKind.OFFER_ACCESS_GRANTED);
            assertThat(w.definition().trigger().offers()).isEmpty();
            assertThat(w.definition().filters()).isEmpty();
            assertThat(w.definition().actions()).containsExactly(ActionSpec.sendWelcome(WelcomeFor.TRIGGERING_OFFER));
            assertThat(w.summary()).isEqualTo(
                    "Offer Access Granted -> Send Membership Welcome Email for the triggering offer");
            assertThat(w.runs()).isZero();
        });
    }

    @Test
    void grantingAnOfferQueuesOneWelcomeSentByTheWorkflowAndDeliversIt() throws Exception {
        f.grant("dana@example.com", "Momentum Membership");
        assertThat(f.emails("dana@example.com")).as("nothing before the engine runs").isEmpty();

        WorkflowPass pass = f.workflows().runDue();

        assertThat(pass.events()).isEqualTo(1);
        assertThat(pass.runsStarted()).isEqualTo(1);
        assertThat(pass.done()).isEqualTo(1);
        assertThat(f.emails("dana@example.com")).singleElement().satisfies(e -> {
            assertThat(e.kind().code()).isEqualTo("welcome");
            assertThat(e.offer()).isEqualTo("Momentum Membership");
            assertThat(e.origin().code()).isEqualTo("workflow");
            assertThat(e.originDetail()).isEqualTo("Welcome new members");
            assertThat(e.status().code()).isEqualTo("queued");
        });
        assertThat(f.audit("dana@example.com")).anySatisfy(a -> {
            assertThat(a.action()).isEqualTo("credentials.welcome-sent");
            assertThat(a.origin().code()).isEqualTo("workflow");
            assertThat(a.agent()).isEqualTo("Welcome new members");
            assertThat(a.detail()).isEqualTo("Momentum Membership");
        });

        // the run log, per workflow and per contact
        assertThat(f.runs("Welcome new members")).singleElement().satisfies(run -> {
            assertThat(run.status().code()).isEqualTo("done");
            assertThat(run.mode().code()).isEqualTo("trigger");
            assertThat(run.trigger().code()).isEqualTo("offer-access-granted");
            assertThat(run.offer()).isEqualTo("Momentum Membership");
            assertThat(run.contactEmail()).isEqualTo("dana@example.com");
            assertThat(run.finishedAt()).isEqualTo(f.now());
            assertThat(run.steps()).singleElement().satisfies(s -> {
                assertThat(s.status().code()).isEqualTo("done");
                assertThat(s.label()).isEqualTo("Send Membership Welcome Email for the triggering offer");
                assertThat(s.outcome()).isEqualTo("queued the welcome email for Momentum Membership");
                assertThat(s.attempts()).isEqualTo(1);
            });
        });
        assertThat(f.runsOf("dana@example.com")).extracting(WorkflowRunView::workflow)
                .containsExactly("Welcome new members");
        assertThat(f.workflows().get("welcome NEW members").runs()).isEqualTo(1);

        // nothing more to do, however often the engine runs
        assertThat(f.workflows().runDue().idle()).isTrue();
        assertThat(f.welcomes()).isEqualTo(1);

        f.services.emails().runOutbox(true);
        MimeMessage[] received = f.smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("dana@example.com");
        assertThat(GreenMailUtil.getBody(received[0])).contains("Momentum Membership");
    }

    @Test
    void theDefaultIsInstalledOnceAndARenamedDefaultNeverComesBack() {
        f.workflows().update("Welcome new members",
                f.workflows().get("Welcome new members").definition().withName("Welcome everyone"),
                WorkflowFixture.AGENT);
        f.restart();
        f.restart();

        assertThat(f.workflows().list()).extracting(WorkflowView::name).containsExactly("Welcome everyone");
    }

    @Test
    void aDisabledDefaultStartsNothingAndEventsAreNotReplayedWhenItIsEnabledAgain() {
        assertThat(f.workflows().disable("Welcome new members", WorkflowFixture.AGENT)).isTrue();
        assertThat(f.workflows().disable("Welcome new members", WorkflowFixture.AGENT)).as("no-op").isFalse();
        f.grant("dana@example.com", "Momentum Membership");
        f.workflows().runDue();
        assertThat(f.workflows().enable("Welcome new members", WorkflowFixture.AGENT)).isTrue();
        f.workflows().runDue();

        assertThat(f.emails("dana@example.com")).isEmpty();
        assertThat(f.runs("Welcome new members")).isEmpty();
        assertThat(f.services.audit().latest(10)).extracting(AuditLog.Entry::action)
                .contains("workflow.disabled", "workflow.enabled");
    }
}
