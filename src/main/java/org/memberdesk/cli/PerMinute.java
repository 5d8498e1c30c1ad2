package org.memberdesk.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a rate written N/min (or N): a whole number of emails per minute, at least 1. */
final class PerMinute implements ITypeConverter<Integer> {

    private static final Pattern RATE = Pattern.compile("(\\d{1,6})\\s*(?:/\\s*min(?:ute)?)?");

    @Override
    public Integer convert(String value) {
        Matcher m = RATE.matcher(value.strip());
        if (!m.matches() || Integer.parseInt(m.group(1)) < 1) {
            throw new TypeConversionException("'" + value + "' is not a rate of the form N/min with N at least 1 "
                    + "(e.g. 30/min)");
        }
        return Integer.parseInt(m.group(1));
    }
}
