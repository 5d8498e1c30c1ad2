package org.memberdesk.ui.view;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.memberdesk.testsupport.Await;
import org.testfx.util.WaitForAsyncUtils;

/** Waiting in TestFX tests for what the console does in the background, up to a test's own limit. */
final class FxWait {

    private final Duration timeout;

    private FxWait(Duration timeout) {
        this.timeout = timeout;
    }

    static FxWait seconds(long seconds) {
        return new FxWait(Duration.ofSeconds(seconds));
    }

    /**
     * Until {@code condition} holds, then until the FX thread has handled what that set off. A
     * condition that throws (a node not there yet) has not held yet.
     */
    void until(Callable<Boolean> condition) {
        Await.until(timeout, () -> holds(condition), "the console to show what the test expects");
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Until {@code lookup} finds something, and returns it. */
    <T> T present(Callable<Optional<T>> lookup) throws Exception {
        until(() -> lookup.call().isPresent());
        return lookup.call().orElseThrow();
    }

    private static boolean holds(Callable<Boolean> condition) {
        try {
            return Boolean.TRUE.equals(condition.call());
        } catch (Exception notYet) {
            return false;
        }
    }
}
