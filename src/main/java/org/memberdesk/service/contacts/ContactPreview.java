package org.memberdesk.service.contacts;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.memberdesk.persistence.FirstPageReader;
import org.memberdesk.service.storage.DataDirectory;
import org.memberdesk.service.storage.DatabaseChoice;

/**
 * The first page of the contact list, read straight from the database file while {@link Services}
 * is still opening (the ORM's cold start takes a second or more; the list should not wait for it).
 */
public final class ContactPreview {

    /** The first contacts in list order and how many there are in all. */
    public record Page(List<ContactSummary> contacts, long total) {
    }

    private ContactPreview() {
    }

    /**
     * As {@link #firstPage(DataDirectory, int)} when this environment and data directory open the
     * SQLite file; empty when they open a shared server (the file may hold another, older list).
     */
    public static Optional<Page> firstPage(DataDirectory directory, Map<String, String> env, int limit) {
        if (!DatabaseChoice.sqlite(directory, env)) {
            return Optional.empty();
        }
        return firstPage(directory, limit);
    }

    /** Empty when there is nothing to show yet: no database, no contacts, or a schema this version does not read. */
    public static Optional<Page> firstPage(DataDirectory directory, int limit) {
        return FirstPageReader.read(directory.database(), limit)
                .filter(page -> !page.rows().isEmpty())
                .map(page -> new Page(page.rows().stream()
                        .map(row -> new ContactSummary(row.id(), row.email(), row.name(), row.tags()))
                        .toList(), page.total()));
    }
}
