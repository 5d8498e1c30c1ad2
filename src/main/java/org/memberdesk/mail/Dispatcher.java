package org.memberdesk.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
import org.memberdesk.persistence.Tx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox. A batch is claimed with one UPDATE that leases due rows to this
 * dispatcher, so dispatchers of several processes on one database never send the same message;
 * a lease left by a crashed process expires and its rows are claimed again.
 *
 * <p>For each message, in order: a committed transaction marks it sending, counts the attempt and,
 * when it carries a link, mints the token and stores its hash (a link addressed to an address the
 * contact no longer has fails the message instead); then the message goes over the
 * batch's one SMTP connection; then a second transaction records the server's reply. A crash
 * between the two transactions can send a message twice, never lose it.
 */
public final class Dispatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    /** How much to claim at once, how long a lease holds, and how retries back off. */
    public record Policy(int batchSize, Duration lease, int maxAttempts, Duration firstRetry, Duration maxRetryDelay,
                         Duration pollInterval) {
        public static final Policy DEFAULT = new Policy(100, Duration.ofMinutes(2), 8, Duration.ofMinutes(1),
                Duration.ofHours(1), Duration.ofSeconds(5));

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

    /** Stops the background thread after the message it is sending; unsent claimed rows are released. */
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
        while (!loop.stopping()) {
            Result batch = runDue();
            total = total.plus(batch);
            if (batch.claimed() == 0) {
                break;
            }
        }
        return total;
    }

    /** Claims one batch of due messages and delivers it over one SMTP connection. */
    public Result runDue() {
        batchLock.lock();
        try {
            String lease = owner() + "#" + claims.incrementAndGet();
            List<UUID> claimed = claim(lease);
            if (claimed.isEmpty()) {
                return Result.NONE;
            }
            return deliver(lease, claimed);
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

    private Result deliver(String lease, List<UUID> claimed) {
        int sent = 0;
        int retrying = 0;
        int failed = 0;
        int skipped = 0;
        int done = 0;
        fire(new DeliveryEvent(DeliveryEvent.Type.BATCH_STARTED, null, null, null, claimed.size(), 0));
        SmtpTransport connection = null;
        SmtpFailure cannotConnect = null;
        try {
            MailSettings target = target();
            for (UUID id : claimed) {
                if (loop.stopping()) {
                    break;
                }
                if (cannotConnect == null && (connection == null || !connection.usable())) {
                    if (connection != null) {
                        connection.close();
                    }
                    try {
                        connection = SmtpTransport.connect(target);
                    } catch (SmtpFailure f) {
                        connection = null;
                        cannotConnect = f;
                        LOG.warn("mail server unreachable, {} message(s) will be retried: {}", claimed.size() - done,
                                f.reply());
                    }
                }
                Recorded recorded = cannotConnect != null
                        ? recordUnreachable(id, lease, cannotConnect)
                        : attempt(id, lease, connection);
                EmailStatus outcome = recorded == null ? null : recorded.status();
                if (outcome == null) {
                    skipped++;
                } else if (outcome == EmailStatus.SENT) {
                    sent++;
                } else if (outcome == EmailStatus.RETRYING) {
                    retrying++;
                } else {
                    failed++;
                }
                done++;
                if (recorded != null) {
                    fire(new DeliveryEvent(DeliveryEvent.Type.MESSAGE_UPDATED, id, recorded.contactId(), outcome,
                            claimed.size(), done));
                }
            }
        } finally {
            if (connection != null) {
                connection.close();
            }
            release(lease);
            fire(new DeliveryEvent(DeliveryEvent.Type.BATCH_FINISHED, null, null, null, claimed.size(), done));
        }
        if (sent + retrying + failed > 0) {
            LOG.info("mail batch: {} sent, {} retrying, {} failed, {} skipped", sent, retrying, failed, skipped);
        }
        return new Result(claimed.size(), sent, retrying, failed, skipped);
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

    /** One message: commit "sending" (and its link's hash), talk SMTP, commit the outcome. */
    private record Recorded(EmailStatus status, UUID contactId) {
    }

    private Recorded attempt(UUID id, String lease, SmtpTransport connection) {
        Prepared prepared = database.write(t -> prepare(t, id, lease));
        if (prepared == null) {
            return null;
        }
        if (prepared.email() == null) {
            return new Recorded(EmailStatus.FAILED, prepared.contactId());
        }
        fire(new DeliveryEvent(DeliveryEvent.Type.MESSAGE_UPDATED, id, prepared.contactId(), EmailStatus.SENDING,
                0, 0));
        try {
            SmtpTransport.Accepted accepted = connection.send(prepared.email(), clock.instant());
            return database.write(t -> {
                EmailMessage m = t.emails().byId(id).orElseThrow();
                m.markSent(clock.instant(), accepted.reply(), accepted.messageId());
                return new Recorded(EmailStatus.SENT, prepared.contactId());
            });
        } catch (SmtpFailure f) {
            return database.write(t -> {
                return recordFailure(t, id, f, true);
            });
        }
    }

    /** What to send, or no email when the message failed instead (a link for an address the contact left). */
    private record Prepared(OutgoingEmail email, UUID contactId) {
    }

    private Prepared prepare(Tx t, UUID id, String lease) {
        EmailMessage m = t.emails().byId(id).orElse(null);
        if (m == null || !lease.equals(m.getLeaseOwner()) || m.getStatus().isFinal()) {
            return null;
        }
        if (m.linkForFormerAddress()) {
            // An email change cancels only the links still waiting; this one was being sent or
            // retried meanwhile. Its link must not reach the old address now.
            m.cancelForChangedAddress();
            return new Prepared(null, m.getContact().getId());
        }
        Instant now = clock.instant();
        m.startAttempt(now.plus(policy.lease()));
        String text = m.getBodyText();
        String html = m.getBodyHtml();
        if (m.getLinkPurpose() != null && LinkedBodies.hasHidden(text, html, m.getLinkPurpose())) {
            MintedToken minted = minter.mint(m.getLinkPurpose());
            LinkTokens.issue(t, m.getContact(), m.getKind().scope(), m.getGroup(), m.getLinkPurpose(), minted.hash(),
                    now, Duration.ofSeconds(m.getLinkTtlSeconds()), m.getOrigin(), m.getId());
            String[] bodies = LinkedBodies.withToken(text, html, links.base(t), minted.raw(), m.getLinkPurpose());
            text = bodies[0];
            html = bodies[1];
        }
        String returnPath = bounces == null ? null
                : VerpAddress.of(bounces.mailboxUser(t).orElse(null), m.getId()).orElse(null);
        return new Prepared(new OutgoingEmail(m.getId(), m.getAttempts(), m.getRecipient(), m.getSubject(), text, html,
                returnPath), m.getContact().getId());
    }

    private Recorded recordUnreachable(UUID id, String lease, SmtpFailure failure) {
        return database.write(t -> {
            EmailMessage m = t.emails().byId(id).orElse(null);
            if (m == null || !lease.equals(m.getLeaseOwner()) || m.getStatus().isFinal()) {
                return null;
            }
            m.countAttempt();
            return recordFailure(t, id, failure, false);
        });
    }

    private Recorded recordFailure(Tx t, UUID id, SmtpFailure failure, boolean linkMinted) {
        EmailMessage m = t.emails().byId(id).orElseThrow();
        return new Recorded(recordFailure(t, m, failure, linkMinted), m.getContact().getId());
    }

    private EmailStatus recordFailure(Tx t, EmailMessage m, SmtpFailure failure, boolean linkMinted) {
        UUID id = m.getId();
        Instant now = clock.instant();
        if (linkMinted) {
            // the server did not take it, so nobody holds this attempt's link
            for (CredentialToken token : t.tokens().ofContact(m.getContact().getId())) {
                if (id.equals(token.getEmailMessageId()) && token.state(now) == CredentialToken.State.LIVE) {
                    token.revoke(now);
                }
            }
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
