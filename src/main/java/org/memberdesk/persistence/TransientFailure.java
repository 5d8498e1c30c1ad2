package org.memberdesk.persistence;

/**
 * Failures that say nothing about the work itself: a lock timeout, a lost connection, a version
 * conflict with another writer, a busy database. The same work may well succeed a moment later.
 */
public final class TransientFailure {

    private TransientFailure() {
    }

    /** Whether this failure, or any of its causes, is transient. */
    public static boolean is(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof org.hibernate.exception.LockAcquisitionException
                    || c instanceof org.hibernate.exception.JDBCConnectionException
                    || c instanceof org.hibernate.StaleStateException
                    || c instanceof jakarta.persistence.OptimisticLockException
                    || c instanceof jakarta.persistence.PessimisticLockException) {
                return true;
            }
            String message = c.getMessage();
            if (message != null && (message.contains("SQLITE_BUSY") || message.contains("database is locked"))) {
                return true;
            }
        }
        return false;
    }
}
