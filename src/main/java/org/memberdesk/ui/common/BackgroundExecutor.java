package org.memberdesk.ui.common;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs service calls off the UI thread and hands their outcome back on it. View models use only
 * this, so tests swap in an executor that runs everything on the calling thread.
 */
public interface BackgroundExecutor {

    /**
     * Runs {@code work} in the background, then exactly one of the callbacks on the UI thread,
     * unless the returned handle was cancelled first.
     */
    <T> Cancellable submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure);

    /** Runs {@code action} on the UI thread after {@code delay}, unless cancelled first. */
    Cancellable schedule(Duration delay, Runnable action);

    /**
     * Hands {@code action} to the UI thread: for events that arrive on other threads (mail delivery
     * progress). Safe to call from any thread; on the UI thread it may run at once.
     */
    void publish(Runnable action);
}
