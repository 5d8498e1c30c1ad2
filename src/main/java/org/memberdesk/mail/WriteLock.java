package org.memberdesk.mail;

import org.memberdesk.persistence.Tx;

/**
 * Takes the database's write lock as the first statement of a write transaction that reads
 * before it writes.
 *
 * <p>Why: with sqlite-jdbc 3.54 the connection provider's per-connection IMMEDIATE mode does not
 * reach the BEGIN statement (sqlite-jdbc begins with the connection config's mode, which is
 * DEFERRED), so a transaction that reads first gets SQLITE_BUSY_SNAPSHOT, without waiting, when
 * another process writes before it does. A write statement that matches no row takes the lock and
 * honours the busy timeout; on PostgreSQL it is a no-op.
 */
public final class WriteLock {

    private WriteLock() {
    }

    public static void take(Tx t) {
        t.session().createNativeMutationQuery("update email_message set attempts = attempts where 1 = 0")
                .executeUpdate();
    }
}
