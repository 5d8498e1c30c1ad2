package org.memberdesk.ui.common;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The console's executor: a few daemon worker threads, outcomes published with {@code Platform.runLater}. */
public final class FxBackgroundExecutor implements BackgroundExecutor, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FxBackgroundExecutor.class);

    private final ExecutorService workers = Executors.newFixedThreadPool(3, daemonThreads("memberdesk-worker"));
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(daemonThreads("memberdesk-timer"));

    @Override
    public <T> Cancellable submit(Callable<T> work, Consumer<? super T> onSuccess,
                                  Consumer<? super Exception> onFailure) {
        AtomicBoolean cancelled = new AtomicBoolean();
        workers.execute(() -> {
            if (cancelled.get()) {
                return;
            }
            try {
                T result = work.call();
                Platform.runLater(() -> {
                    if (!cancelled.get()) {
                        onSuccess.accept(result);
                    }
                });
            } catch (Exception e) {
                LOG.debug("background work failed", e);
                Platform.runLater(() -> {
                    if (!cancelled.get()) {
                        onFailure.accept(e);
                    }
                });
            }
        });
        return () -> cancelled.set(true);
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable action) {
        AtomicBoolean cancelled = new AtomicBoolean();
        timer.schedule(() -> Platform.runLater(() -> {
            if (!cancelled.get()) {
                action.run();
            }
        }), delay.toMillis(), TimeUnit.MILLISECONDS);
        return () -> cancelled.set(true);
    }

    @Override
    public void publish(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    /** Runs {@code work} after everything already submitted, then stops the threads (waiting up to 5 s). */
    public void shutdown(Runnable work) {
        workers.execute(work);
        workers.shutdown();
        timer.shutdownNow();
        try {
            if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("background work still running at exit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        shutdown(() -> { });
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
