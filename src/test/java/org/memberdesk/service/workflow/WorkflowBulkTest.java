package org.memberdesk.service.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.service.workflow.ActionSpec;
import org.memberdesk.service.workflow.TriggerSpec;
import org.memberdesk.service.workflow.WorkflowDefinition;

/** 10,000 grants (and a manual run on 10,000 contacts) queue 10,000 welcomes in batches, with progress, no doubles. */
class WorkflowBulkTest {

    static final int N = Integer.parseInt(System.getenv().getOrDefault("WORKFLOW_BULK_N", "10000"));

    @TempDir
    Path dir;

    @Test
    void tenThousandGrantsThenAManualRunOnTenThousandQueueOneWelcomeEachWithProgress() {
        try (WorkflowFixture f = new WorkflowFixture(dir)) {
            f.offer("Gold");
            WorkflowFixture.bulkGrants(f.services, "Gold", N, f.now());

            List<WorkflowProgress> progress = new ArrayList<>();
            long start = System.nanoTime();
            WorkflowPass pass = f.workflows().runDue(progress::add);
            double grantSeconds = (System.nanoTime() - start) / 1e9;

            assertThat(pass.events()).isEqualTo(N);
            assertThat(pass.runsStarted()).isEqualTo(N);
            assertThat(pass.done()).isEqualTo(N);
            assertThat(f.welcomes()).isEqualTo(N);
            assertThat(f.welcomeSpread()).as("at most one each, for every contact").containsExactly(1, N);
            assertThat(progress).filteredOn(p -> p.stage().equals("starting")).hasSize(N / 500)
                    .extracting(WorkflowProgress::done).isSorted().endsWith((long) N);
            assertThat(progress).filteredOn(p -> p.stage().equals("running")).hasSize(N / 500)
                    .allSatisfy(p -> assertThat(p.total()).isEqualTo(N))
                    .extracting(WorkflowProgress::done).isSorted().startsWith(500L).endsWith((long) N);
            assertThat(f.workflows().runDue().idle()).as("nothing left, nothing doubled").isTrue();
            assertThat(f.welcomes()).isEqualTo(N);

            f.workflows().create(new WorkflowDefinition("Resend Gold", true, TriggerSpec.manual(), List.of(),
                    List.of(ActionSpec.sendWelcome("Gold"))), WorkflowFixture.AGENT);
            List<WorkflowProgress> manualProgress = new ArrayList<>();
            start = System.nanoTime();
            ManualRunResult manual = f.workflows().runManualOnSearch("Resend Gold", "example.net",
                    WorkflowFixture.AGENT, manualProgress::add);
            double manualSeconds = (System.nanoTime() - start) / 1e9;

            assertThat(manual.contacts()).isEqualTo(N);
            assertThat(manual.runIds()).hasSize(N).doesNotHaveDuplicates();
            assertThat(manual.pass().done()).isEqualTo(N);
            assertThat(f.welcomeSpread()).containsExactly(2, N);
            assertThat(manualProgress.get(0)).isEqualTo(new WorkflowProgress("recording", N, N));
            assertThat(manualProgress).contains(new WorkflowProgress("running", N, N));

            System.out.printf("WORKFLOW BULK: %d grants -> welcomes queued in %.1f s; manual run on %d in %.1f s%n",
                    N, grantSeconds, N, manualSeconds);
        }
    }
}
