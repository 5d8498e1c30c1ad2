package org.memberdesk.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;

/**
 * Prints a command's result on stdout, as concise human lines or, with {@code --json}, as JSON:
 * a change prints one object, a query prints an array.
 */
final class Output {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    static {
        // Jackson escapes C0 controls itself; DEL, C1 and bidi controls it writes raw.
        JSON.getFactory().setCharacterEscapes(new TerminalSafeEscapes());
    }

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean json;

    Output(PrintWriter out, PrintWriter err, boolean json) {
        this.out = out;
        this.err = err;
        this.json = json;
    }

    boolean json() {
        return json;
    }

    /** A warning the command still succeeds with: one line on stderr, whatever the output format. */
    void warning(String sentence) {
        err.println("warning: " + safe(sentence.strip().replaceAll("\\s*\\R\\s*", " ")));
        err.flush();
    }

    /** The outcome of a change: one JSON object, or one line. */
    void change(Object shape, String line) {
        print(json ? toJson(shape) : safeLines(line));
    }

    /** The outcome of a change told in several lines (plain), still one JSON object. */
    void change(Object shape, List<String> lines) {
        print(json ? toJson(shape) : String.join(System.lineSeparator(), lines.stream().map(Output::safe).toList()));
    }

    /**
     * The answer to a query: a JSON array, or one line per item ({@code none} when there is no item;
     * it often repeats what was typed, so it is escaped too, line breaks included: it is one line).
     */
    <T> void query(List<T> items, Function<T, ?> shape, Function<T, String> line, String none) {
        if (json) {
            print(toJson(items.stream().map(shape).toList()));
        } else if (items.isEmpty()) {
            print(safe(none));
        } else {
            items.stream().map(line).map(Output::safeLines).forEach(out::println);
            out.flush();
        }
    }

    private void print(String text) {
        out.println(text);
        out.flush();
    }

    /**
     * Text as a terminal shows it harmlessly: control characters (C0 but tab, DEL, C1) and the
     * invisible bidirectional controls become visible escapes such as {@code \x1b} and
     * U+202E (as {@code \\u202e}). A contact's name can hold anything; printed raw, an escape sequence could
     * recolour, retitle or rewrite the agent's terminal, and U+202E shows text reversed.
     */
    static String safe(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String escape = escape(c);
            if (escape != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (escape != null) {
                    out.append(escape);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    /** As {@link #safe}, keeping the line breaks a command put between its lines. */
    static String safeLines(String text) {
        if (text == null) {
            return null;
        }
        return String.join("\n", java.util.Arrays.stream(text.split("\n", -1)).map(Output::safe).toList());
    }

    private static String escape(char c) {
        if (c == '\t') {
            return null;
        }
        if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
            return String.format("\\x%02x", (int) c);
        }
        if (isInvisibleFormatting(c)) {
            return String.format("\\u%04x", (int) c);
        }
        return null;
    }

    /** Bidi embeddings, overrides and isolates, directional marks, line and paragraph separators. */
    private static boolean isInvisibleFormatting(char c) {
        return (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0x200e || c == 0x200f
                || c == 0x061c || c == 0x2028 || c == 0x2029;
    }

    /** JSON strings with DEL, C1 and the invisible bidi controls escaped as \\uXXXX, like the C0 controls. */
    private static final class TerminalSafeEscapes extends CharacterEscapes {

        private final int[] ascii;

        TerminalSafeEscapes() {
            ascii = CharacterEscapes.standardAsciiEscapesForJSON();
            ascii[0x7f] = CharacterEscapes.ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            if ((ch >= 0x80 && ch < 0xa0) || isInvisibleFormatting((char) ch)) {
                return new SerializedString(String.format("\\u%04x", ch));
            }
            return null;
        }
    }

    private static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
