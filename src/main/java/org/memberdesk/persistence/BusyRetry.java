package org.memberdesk.persistence;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * A write that meets a busy database waits and tries again instead of failing. SQLite already waits
 * for its busy timeout inside BEGIN IMMEDIATE; when another process still holds the write lock after
 * that, the whole unit of work is tried again after a short pause, for up to {@link #PATIENCE_MILLIS}.
 * Only a transaction that could not even begin is retried: its work has not run, so running it again
 * is always safe.
 */
final class BusyRetry {

    private static final Logger LOG = LoggerFactory.getLogger(BusyRetry.class);

    static final long PATIENCE_MILLIS = 120_000;
    private static final long FIRST_PAUSE_MILLIS = 20;
    private static final long LONGEST_PAUSE_MILLIS = 1_000;

    private BusyRetry() {
    }

    /**
     * Runs {@code attempt}, which calls the given {@code Runnable} as soon as its transaction has begun;
     * a busy failure before that point is retried.
     */
    static <T> T untilBegun(Function<Runnable, T> attempt) {
        long deadline = System.nanoTime() + PATIENCE_MILLIS * 1_000_000;
        long pause = FIRST_PAUSE_MILLIS;
        while (true) {
            boolean[] began = {false};
            try {
                return attempt.apply(() -> began[0] = true);
            } catch (RuntimeException e) {
                if (began[0] || !busy(e)) {
                    throw e;
                }
                if (System.nanoTime() > deadline) {
                    throw new DatabaseBusyException(PATIENCE_MILLIS / 1000, e);
                }
                LOG.info("database busy (another program is writing); trying again in {} ms", pause);
                sleep(pause + ThreadLocalRandom.current().nextLong(pause + 1));
                pause = Math.min(LONGEST_PAUSE_MILLIS, pause * 2);
            }
        }
    }

    /** SQLITE_BUSY or SQLITE_LOCKED (any extended code) anywhere in the chain of causes. */
    static boolean busy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLiteException sqlite) {
                int primary = sqlite.getResultCode().code & 0xff;
                if (primary == SQLiteErrorCode.SQLITE_BUSY.code || primary == SQLiteErrorCode.SQLITE_LOCKED.code) {
                    return true;
                }
            }
            String message = t.getMessage();
            if (message != null && (message.contains("SQLITE_BUSY") || message.contains("database is locked"))) {
                return true;
            }
        }
        return false;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a busy database", e);
        }
    }
}
