package org.memberdesk.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a moment written as an ISO instant (2026-12-03T14:00:00Z), a local date-time
 * (2026-12-03T14:00) or a day (yyyy-MM-dd, as {@link IsoDate} reads it); anything else is a usage
 * error that shows the forms.
 */
final class IsoTime implements ITypeConverter<IsoTime.Given> {

    /** A moment, or a whole day: from its start, through its end. */
    record Given(Instant instant, LocalDateTime local, LocalDate day) {

        Instant from(ZoneId zone) {
            return instant != null ? instant : local != null ? local.atZone(zone).toInstant()
                    : day.atStartOfDay(zone).toInstant();
        }

        Instant through(ZoneId zone) {
            return day != null ? day.plusDays(1).atStartOfDay(zone).toInstant() : from(zone);
        }
    }

    @Override
    public Given convert(String value) {
        String v = value.strip();
        try {
            if (v.length() <= 10) {
                return new Given(null, null, new IsoDate().convert(v));
            }
            if (v.endsWith("Z") || v.endsWith("z") || v.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return new Given(OffsetDateTime.parse(v.toUpperCase(Locale.ROOT)).toInstant(),
                        null, null);
            }
            return new Given(null, LocalDateTime.parse(v), null);
        } catch (DateTimeParseException | TypeConversionException e) {
            throw new TypeConversionException("'" + value + "' is not a time of the form 2026-12-03T14:00:00Z, "
                    + "2026-12-03T14:00 (local) or 2026-12-03 (the whole day)");
        }
    }
}
