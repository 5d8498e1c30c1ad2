package org.memberdesk.service.email;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Waits until a moment of the injected clock, unless cancelled first; tests move their clock instead. */
@FunctionalInterface
public interface Pace {

    /** Returns when {@code when} has come (true) or as soon as {@code cancelled} says so (false). */
    boolean until(Instant when, BooleanSupplier cancelled);

    /** Sleeps in short steps, so a cancel is seen within a fraction of a second. */
    static Pace sleeping(Clock clock) {
        return (when, cancelled) -> {
            while (!cancelled.getAsBoolean()) {
                Duration left = Duration.between(clock.instant(), when);
                if (left.isNegative() || left.isZero()) {
                    return true;
                }
                try {
                    Thread.sleep(Math.min(left.toMillis() + 1, 200));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return false;
        };
    }
}
