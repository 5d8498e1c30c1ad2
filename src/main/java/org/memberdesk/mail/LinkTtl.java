package org.memberdesk.mail;

import java.time.Duration;
import org.memberdesk.persistence.Tx;

/**
 * How long links live. Defaults from DESIGN.md; a stored setting (whole minutes) may change each.
 */
public final class LinkTtl {

    public static final String SELF_SERVICE_RESET_SETTING = "links.self-service-reset.minutes";
    public static final String AGENT_RESET_SETTING = "links.agent-reset.minutes";
    public static final String SET_PASSWORD_SETTING = "links.set-password.minutes";

    public static final Duration SELF_SERVICE_RESET = Duration.ofMinutes(60);
    public static final Duration AGENT_RESET = Duration.ofHours(24);
    public static final Duration SET_PASSWORD = Duration.ofHours(72);

    private LinkTtl() {
    }

    public static Duration selfServiceReset(Tx t) {
        return read(t, SELF_SERVICE_RESET_SETTING, SELF_SERVICE_RESET);
    }

    public static Duration agentReset(Tx t) {
        return read(t, AGENT_RESET_SETTING, AGENT_RESET);
    }

    public static Duration setPassword(Tx t) {
        return read(t, SET_PASSWORD_SETTING, SET_PASSWORD);
    }

    private static Duration read(Tx t, String key, Duration fallback) {
        return t.settings().get(key).map(v -> {
            try {
                long minutes = Long.parseLong(v.trim());
                return minutes > 0 ? Duration.ofMinutes(minutes) : fallback;
            } catch (NumberFormatException e) {
                return fallback;
            }
        }).orElse(fallback);
    }

    /** "60 minutes", "24 hours", "3 days": how an email says when its link expires. */
    public static String describe(Duration ttl) {
        long minutes = ttl.toMinutes();
        if (minutes <= 90) {
            return plural(Math.max(1, minutes), "minute");
        }
        if (minutes % 60 == 0 && minutes <= 72 * 60) {
            return plural(minutes / 60, "hour");
        }
        if (minutes % (24 * 60) == 0) {
            return plural(minutes / (24 * 60), "day");
        }
        return plural(Math.round(minutes / 60.0), "hour");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
