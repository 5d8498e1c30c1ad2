package org.memberdesk.service.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The gate around password hashing: its size, and what a caller gets when the wait is too long. */
class HashingGateTest {

    private static final long ARGON2_BYTES = PasswordHasher.ARGON2_BYTES;

    @Test
    void aCallerThatWaitsTooLongGetsBusyInsteadOfHashing() throws Exception {
        HashingGate gate = new HashingGate(1, Duration.ofMillis(200));
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> gate.run(() -> {
            holding.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        holder.start();
        holding.await();
        AtomicBoolean ran = new AtomicBoolean();
        assertThatThrownBy(() -> gate.run(() -> ran.getAndSet(true)))
                .isInstanceOf(HashingBusy.class).hasMessageContaining("busy");
        assertThat(ran).isFalse();
        release.countDown();
        holder.join();
        assertThat(gate.run(() -> "served once free")).isEqualTo("served once free");
    }

    @Test
    void theBoundFollowsTheHeapAndTheCores() {
        assertThat(HashingGate.boundFor(512L << 20, 2, ARGON2_BYTES)).isEqualTo(4);
        assertThat(HashingGate.boundFor(512L << 20, 16, ARGON2_BYTES)).isEqualTo(6);
        assertThat(HashingGate.boundFor(32L << 20, 8, ARGON2_BYTES)).isEqualTo(1);
    }

}
