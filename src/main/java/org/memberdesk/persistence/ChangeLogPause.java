package org.memberdesk.persistence;

import java.sql.Statement;
import java.util.function.Supplier;
import org.hibernate.SharedSessionContract;

/**
 * Silences the change-log triggers for one bulk transaction (V11): a row in change_pause while the
 * work runs, gone again before the commit, so no other connection ever sees it. Instead of one
 * entry per row the transaction leaves one summary entry, or none.
 */
final class ChangeLogPause {

    /** Leave one "everything" entry: data was replaced wholesale, readers reload what they show. */
    static final String EVERYTHING = "everything";

    /** Leave nothing: the rows written stay hidden, and whoever reveals them is heard of then. */
    static final String NOTHING = null;

    private ChangeLogPause() {
    }

    static <T> T during(SharedSessionContract session, String summaryKind, Supplier<T> work) {
        execute(session, "insert into change_pause (id) select 1 where not exists (select 1 from change_pause)");
        T result = work.get();
        execute(session, "delete from change_pause");
        if (summaryKind != null) {
            execute(session, "insert into change_log (kind) values ('" + summaryKind + "')");
        }
        return result;
    }

    private static void execute(SharedSessionContract session, String sql) {
        session.doWork(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate(sql);
            }
        });
    }
}
