package org.memberdesk.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.memberdesk.domain.CredentialToken;
import org.memberdesk.domain.EmailMessage;
import org.memberdesk.domain.EmailStatus;
import org.memberdesk.domain.MintedToken;
import org.memberdesk.persistence.BackgroundLoop;
import org.memberdesk.persistence.Database;
import org.memberdesk.persistence.EmailRepository;
import org.memberdesk.persistence.Tx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox. A batch is claimed with one UPDATE that leases due rows to this
 * dispatcher, so dispatchers of several processes on one database never send the same message;
 * a lease left by a crashed process expires and its rows are claimed again.
 *
 * <p>A batch goes out in small groups. For each group, in order: one committed transaction marks its
 * messages sending, counts their attempts and, for those that carry a link, mints the token and
 * stores its hash (a link addressed to an address the contact no longer has fails the message
 * instead); then the group goes over the run's SMTP connections, several at once; meanwhile a
 * second transaction records the previous group's replies. So a link's hash is always committed
 * before its email leaves, and a crash can send again at most the two groups on the wire and not
 * yet recorded ({@link Policy#unrecordedAtMost()}), never lose a message.
 */
public final class Dispatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    /**
     * How much to claim at once, how long a lease holds, how retries back off, how many messages are
     * marked sending in one transaction ({@code groupSize}) and over how many SMTP connections at once
     * a group goes out.
     */
    public record Policy(int batchSize, Duration lease, int maxAttempts, Duration firstRetry, Duration maxRetryDelay,
                         Duration pollInterval, int groupSize, int connections) {
        /** Two groups at most are sent and not yet recorded: a crash sends at most 10 messages twice. */
        public static final int GROUP_SIZE = 5;
        /**
         * One connection: messages then reach the server in the order they were queued, so a contact's
         * newer email (a reset link that superseded an older one) never arrives before the older. Several
         * connections send a group faster but in no fixed order.
         */
        public static final int CONNECTIONS = 1;
        public static final Policy DEFAULT = new Policy(100, Duration.ofMinutes(2), 8, Duration.ofMinutes(1),
                Duration.ofHours(1), Duration.ofSeconds(5));

        public Policy {
            if (groupSize < 1 || connections < 1) {
                throw new IllegalArgumentException("a group holds at least one message, sent over at least one connection");
            }
        }

        /** With the shipped group size and number of connections. */
        public Policy(int batchSize, Duration lease, int maxAttempts, Duration firstRetry, Duration maxRetryDelay,
                      Duration pollInterval) {
            this(batchSize, lease, maxAttempts, firstRetry, maxRetryDelay, pollInterval, GROUP_SIZE, CONNECTIONS);
        }

        /** The most messages a crash can leave sent but unrecorded, which are then sent again. */
        public int unrecordedAtMost() {
            return 2 * groupSize;
        }

        public Duration retryDelay(int attemptsSoFar) {
            Duration delay = firstRetry.multipliedBy(1L << Math.min(Math.max(attemptsSoFar - 1, 0), 20));
            return delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay;
        }
    }

    /** What one run did. */
    public record Result(int claimed, int sent, int retrying, int failed, int skipped) {
        public static final Result NONE = new Result(0, 0, 0, 0, 0);

        Result plus(Result other) {
            return new Result(claimed + other.claimed, sent + other.sent, retrying + other.retrying,
                    failed + other.failed, skipped + other.skipped);
        }
    }

    private final Database database;
    private final Clock clock;
    private final MailSettingsStore settings;
    private final PortalLinks links;
    private final LinkMinter minter;
    private final DemoMailServer demo;
    private final BounceSettingsStore bounces;
    private final Policy policy;
    private final BackgroundLoop loop;
    private final AtomicLong claims = new AtomicLong();
    private final ReentrantLock batchLock = new ReentrantLock();
    private final List<DeliveryListener> listeners = new CopyOnWriteArrayList<>();

    public Dispatcher(Database database, Clock clock, MailSettingsStore settings, PortalLinks links, LinkMinter minter,
                      DemoMailServer demo, Policy policy) {
        this(database, clock, settings, links, minter, demo, null, policy);
    }

    /**
     * As the other constructor; while {@code bounces} names a bounce mailbox, each message goes out
     * with a VERP return path to it.
     */
    public Dispatcher(Database database, Clock clock, MailSettingsStore settings, PortalLinks links, LinkMinter minter,
                      DemoMailServer demo, BounceSettingsStore bounces, Policy policy) {
        this.database = database;
        this.bounces = bounces;
        this.clock = clock;
        this.settings = settings;
        this.links = links;
        this.minter = minter;
        this.demo = demo;
        this.policy = policy;
        this.loop = new BackgroundLoop("mail-dispatcher", "", policy::pollInterval, this::runUntilEmpty);
    }

    /** Unique per dispatcher: host, process id and a random part (two dispatchers in one JVM differ too). */
    public String owner() {
        return loop.owner();
    }

    public Policy policy() {
        return policy;
    }

    public void addListener(DeliveryListener listener) {
        listeners.add(listener);
    }

    public void removeListener(DeliveryListener listener) {
        listeners.remove(listener);
    }

    // ---- background thread (console, portal) ----

    /** Starts the background thread: it delivers what is due, then sleeps until woken or the poll interval passes. */
    public void start() {
        loop.start();
    }

    public boolean isStarted() {
        return loop.isStarted();
    }

    /** Wakes the background thread (after mail was queued). */
    public void signal() {
        loop.signal();
    }

    /**
     * Stops the background thread after the messages it is sending; unsent claimed rows are released
     * (those already marked sending go back to waiting).
     */
    public void stop() {
        loop.stop();
    }

    @Override
    public void close() {
        loop.close();
    }

    // ---- synchronous runs (CLI, tests) ----

    /** Delivers every message due now, batch after batch, until none is left that this dispatcher may claim. */
    public Result runUntilEmpty() {
        Result total = Result.NONE;
        try (Connections connections = new Connections()) {
            while (!loop.stopping()) {
                Result batch = runDue(connections);
                total = total.plus(batch);
                if (batch.claimed() == 0) {
                    break;
                }
            }
        }
        return total;
    }

    /** Claims one batch of due messages and delivers it. */
    public Result runDue() {
        try (Connections connections = new Connections()) {
            return runDue(connections);
        }
    }

    private Result runDue(Connections connections) {
        batchLock.lock();
        try {
            String lease = owner() + "#" + claims.incrementAndGet();
            List<UUID> claimed = claim(lease);
            if (claimed.isEmpty()) {
                return Result.NONE;
            }
            return deliver(lease, claimed, connections);
        } finally {
            batchLock.unlock();
        }
    }

    private List<UUID> claim(String lease) {
        if (!database.read(t -> t.emails().anyClaimable(clock.instant()))) {
            return List.of();
        }
        return database.write(t -> {
            Instant now = clock.instant();
            return t.emails().claim(lease, now, now.plus(policy.lease()), policy.batchSize());
        });
    }

    /** The SMTP connections of one run, kept from batch to batch while the server settings stay the same. */
    private final class Connections implements AutoCloseable {
        private MailSettings target;
        private SmtpLanes lanes;

        SmtpLanes to(MailSettings wanted) {
            if (lanes == null || !wanted.equals(target)) {
                close();
                lanes = new SmtpLanes(wanted, policy.connections(), clock, loop::stopping);
                target = wanted;
            }
            return lanes;
        }

        @Override
        public void close() {
            if (lanes != null) {
                lanes.close();
                lanes = null;
            }
        }
    }

    /** Counts of one batch as its messages are recorded; {@code done} numbers the progress events. */
    private static final class Tally {
        final int size;
        int sent;
        int retrying;
        int failed;
        int skipped;
        int done;

        Tally(int size) {
            this.size = size;
        }

        void count(EmailStatus outcome) {
            done++;
            if (outcome == null) {
                skipped++;
            } else if (outcome == EmailStatus.SENT) {
                sent++;
            } else if (outcome == EmailStatus.RETRYING) {
                retrying++;
            } else if (outcome == EmailStatus.FAILED) {
                failed++;
            } else {
                skipped++; // an attempt taken back: the message waits as before
            }
        }
    }

    private Result deliver(String lease, List<UUID> claimed, Connections connections) {
        Tally tally = new Tally(claimed.size());
        fire(new DeliveryEvent(DeliveryEvent.Type.BATCH_STARTED, null, null, null, claimed.size(), 0));
        try {
            SmtpLanes lanes = connections.to(target());
            SmtpFailure cannotConnect = lanes.open();
            List<List<UUID>> groups = groups(claimed);
            if (cannotConnect != null) {
                LOG.warn("mail server unreachable, {} message(s) will be retried: {}", claimed.size(),
                        cannotConnect.reply());
                for (List<UUID> group : groups) {
                    if (loop.stopping()) {
                        break;
                    }
                    report(database.write(t -> recordUnreachable(t, group, lease, cannotConnect)), tally);
                }
            } else {
                sendGroups(lease, groups, lanes, tally);
            }
        } finally {
            release(lease);
            fire(new DeliveryEvent(DeliveryEvent.Type.BATCH_FINISHED, null, null, null, claimed.size(), tally.done));
        }
        if (tally.sent + tally.retrying + tally.failed > 0) {
            LOG.info("mail batch: {} sent, {} retrying, {} failed, {} skipped", tally.sent, tally.retrying,
                    tally.failed, tally.skipped);
        }
        return new Result(claimed.size(), tally.sent, tally.retrying, tally.failed, tally.skipped);
    }

    private List<List<UUID>> groups(List<UUID> claimed) {
        List<List<UUID>> groups = new ArrayList<>();
        for (int i = 0; i < claimed.size(); i += policy.groupSize()) {
            groups.add(claimed.subList(i, Math.min(claimed.size(), i + policy.groupSize())));
        }
        return groups;
    }

    /**
     * Group after group: commit the group "sending" with its links' hashes, then send it while the
     * previous group's outcomes are committed. So at most two groups are ever on the wire and not
     * yet recorded, which is what a crash can make us send twice.
     */
    private void sendGroups(String lease, List<List<UUID>> groups, SmtpLanes lanes, Tally tally) {
        List<Prepared> sendingGroup = null;
        SmtpLanes.Sending sending = null;
        try {
            for (List<UUID> ids : groups) {
                if (loop.stopping()) {
                    break;
                }
                List<Prepared> next = prepare(ids, lease, tally);
                List<Prepared> previous = sendingGroup;
                List<SmtpLanes.Outcome> outcomes = sending == null ? null : sending.await();
                sending = null;
                sendingGroup = next;
                sending = lanes.send(next.stream().map(Prepared::email).toList());
                if (previous != null) {
                    record(previous, outcomes, tally);
                }
            }
        } finally {
            if (sending != null) {
                record(sendingGroup, sending.await(), tally);
            }
        }
    }

    /** What to send of one message, and how it stood before this attempt. */
    private record Prepared(UUID id, OutgoingEmail email, UUID contactId, EmailStatus before) {
    }

    /** What the group's transaction did to a message that is not sent: failed (a former address) or left alone. */
    private record Settled(UUID id, UUID contactId, EmailStatus status) {
    }

    private record PreparedGroup(List<Prepared> toSend, List<Settled> settled) {
    }

    /** Commits the group as sending (with its links' hashes) and reports what will not be sent. */
    private List<Prepared> prepare(List<UUID> ids, String lease, Tally tally) {
        PreparedGroup group = database.write(t -> prepare(t, ids, lease));
        report(group.settled(), tally);
        for (Prepared p : group.toSend()) {
            fire(new DeliveryEvent(DeliveryEvent.Type.MESSAGE_UPDATED, p.id(), p.contactId(), EmailStatus.SENDING,
                    0, 0));
        }
        return group.toSend();
    }

    private PreparedGroup prepare(Tx t, List<UUID> ids, String lease) {
        // A contact's second link in the group must see (and supersede) the first: flushed only then.
        t.flushOnlyAtCommit();
        Set<UUID> linkedContacts = new HashSet<>();
        Map<UUID, EmailMessage> messages = byId(t, ids);
        Instant now = clock.instant();
        String base = null;
        String bounceUser = bounces == null ? null : bounces.mailboxUser(t).orElse(null);
        List<Prepared> toSend = new ArrayList<>();
        List<Settled> settled = new ArrayList<>();
        for (UUID id : ids) {
            EmailMessage m = messages.get(id);
            if (!heldBy(m, lease)) {
                settled.add(new Settled(id, null, null));
                continue;
            }
            UUID contactId = m.getContact().getId();
            if (m.linkForFormerAddress()) {
                // An email change cancels only the links still waiting; this one was being sent or
                // retried meanwhile. Its link must not reach the old address now.
                m.cancelForChangedAddress();
                settled.add(new Settled(id, contactId, EmailStatus.FAILED));
                continue;
            }
            EmailStatus before = m.getStatus();
            m.startAttempt(now.plus(policy.lease()));
            String text = m.getBodyText();
            String html = m.getBodyHtml();
            if (m.getLinkPurpose() != null && LinkedBodies.hasHidden(text, html, m.getLinkPurpose())) {
                if (!linkedContacts.add(contactId)) {
                    t.flush();
                }
                MintedToken minted = minter.mint(m.getLinkPurpose());
                LinkTokens.issue(t, m.getContact(), m.getKind().scope(), m.getGroup(), m.getLinkPurpose(),
                        minted.hash(), now, Duration.ofSeconds(m.getLinkTtlSeconds()), m.getOrigin(), m.getId());
                base = base == null ? links.base(t) : base;
                String[] bodies = LinkedBodies.withToken(text, html, base, minted.raw(), m.getLinkPurpose());
                text = bodies[0];
                html = bodies[1];
            }
            String returnPath = bounceUser == null ? null : VerpAddress.of(bounceUser, m.getId()).orElse(null);
            toSend.add(new Prepared(id, new OutgoingEmail(m.getId(), m.getAttempts(), m.getRecipient(), m.getSubject(),
                    text, html, returnPath), contactId, before));
        }
        return new PreparedGroup(toSend, settled);
    }

    private static Map<UUID, EmailMessage> byId(Tx t, List<UUID> ids) {
        Map<UUID, EmailMessage> messages = new HashMap<>();
        if (ids.isEmpty()) {
            return messages;
        }
        for (EmailMessage m : t.emails().byIds(ids)) {
            messages.put(m.getId(), m);
        }
        return messages;
    }

    /** Commits what the server said to each message of a sent group, then reports them in order. */
    private void record(List<Prepared> group, List<SmtpLanes.Outcome> outcomes, Tally tally) {
        if (group.isEmpty()) {
            return;
        }
        report(database.write(t -> record(t, group, outcomes)), tally);
    }

    private List<Settled> record(Tx t, List<Prepared> group, List<SmtpLanes.Outcome> outcomes) {
        Instant now = clock.instant();
        // the server took nearly all of them: those are recorded without loading them
        Map<UUID, EmailMessage> others = byId(t, java.util.stream.IntStream.range(0, group.size())
                .filter(i -> outcomes.get(i).accepted() == null).mapToObj(i -> group.get(i).id()).toList());
        List<EmailRepository.Sent> sent = new ArrayList<>();
        List<Settled> settled = new ArrayList<>();
        for (int i = 0; i < group.size(); i++) {
            Prepared p = group.get(i);
            SmtpLanes.Outcome outcome = outcomes.get(i);
            if (outcome.accepted() != null) {
                sent.add(new EmailRepository.Sent(p.id(), outcome.accepted().reply(), outcome.accepted().messageId()));
                settled.add(new Settled(p.id(), p.contactId(), EmailStatus.SENT));
                continue;
            }
            EmailMessage m = others.get(p.id());
            if (m == null) {
                settled.add(new Settled(p.id(), null, null));
            } else if (outcome.notSent()) {
                revokeLink(t, m, now);
                m.abandonAttempt(p.before());
                settled.add(new Settled(p.id(), p.contactId(), m.getStatus()));
            } else {
                settled.add(new Settled(p.id(), p.contactId(), recordFailure(t, m, outcome.failure(), true)));
            }
        }
        t.emails().markSent(sent, now);
        return settled;
    }

    /** The message is still leased to this batch and not yet sent, failed or cancelled. */
    private static boolean heldBy(EmailMessage m, String lease) {
        return m != null && lease.equals(m.getLeaseOwner()) && !m.getStatus().isFinal();
    }

    private void report(List<Settled> settled, Tally tally) {
        for (Settled s : settled) {
            tally.count(s.status());
            if (s.contactId() != null) {
                fire(new DeliveryEvent(DeliveryEvent.Type.MESSAGE_UPDATED, s.id(), s.contactId(), s.status(),
                        tally.size, tally.done));
            }
        }
    }

    private List<Settled> recordUnreachable(Tx t, List<UUID> ids, String lease, SmtpFailure failure) {
        Map<UUID, EmailMessage> messages = byId(t, ids);
        List<Settled> settled = new ArrayList<>();
        for (UUID id : ids) {
            EmailMessage m = messages.get(id);
            if (!heldBy(m, lease)) {
                settled.add(new Settled(id, null, null));
                continue;
            }
            m.countAttempt();
            settled.add(new Settled(id, m.getContact().getId(), recordFailure(t, m, failure, false)));
        }
        return settled;
    }

    private EmailStatus recordFailure(Tx t, EmailMessage m, SmtpFailure failure, boolean linkMinted) {
        Instant now = clock.instant();
        if (linkMinted) {
            // the server did not take it, so nobody holds this attempt's link
            revokeLink(t, m, now);
        }
        if (failure.permanent()) {
            m.markFailed(failure.reply());
            return EmailStatus.FAILED;
        }
        if (m.attemptsSinceRetry() >= policy.maxAttempts()) {
            m.markFailed(failure.reply() + " (gave up after " + m.attemptsSinceRetry() + " attempts)");
            return EmailStatus.FAILED;
        }
        m.markRetrying(now.plus(policy.retryDelay(m.attemptsSinceRetry())), failure.reply());
        return EmailStatus.RETRYING;
    }

    private static void revokeLink(Tx t, EmailMessage m, Instant now) {
        if (m.getLinkPurpose() == null) {
            return;
        }
        for (CredentialToken token : t.tokens().ofContact(m.getContact().getId())) {
            if (m.getId().equals(token.getEmailMessageId()) && token.state(now) == CredentialToken.State.LIVE) {
                token.revoke(now);
            }
        }
    }

    /** The server to send through, with the brand's sender name as the From display name. */
    private MailSettings target() {
        MailSettings configured = database.read(settings::load);
        if (!configured.configured() && demo == null) {
            throw new IllegalStateException("no SMTP server is configured and demo mail is off");
        }
        MailSettings server = configured.configured() ? configured : demo.settings();
        return database.read(t -> settings.sending(t, server));
    }

    /** Gives back what this batch claimed but did not get to (stopped early), so nobody waits for the lease. */
    private void release(String lease) {
        try {
            database.write(t -> t.emails().release(lease));
        } catch (RuntimeException e) {
            LOG.warn("could not release mail leases (they expire by themselves)", e);
        }
    }

    private void fire(DeliveryEvent event) {
        for (DeliveryListener listener : listeners) {
            try {
                listener.onDelivery(event);
            } catch (RuntimeException e) {
                LOG.warn("a delivery listener failed", e);
            }
        }
    }

    /** For tests and diagnostics: messages currently leased, by anyone. */
    public List<UUID> leased() {
        return database.read(t -> new ArrayList<>(t.emails().leased()));
    }
}
