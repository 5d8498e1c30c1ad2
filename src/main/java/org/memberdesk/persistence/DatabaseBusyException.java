package org.memberdesk.persistence;

/** Another program kept the database's write lock for longer than a write is willing to wait. */
public final class DatabaseBusyException extends RuntimeException {

    DatabaseBusyException(long seconds, Throwable cause) {
        super("the database stayed busy for " + seconds + " s (another program is writing to it); nothing was"
                + " changed: try again", cause);
    }
}
