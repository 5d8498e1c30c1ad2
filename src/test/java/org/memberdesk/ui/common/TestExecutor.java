package org.memberdesk.ui.common;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * Runs background work and timers on the calling thread, at once by default. {@link #holdWork()} keeps
 * submitted work until the test runs it, in any order; {@link #holdTimers()} does the same for delays.
 * A delay set while a timer's action runs is always held until {@link #elapseTimers()}, so a poll
 * that schedules itself again runs once per call, never in an endless loop.
 */
public final class TestExecutor implements BackgroundExecutor {

    private final List<Runnable> heldWork = new ArrayList<>();
    private final List<Runnable> heldTimers = new ArrayList<>();
    private final List<Duration> heldDelays = new ArrayList<>();
    private final Queue<Runnable> published = new ConcurrentLinkedQueue<>();
    private final Thread uiThread = Thread.currentThread();
    private boolean holdWork;
    private boolean holdTimers;
    private boolean inTimer;
    private int submitted;

    public static TestExecutor currentThread() {
        return new TestExecutor();
    }

    public TestExecutor holdWork() {
        holdWork = true;
        return this;
    }

    public TestExecutor holdTimers() {
        holdTimers = true;
        return this;
    }

    public int submitted() {
        return submitted;
    }

    public int heldWork() {
        return heldWork.size();
    }

    @Override
    public <T> Cancellable submit(Callable<T> work, Consumer<? super T> onSuccess,
                                  Consumer<? super Exception> onFailure) {
        submitted++;
        boolean[] cancelled = {false};
        Runnable job = () -> {
            T result;
            try {
                result = work.call();
            } catch (Exception e) {
                if (!cancelled[0]) {
                    onFailure.accept(e);
                }
                return;
            }
            if (!cancelled[0]) {
                onSuccess.accept(result);
            }
        };
        if (holdWork) {
            heldWork.add(job);
        } else {
            job.run();
        }
        return () -> cancelled[0] = true;
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable action) {
        boolean[] cancelled = {false};
        Runnable timer = () -> {
            if (!cancelled[0]) {
                boolean outer = !inTimer;
                inTimer = true;
                try {
                    action.run();
                } finally {
                    if (outer) {
                        inTimer = false;
                    }
                }
            }
        };
        if (holdTimers || inTimer) {
            heldTimers.add(timer);
            heldDelays.add(delay);
        } else {
            timer.run();
        }
        return () -> cancelled[0] = true;
    }

    /**
     * The test's thread plays the UI thread: there {@code action} runs at once. From any other thread
     * (a real dispatcher delivering in the background) it waits for {@link #runPublished()}.
     */
    @Override
    public void publish(Runnable action) {
        if (Thread.currentThread() == uiThread) {
            action.run();
        } else {
            published.add(action);
        }
    }

    /** Runs what other threads published, in order. */
    public void runPublished() {
        Runnable action;
        while ((action = published.poll()) != null) {
            action.run();
        }
    }

    /** Runs held work in the order it was submitted. */
    public void runHeldWork() {
        List<Runnable> jobs = List.copyOf(heldWork);
        heldWork.clear();
        jobs.forEach(Runnable::run);
    }

    /** Runs held work newest first, as if older answers came back late. */
    public void runHeldWorkNewestFirst() {
        List<Runnable> jobs = new ArrayList<>(heldWork);
        heldWork.clear();
        Collections.reverse(jobs);
        jobs.forEach(Runnable::run);
    }

    public int heldTimers() {
        return heldTimers.size();
    }

    /** Lets every held delay elapse (delays set meanwhile stay held). */
    public void elapseTimers() {
        List<Runnable> timers = List.copyOf(heldTimers);
        heldTimers.clear();
        heldDelays.clear();
        timers.forEach(Runnable::run);
    }

    /** Lets the held delays of at most {@code longest} elapse; longer ones (and delays set meanwhile) stay held. */
    public void elapseTimersUpTo(Duration longest) {
        List<Runnable> due = new ArrayList<>();
        for (int i = heldTimers.size() - 1; i >= 0; i--) {
            if (heldDelays.get(i).compareTo(longest) <= 0) {
                due.add(0, heldTimers.remove(i));
                heldDelays.remove(i);
            }
        }
        due.forEach(Runnable::run);
    }
}
