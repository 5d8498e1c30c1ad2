package org.memberdesk.service.importing;

import java.io.BufferedReader;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.memberdesk.service.UserError;

/**
 * Reads a contacts CSV: UTF-8 with or without a byte order mark, RFC 4180 quoting, a header row
 * naming the columns {@code email} (required), {@code name}, {@code tags} and {@code offer} in any
 * order and case. Other columns are reported and ignored; blank lines are skipped. Anything that
 * makes the whole file unreadable is a {@link UserError} saying where.
 */
final class CsvContacts {

    static final List<String> COLUMNS = List.of("email", "name", "tags", "offer");

    /** One data row as written; {@code values} is how many values the row had. */
    record Row(int line, String email, String name, String tags, String offer, int values) {
    }

    record Parsed(List<Row> rows, List<String> unknownColumns, int columns) {
    }

    private CsvContacts() {
    }

    static Parsed read(Path file, ImportProgress progress) {
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new UserError("no file " + file);
        } catch (IOException e) {
            throw new UserError("cannot read " + file + ": " + e.getMessage());
        }
        if (Files.isDirectory(file)) {
            throw new UserError(file + " is a folder, not a CSV file");
        }
        try (LineTrackingReader in = new LineTrackingReader(open(file));
             CSVParser parser = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get().parse(in)) {
            List<Row> rows = new ArrayList<>();
            Map<String, Integer> index = null;
            List<String> unknown = new ArrayList<>();
            int columns = 0;
            for (CSVRecord record : parser) {
                if (blank(record)) {
                    continue;
                }
                if (index == null) {
                    columns = record.size();
                    index = header(record, unknown);
                    continue;
                }
                int line = in.lineOf(record.getCharacterPosition());
                rows.add(new Row(line, value(record, index, "email"), value(record, index, "name"),
                        value(record, index, "tags"), value(record, index, "offer"), record.size()));
                if (rows.size() % 1000 == 0) {
                    progress.update("reading", Math.min(in.position(), size), size);
                }
            }
            if (index == null) {
                throw new UserError("the file " + file.getFileName() + " is empty: it needs a header row"
                        + " (email,name,tags,offer) and a row per contact");
            }
            progress.update("reading", size, size);
            return new Parsed(rows, List.copyOf(unknown), columns);
        } catch (UncheckedIOException e) {
            throw unreadable(file, e.getCause());
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    private static Reader open(Path file) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder), 1 << 16);
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }

    private static Map<String, Integer> header(CSVRecord record, List<String> unknown) {
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < record.size(); i++) {
            String name = record.get(i).strip().toLowerCase(Locale.ROOT);
            if (COLUMNS.contains(name)) {
                if (index.putIfAbsent(name, i) != null) {
                    throw new UserError("the header names the column '" + name + "' twice");
                }
            } else {
                unknown.add(name.isEmpty() ? "(column " + (i + 1) + " has no name)" : record.get(i).strip());
            }
        }
        if (!index.containsKey("email")) {
            throw new UserError("the header row has no 'email' column (it has: " + String.join(", ",
                    Arrays.stream(record.values()).map(String::strip).toList())
                    + "); the first row must name the columns, e.g. email,name,tags,offer");
        }
        return index;
    }

    private static String value(CSVRecord record, Map<String, Integer> index, String column) {
        Integer i = index.get(column);
        return i == null || i >= record.size() ? "" : record.get(i);
    }

    private static boolean blank(CSVRecord record) {
        return record.size() == 1 && record.get(0).isBlank();
    }

    private static UserError unreadable(Path file, Throwable cause) {
        String name = file.getFileName().toString();
        if (cause instanceof CharacterCodingException) {
            return new UserError(name + " is not UTF-8 text: save it as CSV UTF-8 and try again; nothing was imported");
        }
        String message = cause == null || cause.getMessage() == null ? "unreadable" : cause.getMessage();
        if (message.contains("EOF reached before encapsulated token finished")) {
            return new UserError(name + " is not valid CSV: a quoted value is never closed"
                    + lineHint(message) + "; nothing was imported");
        }
        if (message.contains("invalid char between encapsulated token and delimiter")) {
            return new UserError(name + " is not valid CSV: text follows a closing quote"
                    + lineHint(message) + "; nothing was imported");
        }
        return new UserError(name + " could not be read as CSV (" + message.strip() + "); nothing was imported");
    }

    private static String lineHint(String message) {
        var m = java.util.regex.Pattern.compile("(?i)line:?\\s*(\\d+)").matcher(message);
        return m.find() ? " (from line " + m.group(1) + ")" : "";
    }

    /**
     * Counts characters and remembers where each line starts, so that a record's character position
     * (which commons-csv reports) turns into the line number a person sees in an editor.
     */
    static final class LineTrackingReader extends FilterReader {
        private long position;
        private long[] lineStarts = new long[1024];
        private int lines;
        private boolean afterCr;

        LineTrackingReader(Reader in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) {
                see((char) c);
            }
            return c;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            for (int i = 0; i < n; i++) {
                see(buffer[offset + i]);
            }
            return n;
        }

        private void see(char c) {
            if (afterCr && c != '\n') {
                lineStart(position);
            }
            afterCr = c == '\r';
            position++;
            if (c == '\n') {
                lineStart(position);
            }
        }

        private void lineStart(long at) {
            if (lines == lineStarts.length) {
                lineStarts = Arrays.copyOf(lineStarts, lines * 2);
            }
            lineStarts[lines++] = at;
        }

        long position() {
            return position;
        }

        /** The 1-based line of a character position. */
        int lineOf(long characterPosition) {
            int found = Arrays.binarySearch(lineStarts, 0, lines, characterPosition);
            int startsAtOrBefore = found >= 0 ? found + 1 : -found - 1;
            return startsAtOrBefore + 1;
        }
    }
}
