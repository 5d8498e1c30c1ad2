package org.memberdesk.service.importing;

import java.util.List;

/**
 * What an import of the file would do, before anything is written.
 *
 * @param rows              every data row, judged
 * @param problems          the rows that would be refused, with line and reason
 * @param notices           valid rows worth a remark (an offer already active)
 * @param unknownColumns    header columns that are ignored
 * @param newContacts       contacts to create
 * @param existingContacts  existing contacts the file touches (grants and tags are added; names are kept)
 * @param grantsToAdd       grants to add, counting revoked or expired offers granted again
 * @param alreadyActive     grants already active: reported, not errors
 * @param welcomeEmails     welcome emails the import will trigger (see {@code welcomeEmailsNote})
 * @param welcomeEmailsNote how that number is arrived at, in one sentence
 */
public record ImportPreview(String file, List<ImportRow> rows, List<RowProblem> problems, List<RowNotice> notices,
                            List<String> unknownColumns, int newContacts, int existingContacts, int grantsToAdd,
                            int alreadyActive, int welcomeEmails, String welcomeEmailsNote) {

    public int totalRows() {
        return rows.size();
    }

    public int validRows() {
        return rows.size() - problems.size();
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }
}
