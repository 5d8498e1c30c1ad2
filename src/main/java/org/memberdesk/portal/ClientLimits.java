package org.memberdesk.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts unauthenticated POSTs per key (a client address, or a typed email address at a door) in
 * fixed windows, in memory: a flood costs a map entry, never a database write or a hash.
 */
final class ClientLimits {

    /** Above this many keys, windows that have ended are dropped. */
    private static final int PRUNE_ABOVE = 10_000;

    private record Window(Instant start, int count) {
    }

    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    ClientLimits(Clock clock) {
        this.clock = clock;
    }

    /**
     * Counts one request under {@code key} and answers empty when it is within {@code limit} per
     * {@code window}; otherwise it is not counted and the answer is how long until the window ends.
     */
    Optional<Duration> take(String key, int limit, Duration window) {
        Instant now = clock.instant();
        if (windows.size() > PRUNE_ABOVE) {
            windows.values().removeIf(w -> !now.isBefore(w.start().plus(Duration.ofHours(1))));
        }
        Window[] seen = new Window[1];
        windows.compute(key, (k, w) -> {
            if (w == null || !now.isBefore(w.start().plus(window))) {
                w = new Window(now, 1);
            } else if (w.count() < limit) {
                w = new Window(w.start(), w.count() + 1);
            } else {
                seen[0] = w;
            }
            return w;
        });
        if (seen[0] == null) {
            return Optional.empty();
        }
        Duration left = Duration.between(now, seen[0].start().plus(window));
        return Optional.of(left.isNegative() || left.isZero() ? Duration.ofSeconds(1) : left);
    }
}
