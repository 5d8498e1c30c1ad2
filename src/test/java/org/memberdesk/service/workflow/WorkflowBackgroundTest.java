package org.memberdesk.service.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
            assertThat(within(20, () -> f.emails("dana@example.com").size() == 1)).isTrue();
            assertThat(f.emails("dana@example.com").get(0).originDetail()).isEqualTo("Welcome new members");
            assertThat(within(5, () -> seen.contains(new WorkflowProgress("running", 1, 1)))).isTrue();
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

    private static boolean within(int seconds, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        return condition.getAsBoolean();
    }
}
