package org.memberdesk.service.workflow;

import org.memberdesk.testsupport.TestDatabases;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.domain.Contact;
import org.memberdesk.domain.TriggerEvent;
import org.memberdesk.domain.Workflow;
import org.memberdesk.domain.WorkflowRun;
import org.memberdesk.domain.WorkflowStep;
import org.memberdesk.persistence.TestSessions;
import org.memberdesk.testsupport.TestClock;

/**
 * Exactly once per (workflow, event): a crash at any moment neither loses a run nor sends a
 * second welcome. A child JVM running the engine is killed with SIGKILL mid-way; a restarted
 * engine finishes; every contact has exactly one welcome.
 */
class WorkflowExactlyOnceTest {

    static final int TOTAL = 2_000;

    @TempDir
    Path dir;

    @Test
    void anEngineKilledMidWayLosesNoRunAndSendsNoSecondWelcome() throws Exception {
        // the child uses the real clock; the grants were made a minute ago
        TestClock clock = new TestClock(Instant.now().minus(Duration.ofMinutes(1)));
        try (WorkflowFixture f = new WorkflowFixture(dir, clock)) {
            f.offer("Gold");
            WorkflowFixture.bulkGrants(f.services, "Gold", TOTAL, clock.instant());
            f.services.close();

            ProcessBuilder childCommand = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx384m", "-Dmemberdesk.logdir=" + dir.resolve("child-logs"),
                    "-cp", System.getProperty("java.class.path"),
                    WorkflowEngineChild.class.getName(), dir.toString(), "20")
                    .redirectErrorStream(true);
            Process child = TestDatabases.forChild(dir, childCommand).start();
            List<String> output = new ArrayList<>();
            int runningBatches = 0;
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    output.add(line);
                    if (line.startsWith("BATCH running") && ++runningBatches == 15) {
                        child.destroyForcibly(); // SIGKILL, wherever it is: in a transaction or between two
                        break;
                    }
                }
            }
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(runningBatches).as("child output: %s", output).isEqualTo(15);

            clock.set(Instant.now().plus(Duration.ofMinutes(5))); // the dead engine's leases have run out
            f.services = f.open();
            Map<String, Long> before = statuses(f);
            long doneBefore = before.getOrDefault("done", 0L);
            assertThat(doneBefore).as("killed mid-way: %s", before).isBetween(300L, TOTAL - 1L);
            assertThat(f.welcomes()).as("one welcome per finished run, no more").isEqualTo(doneBefore);
            long stepsLeftRunning = f.services.transactions().read(t -> TestSessions.of(t).createSelectionQuery(
                    "select count(s) from WorkflowStep s where s.status = :s", Long.class)
                    .setParameter("s", WorkflowStep.Status.RUNNING).getSingleResult());
            System.out.printf("WORKFLOW KILL -9: after the kill, runs %s, steps left running (claimed, not acted) %d%n",
                    before, stepsLeftRunning);

            WorkflowPass pass = f.workflows().runDue();

            assertThat(pass.done()).isEqualTo(TOTAL - (int) doneBefore);
            assertThat(statuses(f)).containsExactly(Map.entry("done", (long) TOTAL));
            assertThat(f.welcomes()).isEqualTo(TOTAL);
            assertThat(f.welcomeSpread()).as("exactly one welcome for every contact").containsExactly(1, TOTAL);
            long pending = f.services.transactions().read(t -> t.workflowRuns().pendingEvents());
            assertThat(pending).isZero();
            assertThat(f.workflows().runDue().idle()).isTrue();

            // and out they go, one per contact
            f.services.emails().runOutbox(true);
            Map<String, Integer> perRecipient = new HashMap<>();
            for (MimeMessage m : f.smtp.getReceivedMessages()) {
                perRecipient.merge(m.getAllRecipients()[0].toString(), 1, Integer::sum);
            }
            assertThat(perRecipient).hasSize(TOTAL).allSatisfy((to, n) -> assertThat(n).isEqualTo(1));
        }
    }

    /** A claim committed, then the process died before acting: the step reads running, its effect is absent. */
    @Test
    void aStepInterruptedAfterItsClaimRunsOnceWhenTheLeaseRunsOutAndGivesUpAfterThreeAttempts() throws Exception {
        try (WorkflowFixture f = new WorkflowFixture(dir)) {
            f.offer("Gold");
            f.contact("dana@example.com");
            f.contact("omar@example.com");
            f.grant("dana@example.com", "Gold");
            f.grant("omar@example.com", "Gold");
            UUID dana = crashedClaim(f, "dana@example.com", 1);
            UUID omar = crashedClaim(f, "omar@example.com", 3);
            f.restart();

            assertThat(f.workflows().runDue().stepsRun()).as("the dead claim's lease still holds").isZero();
            f.clock.advance(Duration.ofMinutes(3));
            f.workflows().runDue();

            WorkflowRunView resumed = f.workflows().run(dana);
            assertThat(resumed.status().code()).isEqualTo("done");
            assertThat(resumed.steps().get(0).attempts()).isEqualTo(2);
            assertThat(resumed.steps().get(0).outcome()).isEqualTo(
                    "queued the welcome email for Gold (attempt 2: an earlier one was interrupted)");
            assertThat(f.emails("dana@example.com")).hasSize(1);

            WorkflowRunView gaveUp = f.workflows().run(omar);
            assertThat(gaveUp.status().code()).isEqualTo("failed");
            assertThat(gaveUp.steps().get(0).outcome()).isEqualTo(
                    "gave up: 4 attempts were interrupted before they finished");
            assertThat(f.emails("omar@example.com")).isEmpty();
        }
    }

    /** Writes the run of the default workflow for the contact's grant, as "claim" leaves it when the process dies after it. */
    private static UUID crashedClaim(WorkflowFixture f, String email, int attempts) {
        return f.services.transactions().write(t -> {
            Contact c = t.contacts().byEmail(email).orElseThrow();
            TriggerEvent event = t.triggers().pending(10).stream()
                    .filter(e -> e.getContact().getId().equals(c.getId())).findFirst().orElseThrow();
            Workflow w = t.workflows().byName(WorkflowService.DEFAULT_NAME).orElseThrow();
            Instant now = f.now();
            WorkflowRun run = f.workflows().engine().startRun(t, w, event, WorkflowRun.Mode.TRIGGER, now);
            event.markProcessed(now);
            t.flush();
            run.lease("dead-process#1", now.plus(Duration.ofMinutes(2)));
            WorkflowStep step = t.workflowRuns().steps(List.of(run.getId())).get(0);
            for (int i = 0; i < attempts; i++) {
                step.start(now);
            }
            return run.getId();
        });
    }

    @Test
    void oneRunThatBreaksUnexpectedlyFailsAloneAndTheRestOfItsBatchGoesOn() {
        try (WorkflowFixture f = new WorkflowFixture(dir)) {
            f.offer("Gold");
            for (String name : List.of("a", "b", "c")) {
                f.contact(name + "@example.com");
                f.grant(name + "@example.com", "Gold");
            }
            // turn the events into runs without acting, then break b's step
            f.services.transactions().write(t -> {
                Workflow w = t.workflows().byName(WorkflowService.DEFAULT_NAME).orElseThrow();
                for (TriggerEvent e : t.triggers().pending(10)) {
                    f.workflows().engine().startRun(t, w, e, WorkflowRun.Mode.TRIGGER, f.now());
                    e.markProcessed(f.now());
                }
                t.flush();
                Contact b = t.contacts().byEmail("b@example.com").orElseThrow();
                TestSessions.of(t).createMutationQuery(
                                "update WorkflowStep s set s.spec = '{not json' where s.run.id in "
                                        + "(select r.id from WorkflowRun r where r.contact = :b)")
                        .setParameter("b", b).executeUpdate();
                return null;
            });

            WorkflowPass pass = f.workflows().runDue();

            assertThat(pass.done()).isEqualTo(2);
            assertThat(pass.failed()).isEqualTo(1);
            assertThat(f.emails("a@example.com")).hasSize(1);
            assertThat(f.emails("c@example.com")).hasSize(1);
            assertThat(f.emails("b@example.com")).isEmpty();
            assertThat(f.runsOf("b@example.com")).singleElement().satisfies(run -> {
                assertThat(run.status().code()).isEqualTo("failed");
                assertThat(run.steps().get(0).outcome()).startsWith("unexpected error: cannot read workflow JSON");
            });
            assertThat(f.audit("b@example.com")).anySatisfy(a -> {
                assertThat(a.action()).isEqualTo("workflow.run-failed");
                assertThat(a.outcome().code()).isEqualTo("failed");
            });
        }
    }

    private static Map<String, Long> statuses(WorkflowFixture f) {
        return f.services.transactions().read(t -> {
            Map<String, Long> counts = new HashMap<>();
            for (Object[] row : TestSessions.of(t).createSelectionQuery(
                    "select r.status, count(r) from WorkflowRun r group by r.status", Object[].class).getResultList()) {
                counts.put(((WorkflowRun.Status) row[0]).code(), (Long) row[1]);
            }
            return counts;
        });
    }
}
