package org.memberdesk.service.workflow;

import java.time.Duration;

/** "2 days", "36 hours", "90 minutes": how a workflow says a duration. */
public final class Durations {

    private Durations() {
    }

    public static String describe(Duration d) {
        if (d == null) {
            return "?";
        }
        long minutes = d.toMinutes();
        if (minutes > 0 && minutes % (24 * 60) == 0) {
            return plural(minutes / (24 * 60), "day");
        }
        if (minutes > 0 && minutes % 60 == 0) {
            return plural(minutes / 60, "hour");
        }
        if (minutes > 0) {
            return plural(minutes, "minute");
        }
        return plural(d.toSeconds(), "second");
    }

    static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
