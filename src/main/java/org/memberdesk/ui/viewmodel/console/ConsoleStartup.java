package org.memberdesk.ui.viewmodel.console;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.memberdesk.service.Services;
import org.memberdesk.service.contacts.ContactPreview;
import org.memberdesk.service.contacts.ContactService;
import org.memberdesk.service.storage.DataDirectory;

/**
 * The data directory the console opens, how it opens it (called off the UI thread, also again
 * for Reset demo), and where the first page shown while it opens comes from: the app reads that
 * page before its window exists.
 */
public record ConsoleStartup(DataDirectory directory, Callable<Services> opener,
                             Callable<Optional<ContactPreview.Page>> firstPage) {

    /** The first page read from the data directory's SQLite file when the console starts on it (none for a server). */
    public static ConsoleStartup of(DataDirectory directory, Map<String, String> env, Callable<Services> opener) {
        return new ConsoleStartup(directory, opener,
                () -> ContactPreview.firstPage(directory, env, ContactService.DEFAULT_SEARCH_LIMIT));
    }

    /** The first page read from the data directory when the console starts. */
    public static ConsoleStartup of(DataDirectory directory, Callable<Services> opener) {
        return new ConsoleStartup(directory, opener,
                () -> ContactPreview.firstPage(directory, ContactService.DEFAULT_SEARCH_LIMIT));
    }
}
