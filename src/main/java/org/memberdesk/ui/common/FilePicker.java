package org.memberdesk.ui.common;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Asks the agent for a file, without the view model knowing how: the console shows the desktop's
 * file dialog, tests answer with a path of their own. Called on the UI thread.
 */
public interface FilePicker {

    /** A CSV file to read; empty when the agent cancelled. */
    Optional<Path> openCsv(String title);

    /** Where to write a CSV file, starting from {@code suggestedName}; empty when the agent cancelled. */
    Optional<Path> saveCsv(String title, String suggestedName);
}
