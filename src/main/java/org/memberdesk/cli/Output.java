package org.memberdesk.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
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
        err.println("warning: " + sentence.strip().replaceAll("\\s*\\R\\s*", " "));
        err.flush();
    }

    /** The outcome of a change: one JSON object, or one line. */
    void change(Object shape, String line) {
        print(json ? toJson(shape) : line);
    }

    /** The outcome of a change told in several lines (plain), still one JSON object. */
    void change(Object shape, List<String> lines) {
        print(json ? toJson(shape) : String.join(System.lineSeparator(), lines));
    }

    /** The answer to a query: a JSON array, or one line per item ({@code none} when there is no item). */
    <T> void query(List<T> items, Function<T, ?> shape, Function<T, String> line, String none) {
        if (json) {
            print(toJson(items.stream().map(shape).toList()));
        } else if (items.isEmpty()) {
            print(none);
        } else {
            items.stream().map(line).forEach(out::println);
            out.flush();
        }
    }

    private void print(String text) {
        out.println(text);
        out.flush();
    }

    private static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
