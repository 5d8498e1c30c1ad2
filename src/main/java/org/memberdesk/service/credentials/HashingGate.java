package org.memberdesk.service.credentials;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Bounds how many password hashes run at once. Argon2 takes its memory from the heap (about 19 MiB
 * a hash), so a flood of sign-ins without a bound runs the JVM out of memory; with it, callers
 * queue in arrival order and one that waits too long gets {@link HashingBusy} instead.
 */
final class HashingGate {

    /** How long a caller waits for a turn before the request is answered "busy". */
    static final Duration DEFAULT_WAIT = Duration.ofSeconds(10);

    private final Semaphore permits;
    private final int bound;
    private final Duration wait;

    HashingGate(int bound, Duration wait) {
        if (bound < 1) {
            throw new IllegalArgumentException("bound must be at least 1: " + bound);
        }
        this.bound = bound;
        this.wait = wait;
        this.permits = new Semaphore(bound, true);
    }

    /** A gate for this JVM: a quarter of the maximum heap for hashing, and no more than two per core. */
    static HashingGate forThisJvm(long bytesPerHash) {
        return new HashingGate(boundFor(Runtime.getRuntime().maxMemory(), Runtime.getRuntime().availableProcessors(),
                bytesPerHash), DEFAULT_WAIT);
    }

    static int boundFor(long maxHeapBytes, int cores, long bytesPerHash) {
        return (int) Math.max(1, Math.min(cores * 2L, (maxHeapBytes / 4) / bytesPerHash));
    }

    int bound() {
        return bound;
    }

    /** Runs one hash when a turn is free; throws {@link HashingBusy} when none frees up within the wait. */
    <T> T run(Supplier<T> hash) {
        boolean acquired;
        try {
            acquired = permits.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HashingBusy();
        }
        if (!acquired) {
            throw new HashingBusy();
        }
        try {
            return hash.get();
        } finally {
            permits.release();
        }
    }
}
