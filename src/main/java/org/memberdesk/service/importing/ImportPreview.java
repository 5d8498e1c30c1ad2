package org.memberdesk.service.importing;

import java.util.List;

/**
 * What an import of the file would do, before anything is written.
 *
 * @param totalRows         data rows in the file
 * @param refusedRows       rows that would be refused
 * @param rows              the first rows, judged (at most {@link #SHOWN})
 * @param problems          the first refused rows, with line and reason (at most {@link #SHOWN}; see refusedRows)
 * @param notices           valid rows worth a remark (an offer already active), the first {@link #SHOWN}
 * @param unknownColumns    header columns that are ignored
 * @param newContacts       contacts to create
 * @param existingContacts  existing contacts the file touches (grants and tags are added; names are kept)
 * @param grantsToAdd       grants to add, counting revoked or expired offers granted again
 * @param alreadyActive     grants already active: reported, not errors
 * @param welcomeEmails     welcome emails the import will trigger (see {@code welcomeEmailsNote})
 * @param welcomeEmailsNote how that number is arrived at, in one sentence
 */
public record ImportPreview(String file, int totalRows, int refusedRows, List<ImportRow> rows,
                            List<RowProblem> problems, List<RowNotice> notices, List<String> unknownColumns,
                            int newContacts, int existingContacts, int grantsToAdd, int alreadyActive,
                            int welcomeEmails, String welcomeEmailsNote) {

    /** How many rows, problems and notices a preview keeps to show; the rest are only counted. */
    public static final int SHOWN = ImportPlan.SHOWN;

    public int validRows() {
        return totalRows - refusedRows;
    }

    public boolean hasProblems() {
        return refusedRows > 0;
    }
}
