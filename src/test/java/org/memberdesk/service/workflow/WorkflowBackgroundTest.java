package org.memberdesk.service.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.testsupport.Await;

/** The console's and the portal's engine thread: woken by a commit that records an event, stopped on close. */
class WorkflowBackgroundTest {

    @TempDir
    Path dir;

    @Test
    void theBackgroundEngineRunsAGrantsWorkflowWithoutBeingAskedAndReportsProgress() throws Exception {
        try (WorkflowFixture f = new WorkflowFixture(dir)) {
            f.offer("Gold");
            f.contact("dana@example.com");
            List<WorkflowProgress> seen = new CopyOnWriteArrayList<>();
            Runnable unsubscribe = f.workflows().onProgress(seen::add);
            f.workflows().start();
            f.workflows().start(); // idempotent
            assertThat(f.workflows().isRunning()).isTrue();

            f.grant("dana@example.com", "Gold");

            // woken after the grant's commit (the poll interval alone would take 5 s)
            Await.until(Duration.ofSeconds(20), () -> f.emails("dana@example.com").size() == 1, "Dana's welcome email");
            assertThat(f.emails("dana@example.com").get(0).originDetail()).isEqualTo("Welcome new members");
            Await.until(Duration.ofSeconds(5), () -> seen.contains(new WorkflowProgress("running", 1, 1)),
                    "progress: one of one run");
            unsubscribe.run();

            f.workflows().stop();
            assertThat(f.workflows().isRunning()).isFalse();
            f.contact("omar@example.com");
            f.grant("omar@example.com", "Gold");
            TimeUnit.MILLISECONDS.sleep(300);
            assertThat(f.emails("omar@example.com")).as("stopped: nothing runs by itself").isEmpty();
            f.workflows().start();
        } // close() stops the running engine before the database closes
    }
}
