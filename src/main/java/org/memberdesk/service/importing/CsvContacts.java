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
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.memberdesk.service.UserError;
import org.memberdesk.service.contacts.AddressTypo;

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

    private CsvContacts() {
    }

    /**
     * Opens the file and reads its header; then {@link Rows#next} hands out the data rows a chunk at a
     * time, so that a file of any size is read in bounded memory.
     */
    static Rows open(Path file) {
        return open(file, Set.of());
    }

    /**
     * {@link #open(Path)}, taking the suggested address of a likely mistyped domain (gmial.com) on the
     * lines in {@code takeSuggestion}; other lines, and lines without a suggestion, stay as written.
     */
    static Rows open(Path file, Set<Integer> takeSuggestion) {
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
        LineTrackingReader in = null;
        CSVParser parser = null;
        try {
            in = new LineTrackingReader(reader(file));
            parser = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get().parse(in);
            Rows rows = new Rows(file, size, in, parser, takeSuggestion);
            rows.readHeader();
            return rows;
        } catch (IOException | RuntimeException e) {
            closeQuietly(parser, in);
            if (e instanceof UserError user) {
                throw user;
            }
            throw unreadable(file, e instanceof UncheckedIOException u ? u.getCause() : e);
        }
    }

    /** The data rows of an open file, a chunk at a time. */
    static final class Rows implements AutoCloseable {
        private final Path file;
        private final long size;
        private final LineTrackingReader in;
        private final CSVParser parser;
        private final Iterator<CSVRecord> records;
        private final List<String> unknown = new ArrayList<>();
        private final Set<Integer> takeSuggestion;
        private Map<String, Integer> index;
        private int columns;
        private long read;

        private Rows(Path file, long size, LineTrackingReader in, CSVParser parser, Set<Integer> takeSuggestion) {
            this.takeSuggestion = Set.copyOf(takeSuggestion);
            this.file = file;
            this.size = size;
            this.in = in;
            this.parser = parser;
            this.records = parser.iterator();
        }

        private void readHeader() {
            while (records.hasNext()) {
                CSVRecord record = records.next();
                if (!blank(record)) {
                    columns = record.size();
                    index = header(record, unknown);
                    return;
                }
            }
            throw new UserError("the file " + file.getFileName() + " is empty: it needs a header row"
                    + " (email,name,tags,offer) and a row per contact");
        }

        List<String> unknownColumns() {
            return List.copyOf(unknown);
        }

        int columns() {
            return columns;
        }

        /** Up to {@code max} more data rows; none at the end of the file. */
        List<Row> next(int max, ImportProgress progress) {
            List<Row> rows = new ArrayList<>(Math.min(max, 4096));
            try {
                while (rows.size() < max && records.hasNext()) {
                    CSVRecord record = records.next();
                    if (blank(record)) {
                        continue;
                    }
                    int line = in.lineOf(record.getCharacterPosition());
                    String email = value(record, index, "email");
                    if (takeSuggestion.contains(line)) {
                        email = AddressTypo.of(email).map(AddressTypo::suggestedEmail).orElse(email);
                    }
                    rows.add(new Row(line, email, value(record, index, "name"),
                            value(record, index, "tags"), value(record, index, "offer"), record.size()));
                    if (++read % 1000 == 0) {
                        progress.update(ImportProgress.Phase.READING, Math.min(in.position(), size), size);
                    }
                }
            } catch (UncheckedIOException e) {
                throw unreadable(file, e.getCause());
            } catch (IllegalStateException e) {
                throw unreadable(file, e.getCause() != null ? e.getCause() : e);
            }
            if (rows.isEmpty()) {
                progress.update(ImportProgress.Phase.READING, size, size);
            }
            return rows;
        }

        @Override
        public void close() {
            closeQuietly(parser, in);
        }
    }

    private static void closeQuietly(AutoCloseable... resources) {
        for (AutoCloseable resource : resources) {
            if (resource != null) {
                try {
                    resource.close();
                } catch (Exception ignored) {
                    // Only read from: nothing to lose.
                }
            }
        }
    }

    private static Reader reader(Path file) throws IOException {
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
        /** Starts of the lines after the last position asked about; earlier ones are only counted. */
        private long[] lineStarts = new long[1024];
        private int head;
        private int tail;
        private int linesPassed;
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
            if (tail == lineStarts.length) {
                if (head > 0) {
                    System.arraycopy(lineStarts, head, lineStarts, 0, tail - head);
                    tail -= head;
                    head = 0;
                } else {
                    lineStarts = Arrays.copyOf(lineStarts, tail * 2);
                }
            }
            lineStarts[tail++] = at;
        }

        long position() {
            return position;
        }

        /** The 1-based line of a character position; positions must be asked about in increasing order. */
        int lineOf(long characterPosition) {
            while (head < tail && lineStarts[head] <= characterPosition) {
                head++;
                linesPassed++;
            }
            return linesPassed + 1;
        }
    }
}
