package org.memberdesk.persistence;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background thread of a worker that claims database rows with a lease (the outbox dispatcher,
 * the workflow engine): it runs a pass, then sleeps until it is signalled or the poll interval has
 * passed. It also names the worker in the leases it writes: an owner id unique per worker, so
 * workers of several processes, or two in one process, never take each other's rows.
 */
public final class BackgroundLoop {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundLoop.class);
    private static final long JOIN_MILLIS = TimeUnit.SECONDS.toMillis(40);

    private final String threadName;
    private final String owner;
    private final Supplier<Duration> pollInterval;
    private final Runnable pass;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean stopping;
    private Thread thread;
    private boolean closed;

    /**
     * @param ownerPrefix  put before the owner id (tells the kinds of worker apart in a lease)
     * @param pollInterval read before each sleep, so a changed policy applies at once
     * @param pass         one pass over the due work; it should look at {@link #stopping()} between items
     */
    public BackgroundLoop(String threadName, String ownerPrefix, Supplier<Duration> pollInterval, Runnable pass) {
        this.threadName = threadName;
        this.owner = ownerId(ownerPrefix);
        this.pollInterval = pollInterval;
        this.pass = pass;
    }

    /** Host, process id and a random part, at most 80 characters (the lease column). */
    private static String ownerId(String prefix) {
        String runtime = ManagementFactory.getRuntimeMXBean().getName();
        String id = prefix + runtime + "/" + UUID.randomUUID().toString().substring(0, 8);
        return id.length() > 80 ? id.substring(id.length() - 80) : id;
    }

    public String owner() {
        return owner;
    }

    /** True while {@link #stop()} runs: a pass ends after the item it is on. */
    public boolean stopping() {
        return stopping;
    }

    /** Starts the thread unless it runs already, or the loop was closed (its database may be gone). */
    public synchronized void start() {
        if (thread != null || closed) {
            return;
        }
        stopping = false;
        thread = new Thread(this::loop, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    public synchronized boolean isStarted() {
        return thread != null;
    }

    /** Wakes the thread for a pass now (after work was added). */
    public void signal() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    /** Stops the thread after the item its pass is on and waits for it (at most 40 seconds). */
    public void stop() {
        Thread running;
        synchronized (this) {
            running = thread;
            thread = null;
            stopping = true;
        }
        if (running != null) {
            wake.release();
            try {
                running.join(JOIN_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        stopping = false;
    }

    /** The final stop: as {@link #stop()}, and {@link #start()} does nothing from now on. */
    public void close() {
        synchronized (this) {
            closed = true;
        }
        stop();
    }

    private void loop() {
        while (!stopping) {
            try {
                pass.run();
            } catch (RuntimeException e) {
                LOG.warn("{}: pass failed", threadName, e);
            }
            try {
                if (wake.tryAcquire(pollInterval.get().toMillis(), TimeUnit.MILLISECONDS)) {
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
