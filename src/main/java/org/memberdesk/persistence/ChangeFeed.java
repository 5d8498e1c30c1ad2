package org.memberdesk.persistence;

import java.util.function.Consumer;

/**
 * Tells subscribers what anyone committed to the database, in order, soon after it happened. On
 * SQLite a poller looks at {@code PRAGMA data_version}; a PostgreSQL source can listen to NOTIFY.
 * Subscribers are called on the feed's own thread, one batch at a time.
 */
public interface ChangeFeed extends AutoCloseable {

    /** Starts delivering batches committed from now on; the returned action unsubscribes. */
    Runnable subscribe(Consumer<ChangeBatch> subscriber);

    /** Looks now instead of at the next poll (a write of this process has just committed). */
    void poke();

    @Override
    void close();
}
