package org.memberdesk.ui.viewmodel.console;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.memberdesk.ui.common.BackgroundExecutor;
import org.memberdesk.ui.common.Messages;

/**
 * Watches a shared database server while the console uses it: when it cannot be reached the status
 * line says "Database unreachable, retrying" (with why) until it answers again, then says so. The
 * connection pool and the change feed reconnect by themselves; this only tells the agent. Looks on
 * a background thread every {@link #EVERY}.
 */
final class DatabaseWatch {

    static final Duration EVERY = Duration.ofSeconds(2);

    private final Supplier<Optional<String>> unreachable;
    private final BackgroundExecutor executor;
    private final ConsoleStatus status;
    private final Messages messages;
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", null);
    private volatile boolean stopped;

    DatabaseWatch(Supplier<Optional<String>> unreachable, BackgroundExecutor executor, ConsoleStatus status,
                  Messages messages) {
        this.unreachable = unreachable;
        this.executor = executor;
        this.status = status;
        this.messages = messages;
    }

    void start() {
        executor.schedule(EVERY, this::look);
    }

    void stop() {
        stopped = true;
    }

    /** Why the server cannot be reached right now; null while it can. */
    ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    private void look() {
        if (stopped) {
            return;
        }
        executor.submit(unreachable::get, this::show, failure -> start());
    }

    private void show(Optional<String> now) {
        if (stopped) {
            return;
        }
        String was = problem.get();
        if (now.isPresent() && !now.get().equals(was)) {
            problem.set(now.get());
            status.announce(messages.get("console.database.unreachable", now.get()));
        } else if (now.isEmpty() && was != null) {
            problem.set(null);
            status.announce(messages.get("console.database.back"));
        }
        start();
    }
}
