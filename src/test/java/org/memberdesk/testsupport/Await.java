package org.memberdesk.testsupport;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waiting in a test for what runs in the background (a dispatcher, the workflow engine, a worker
 * thread), up to the test's own limit: checks every few milliseconds and fails the test, saying
 * what it waited for, when the limit passes first.
 */
public final class Await {

    private static final long PAUSE_MILLIS = 10;

    private Await() {
    }

    /** Until {@code condition} holds; an exception from the condition ends the wait at once. */
    public static void until(Duration timeout, BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("waited " + timeout + " for " + what);
            }
            pause();
        }
    }

    /** Until {@code lookup} finds something, and returns it. */
    public static <T> T present(Duration timeout, Supplier<Optional<T>> lookup, String what) {
        AtomicReference<T> found = new AtomicReference<>();
        until(timeout, () -> {
            lookup.get().ifPresent(found::set);
            return found.get() != null;
        }, what);
        return found.get();
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting", e);
        }
    }
}
