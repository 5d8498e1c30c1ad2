package org.memberdesk.persistence;

import java.util.List;

/**
 * Empties the business data of a database in the caller's transaction: contacts and everything
 * hanging off them, offers, groups, emails, links, portal sessions, the audit log and workflow runs.
 * Settings and workflow definitions stay. For "Reset demo" only.
 */
public final class DataWipe {

    /** Children before parents; the search tables follow through their triggers. */
    private static final List<String> TABLES = List.of(
            "workflow_step", "workflow_run", "trigger_event",
            "login_failure", "login_throttle", "portal_session",
            "audit_event", "credential_token", "email_message", "portal_account",
            "community_membership", "community_group", "offer_grant", "offer",
            "contact_note", "contact_tag", "contact", "contact_search_dirty",
            "import_pending_tag", "import_pending_regrant", "import_batch");

    private static final List<String> SQLITE_ONLY = List.of("contact_search_dirty");

    private DataWipe() {
    }

    public static void wipe(Tx t) {
        t.flush();
        t.session().clear();
        ChangeLogPause.during(t.session(), ChangeLogPause.EVERYTHING, () -> {
            t.session().doWork(connection -> {
                boolean postgres = SqlIds.postgres(connection);
                try (var statement = connection.createStatement()) {
                    // Rows that point at each other (an email and its link) go in one statement each; PostgreSQL
                    // checks such references at the end of the statement, SQLite must be told to wait.
                    if (!postgres) {
                        statement.execute("pragma defer_foreign_keys = on");
                    }
                    for (String table : TABLES) {
                        if (!(postgres && SQLITE_ONLY.contains(table))) {
                            statement.executeUpdate("delete from " + table);
                        }
                    }
                }
            });
            return null;
        });
    }
}
