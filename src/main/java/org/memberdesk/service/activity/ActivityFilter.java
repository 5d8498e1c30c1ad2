package org.memberdesk.service.activity;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.memberdesk.service.UserError;

/**
 * Which audit events the Activity view shows; every part is optional (null or blank means any).
 *
 * @param agent   the agent's (or workflow's) name, ignoring case
 * @param contact part of the contact's email, as it was when the event was recorded
 * @param action  an action ("credentials.unlocked") or a family of them ("credentials")
 * @param from    first moment included
 * @param to      first moment no longer included
 */
public record ActivityFilter(String agent, String contact, String action, Instant from, Instant to) {

    public ActivityFilter {
        agent = blankToNull(agent);
        contact = blankToNull(contact);
        action = blankToNull(action);
        if (from != null && to != null && !to.isAfter(from)) {
            throw new UserError("the end of the period must come after its start");
        }
    }

    public static ActivityFilter all() {
        return new ActivityFilter(null, null, null, null, null);
    }

    public ActivityFilter withAgent(String name) {
        return new ActivityFilter(name, contact, action, from, to);
    }

    public ActivityFilter withContact(String emailPart) {
        return new ActivityFilter(agent, emailPart, action, from, to);
    }

    public ActivityFilter withAction(String actionOrFamily) {
        return new ActivityFilter(agent, contact, actionOrFamily, from, to);
    }

    public ActivityFilter between(Instant start, Instant end) {
        return new ActivityFilter(agent, contact, action, start, end);
    }

    /** Whole days in a time zone, both included (a date picker's "from" and "to"); either may be null. */
    public ActivityFilter days(LocalDate first, LocalDate last, ZoneId zone) {
        return between(first == null ? null : first.atStartOfDay(zone).toInstant(),
                last == null ? null : last.plusDays(1).atStartOfDay(zone).toInstant());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
