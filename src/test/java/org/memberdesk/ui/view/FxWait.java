package org.memberdesk.ui.view;

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.testfx.util.WaitForAsyncUtils;

/** Waiting in TestFX tests for what the console does in the background, up to a test's own limit. */
final class FxWait {

    private final long seconds;

    private FxWait(long seconds) {
        this.seconds = seconds;
    }

    static FxWait seconds(long seconds) {
        return new FxWait(seconds);
    }

    /** Until {@code condition} holds, then until the FX thread has handled what that set off. */
    void until(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Until {@code lookup} finds something, and returns it. */
    <T> T present(Callable<Optional<T>> lookup) throws Exception {
        until(() -> lookup.call().isPresent());
        return lookup.call().orElseThrow();
    }
}
