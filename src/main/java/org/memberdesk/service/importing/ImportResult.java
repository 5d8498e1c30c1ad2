package org.memberdesk.service.importing;

import java.util.List;

/**
 * What an import wrote, all of it released at once.
 *
 * @param rows             data rows in the file
 * @param importedRows     valid rows written
 * @param refusedRows      rows refused (nothing of them was written)
 * @param problems         the first refused rows with line and reason (at most {@link ImportPreview#SHOWN})
 * @param triggersFired    "Offer Access Granted" events written (0 with triggers off)
 * @param millis           how long the import took, reading included
 */
public record ImportResult(String file, int rows, int importedRows, int refusedRows, List<RowProblem> problems,
                           List<RowNotice> notices, List<String> unknownColumns, int newContacts,
                           int existingContacts, int grantsAdded, int alreadyActive, int triggersFired,
                           long millis) {

    public boolean hasProblems() {
        return refusedRows > 0;
    }
}
