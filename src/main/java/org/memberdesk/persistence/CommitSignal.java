package org.memberdesk.persistence;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Wakes whoever waits for one kind of write (the dispatcher for queued mail, the workflow engine
 * for trigger events) once the transaction that made it has committed, never before: a woken
 * reader must find the rows.
 */
public final class CommitSignal {

    private final List<Runnable> wakeUps = new CopyOnWriteArrayList<>();

    public void subscribe(Runnable wakeUp) {
        wakeUps.add(wakeUp);
    }

    /** Registers the wake-up on {@code t}; it runs after {@code t} commits, and not at all on rollback. */
    public void afterCommitOf(Tx t) {
        if (!wakeUps.isEmpty()) {
            t.afterCommit(() -> wakeUps.forEach(Runnable::run));
        }
    }
}
