package org.memberdesk.ui.viewmodel;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Instants as the agent reads them: local time, day and month spelled out, no seconds. */
public final class DisplayTime {

    private final DateTimeFormatter dateTime;

    public DisplayTime(ZoneId zone, Locale locale) {
        this.dateTime = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", locale).withZone(zone);
    }

    public String format(Instant instant) {
        return instant == null ? "" : dateTime.format(instant);
    }
}
