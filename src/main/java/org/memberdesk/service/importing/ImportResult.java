package org.memberdesk.service.importing;

import java.util.List;

/**
 * What an import wrote, in one transaction.
 *
 * @param rows             data rows in the file
 * @param importedRows     valid rows written
 * @param problems         the rows refused (nothing of them was written)
 * @param triggersFired    "Offer Access Granted" events written (0 with triggers off)
 * @param millis           how long the import took, reading included
 */
public record ImportResult(String file, int rows, int importedRows, List<RowProblem> problems,
                           List<RowNotice> notices, List<String> unknownColumns, int newContacts,
                           int existingContacts, int grantsAdded, int alreadyActive, int triggersFired,
                           long millis) {

    public boolean hasProblems() {
        return !problems.isEmpty();
    }
}
