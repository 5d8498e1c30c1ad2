package org.memberdesk.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.memberdesk.testsupport.Await;

/** The background thread of the dispatcher and the workflow engine: started, stopped, closed for good. */
class BackgroundLoopTest {

    private final AtomicInteger passes = new AtomicInteger();
    private final BackgroundLoop loop =
            new BackgroundLoop("test-loop", "test/", () -> Duration.ofMinutes(1), passes::incrementAndGet);

    @Test
    void aStoppedLoopStartsAgain() throws Exception {
        loop.start();
        Await.until(Duration.ofSeconds(5), () -> passes.get() == 1, "the first pass");
        loop.stop();
        assertThat(loop.isStarted()).isFalse();

        loop.start();

        assertThat(loop.isStarted()).isTrue();
        Await.until(Duration.ofSeconds(5), () -> passes.get() == 2, "a pass after the restart");
        loop.close();
    }

    @Test
    void aClosedLoopRefusesToStartAgain() throws Exception {
        loop.start();
        Await.until(Duration.ofSeconds(5), () -> passes.get() == 1, "the first pass");

        loop.close();
        loop.start();

        assertThat(loop.isStarted()).as("its database may be closed").isFalse();
        Thread.sleep(200);
        assertThat(passes.get()).isEqualTo(1);
    }

    @Test
    void aLoopClosedBeforeItStartedNeverRuns() throws Exception {
        loop.close();
        loop.start();

        assertThat(loop.isStarted()).isFalse();
        Thread.sleep(200);
        assertThat(passes.get()).isZero();
    }
}
