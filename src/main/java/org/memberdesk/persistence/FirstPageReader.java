package org.memberdesk.persistence;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.memberdesk.domain.ImportBatch;
import org.sqlite.SQLiteConfig;

/**
 * Reads the first page of the contact list (in the search's name order) with one read-only JDBC
 * connection, before Hibernate and Flyway have booted: the console shows it while the database
 * opens. Anything unexpected (no file yet, an older schema) means "no preview", never an error.
 */
public final class FirstPageReader {

    /** One contact of the page; tags sorted. */
    public record Row(UUID id, String email, String name, List<String> tags) {
    }

    /** The page and how many contacts there are in all. */
    public record Page(List<Row> rows, long total) {
    }

    /** Contacts of an import that has not finished stay out of the page and the count. */
    private static final String VISIBLE = "(" + ImportBatch.VISIBLE + ")";

    private FirstPageReader() {
    }

    public static Optional<Page> read(Path databaseFile, int limit) {
        if (!Files.isRegularFile(databaseFile)) {
            return Optional.empty();
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(2_000);
        try (Connection connection = config.createConnection("jdbc:sqlite:" + databaseFile.toAbsolutePath())) {
            List<Row> rows = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement("""
                    select c.id, c.email, c.name,
                           (select group_concat(t.tag, char(10)) from contact_tag t where t.contact_id = c.id)
                    from contact_search s join contact c on c.id = s.contact_id
                    where %s
                    order by s.search_text limit ?""".formatted(VISIBLE))) {
                statement.setInt(1, limit);
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        rows.add(new Row(SqlIds.uuid(result.getBytes(1)), result.getString(2),
                                result.getString(3), tags(result.getString(4))));
                    }
                }
            }
            long total;
            try (PreparedStatement statement = connection.prepareStatement(
                    "select count(*) from contact c where " + VISIBLE);
                 ResultSet result = statement.executeQuery()) {
                total = result.next() ? result.getLong(1) : 0;
            }
            return Optional.of(new Page(List.copyOf(rows), total));
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    private static List<String> tags(String joined) {
        return joined == null ? List.of() : Arrays.stream(joined.split("\n")).sorted().toList();
    }
}
