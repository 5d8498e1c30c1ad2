package org.memberdesk.mail;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Several connections to one SMTP server, each used by its own thread, that send a group of messages
 * together: whichever connection is free takes the group's next message. The connections stay open
 * from group to group and close with this object.
 */
final class SmtpLanes implements AutoCloseable {

    /** What became of one message: the server took it, or refused it, or it was not sent (stopping). */
    record Outcome(SmtpTransport.Accepted accepted, SmtpFailure failure) {
        static final Outcome NOT_SENT = new Outcome(null, null);

        boolean notSent() {
            return accepted == null && failure == null;
        }
    }

    private final MailSettings target;
    private final Clock clock;
    private final BooleanSupplier stopping;
    private final List<SmtpTransport> connections = new ArrayList<>();
    private final int wanted;
    private ExecutorService threads;

    SmtpLanes(MailSettings target, int connections, Clock clock, BooleanSupplier stopping) {
        this.target = target;
        this.wanted = Math.max(1, connections);
        this.clock = clock;
        this.stopping = stopping;
    }

    /**
     * Opens the connections, once. Returns why not even one could be opened, else null; if only some
     * could, the others are left out.
     */
    SmtpFailure open() {
        if (threads != null) {
            return null;
        }
        SmtpFailure first = null;
        for (int i = 0; i < wanted; i++) {
            try {
                connections.add(SmtpTransport.connect(target));
            } catch (SmtpFailure f) {
                if (first == null) {
                    first = f;
                }
                break;
            }
        }
        if (connections.isEmpty()) {
            return first;
        }
        AtomicInteger number = new AtomicInteger();
        threads = Executors.newFixedThreadPool(connections.size(), r -> {
            Thread t = new Thread(r, "mail-lane-" + number.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        return null;
    }

    /** The messages in flight: wait for their outcomes with {@link #await()}. */
    final class Sending {
        private final Outcome[] outcomes;
        private final List<Future<?>> lanes;

        private Sending(Outcome[] outcomes, List<Future<?>> lanes) {
            this.outcomes = outcomes;
            this.lanes = lanes;
        }

        /** One outcome per message, in the order given. */
        List<Outcome> await() {
            for (Future<?> lane : lanes) {
                try {
                    lane.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while mail was being sent", e);
                } catch (ExecutionException e) {
                    throw new IllegalStateException("a mail connection's thread failed", e.getCause());
                }
            }
            return Arrays.asList(outcomes);
        }
    }

    /** Starts sending; a lane takes no new message once stopping is asked for. */
    Sending send(List<OutgoingEmail> emails) {
        Outcome[] outcomes = new Outcome[emails.size()];
        Arrays.fill(outcomes, Outcome.NOT_SENT);
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> lanes = new ArrayList<>();
        for (int lane = 0; lane < Math.min(connections.size(), emails.size()); lane++) {
            int index = lane;
            lanes.add(threads.submit(() -> {
                for (int i = next.getAndIncrement(); i < outcomes.length && !stopping.getAsBoolean();
                     i = next.getAndIncrement()) {
                    outcomes[i] = sendOn(index, emails.get(i));
                }
            }));
        }
        return new Sending(outcomes, lanes);
    }

    private Outcome sendOn(int lane, OutgoingEmail email) {
        try {
            SmtpTransport connection = connections.get(lane);
            if (connection != null && !connection.usable()) {
                connection.close();
                connection = null;
                connections.set(lane, null);
            }
            if (connection == null) {
                connection = SmtpTransport.connect(target);
                connections.set(lane, connection);
            }
            return new Outcome(connection.send(email, clock.instant()), null);
        } catch (SmtpFailure f) {
            return new Outcome(null, f);
        }
    }

    @Override
    public void close() {
        if (threads != null) {
            threads.shutdownNow();
        }
        for (SmtpTransport connection : connections) {
            if (connection != null) {
                connection.close();
            }
        }
        connections.clear();
    }
}
