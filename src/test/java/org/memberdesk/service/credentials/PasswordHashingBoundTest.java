package org.memberdesk.service.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Argon2 takes about 19 MiB of heap per hash, so the number of hashes running at once is bounded
 * by the heap (and the cores): a flood of sign-ins waits its turn instead of running the JVM out
 * of memory. Counted on the real hasher, by watching which threads are inside Argon2.
 */
class PasswordHashingBoundTest {

    @Test
    void concurrentHashesNeverExceedTheBoundSizedToTheHeap() throws Exception {
        int bound = PasswordHasher.concurrentHashes();
        int callers = bound * 3;
        PasswordHasher hasher = new PasswordHasher();
        String phc = hasher.hash("a passphrase to check against");

        CountDownLatch go = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        AtomicInteger matched = new AtomicInteger();
        for (int i = 0; i < callers; i++) {
            int n = i;
            Thread worker = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                boolean ok;
                if (n % 2 == 0) {
                    ok = hasher.matches("a passphrase to check against", phc);
                } else {
                    String own = hasher.hash("passphrase " + n);
                    ok = hasher.matches("passphrase " + n, own);
                }
                if (ok) {
                    matched.incrementAndGet();
                }
            }, "hash-caller-" + i);
            worker.start();
            workers.add(worker);
        }
        long[] ids = workers.stream().mapToLong(Thread::getId).toArray();
        AtomicBoolean sampling = new AtomicBoolean(true);
        AtomicInteger peak = new AtomicInteger();
        AtomicInteger samples = new AtomicInteger();
        Thread sampler = new Thread(() -> {
            while (sampling.get()) {
                int inside = insideArgon2(ids);
                peak.accumulateAndGet(inside, Math::max);
                samples.incrementAndGet();
                Thread.onSpinWait();
            }
        });
        sampler.start();
        go.countDown();
        for (Thread worker : workers) {
            worker.join(Duration.ofMinutes(3).toMillis());
        }
        sampling.set(false);
        sampler.join();

        assertThat(matched.get()).as("every caller was served").isEqualTo(callers);
        assertThat(peak.get()).as("threads inside Argon2 at once (bound %d, %d samples)", bound, samples.get())
                .isPositive().isLessThanOrEqualTo(bound);
    }

    /** Threads inside Argon2 in one snapshot: the JVM takes all their stacks at the same safepoint. */
    private static int insideArgon2(long[] ids) {
        return (int) Arrays.stream(ManagementFactory.getThreadMXBean().getThreadInfo(ids, Integer.MAX_VALUE))
                .filter(info -> info != null && Arrays.stream(info.getStackTrace())
                        .anyMatch(frame -> frame.getClassName().startsWith("com.password4j.Argon2Function")))
                .count();
    }
}
