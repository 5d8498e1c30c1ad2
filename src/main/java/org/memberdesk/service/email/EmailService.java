package org.memberdesk.service.email;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.memberdesk.domain.AccessScope;
import org.memberdesk.domain.Coded;
import org.memberdesk.domain.Contact;
import org.memberdesk.domain.CredentialToken;
import org.memberdesk.domain.EmailKind;
import org.memberdesk.domain.EmailMessage;
import org.memberdesk.domain.EmailStatus;
import org.memberdesk.domain.MintedToken;
import org.memberdesk.domain.Offer;
import org.memberdesk.domain.OfferGrant;
import org.memberdesk.domain.TokenPurpose;
import org.memberdesk.mail.BouncePoller;
import org.memberdesk.mail.DeliveryEvent;
import org.memberdesk.mail.DeliveryListener;
import org.memberdesk.mail.Dispatcher;
import org.memberdesk.mail.LinkTokens;
import org.memberdesk.mail.LinkTtl;
import org.memberdesk.mail.Outbox;
import org.memberdesk.mail.PortalLinks;
import org.memberdesk.persistence.StorageProblem;
import org.memberdesk.persistence.Tx;
import org.memberdesk.service.Actor;
import org.memberdesk.service.AuditLog;
import org.memberdesk.service.Lookups;
import org.memberdesk.service.Transactions;
import org.memberdesk.service.UserError;
import org.memberdesk.service.credentials.LinkPurpose;
import org.memberdesk.service.credentials.LinkState;
import org.memberdesk.service.credentials.LoginDetails;
import org.memberdesk.service.credentials.Tokens;

/** Email History and the outbox: list, open, retry, find the original welcome, copy login details, deliver. */
public final class EmailService {

    private final Transactions tx;
    private final AuditLog audit;
    private final Clock clock;
    private final Outbox outbox;
    private final Dispatcher dispatcher;
    private final BouncePoller bounces;
    private final PortalLinks links;

    public EmailService(Transactions tx, AuditLog audit, Clock clock, Outbox outbox, Dispatcher dispatcher,
                        BouncePoller bounces, PortalLinks links) {
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
        this.outbox = outbox;
        this.dispatcher = dispatcher;
        this.bounces = bounces;
        this.links = links;
    }

    /** The contact's emails, newest first. */
    public List<EmailView> list(String contactEmail) {
        return tx.read(t -> views(t, Lookups.contact(t, contactEmail).getId()));
    }

    public List<EmailView> list(UUID contactId) {
        return tx.read(t -> views(t, requireContact(t, contactId).getId()));
    }

    /** Filtered by kind ("welcome", "reset-link", ...) and status ("failed", ...); null means any. */
    public List<EmailView> list(UUID contactId, String kind, String status) {
        EmailKind k = kind == null || kind.isBlank() ? null : parse(EmailKind.class, kind, "email kind");
        EmailStatus s = status == null || status.isBlank() ? null : parse(EmailStatus.class, status, "email status");
        return list(contactId).stream()
                .filter(e -> k == null || e.kind() == EmailView.Kind.of(k))
                .filter(e -> s == null || e.status() == EmailView.Status.of(s))
                .toList();
    }

    public EmailDetail detail(UUID emailId) {
        return tx.read(t -> {
            EmailMessage m = requireEmail(t, emailId);
            Instant now = clock.instant();
            List<EmailDetail.LinkView> minted = t.tokens().ofContact(m.getContact().getId()).stream()
                    .filter(token -> emailId.equals(token.getEmailMessageId()))
                    .map(token -> new EmailDetail.LinkView(LinkPurpose.of(token.getPurpose()),
                            LinkState.of(token.state(now)), token.getCreatedAt(), token.getExpiresAt(),
                            token.getFirstOpenedAt(), token.getUsedAt()))
                    .toList();
            return new EmailDetail(EmailView.of(m), m.getBodyText(), m.getBodyHtml(), m.getNextAttemptAt(),
                    m.getLinkPurpose() == null ? null : LinkPurpose.of(m.getLinkPurpose()), m.getLinkTtlSeconds(),
                    m.getStatus() == EmailStatus.FAILED || m.getStatus() == EmailStatus.BOUNCED, minted);
        });
    }

    /**
     * A new attempt of a failed email: the same message goes back in the queue, to the contact's
     * current address, with a fresh attempt budget; a link in it is minted anew when it is sent.
     */
    public EmailView retry(UUID emailId, Actor actor) {
        return tx.write(t -> retry(t, requireEmail(t, emailId), actor));
    }

    /** {@link #retry(UUID, Actor)} inside the caller's transaction, for the bulk retry beside it. */
    EmailView retry(Tx t, EmailMessage m, Actor actor) {
        if (m.getStatus() != EmailStatus.FAILED && m.getStatus() != EmailStatus.BOUNCED) {
            throw new UserError("only a failed email can be retried; this one is "
                    + m.getStatus().code());
        }
        int attempts = m.getAttempts();
        String lastReply = m.getLastReply();
        String before = m.getRecipient();
        outbox.retry(t, m);
        StringBuilder detail = new StringBuilder(m.getKind().code()).append(" '").append(m.getSubject())
                .append("' after ").append(attempts).append(attempts == 1 ? " attempt" : " attempts");
        if (lastReply != null) {
            detail.append("; last reply: ").append(lastReply);
        }
        if (!before.equals(m.getRecipient())) {
            detail.append("; now to ").append(m.getRecipient()).append(" instead of ").append(before);
        }
        audit.record(t, actor, "email.retried", m.getContact(), cut(detail.toString(), 3900));
        return EmailView.of(m);
    }

    /** For the command line: the id as typed. */
    public EmailView retry(String emailId, Actor actor) {
        UUID id;
        try {
            id = UUID.fromString(emailId == null ? "" : emailId.trim());
        } catch (IllegalArgumentException e) {
            throw new UserError("'" + emailId + "' is not an email id");
        }
        return retry(id, actor);
    }

    /** The first membership welcome email of this offer sent (or queued) to the contact. */
    public Optional<EmailView> originalWelcome(UUID contactId, UUID offerId) {
        return tx.read(t -> {
            List<EmailMessage> welcomes = t.emails().ofContactAndOffer(contactId, offerId, EmailKind.WELCOME);
            return welcomes.stream().filter(m -> m.getResendOfId() == null).findFirst()
                    .or(() -> welcomes.stream().findFirst())
                    .map(EmailView::of);
        });
    }

    public LoginDetails copyLoginDetails(UUID contactId, Actor actor) {
        return copyLoginDetails(contactId, null, actor);
    }

    /**
     * The emailed Client Portal links that Copy login details would cancel now, newest first: its new
     * set-password link supersedes them. None when the contact has a password (no link is made).
     */
    public List<EmailedLink> linksCopyingCancels(UUID contactId) {
        return tx.read(t -> {
            requireContact(t, contactId);
            if (hasPortalPassword(t, contactId)) {
                return List.of();
            }
            Instant now = clock.instant();
            return t.tokens().ofContact(contactId).stream()
                    .filter(token -> token.getScope() == AccessScope.MEMBERSHIP && token.getGroup() == null
                            && token.state(now) == CredentialToken.State.LIVE && token.getEmailMessageId() != null)
                    .flatMap(token -> t.emails().byId(token.getEmailMessageId()).stream())
                    .map(m -> new EmailedLink(m.getId(), m.getSubject(),
                            m.getSentAt() != null ? m.getSentAt() : m.getCreatedAt()))
                    .sorted(Comparator.comparing(EmailedLink::sentAt).reversed())
                    .toList();
        });
    }

    private static boolean hasPortalPassword(Tx t, UUID contactId) {
        return t.portalAccounts().ofContact(contactId).map(a -> a.getCredential().hasPassword()).orElse(false);
    }

    /**
     * Where and how the contact logs in: the offer's own login URL when it has one, else the
     * portal's; the login email; and, only when no portal password is set yet, a new set-password
     * link that supersedes older links. Audited without the link.
     */
    public LoginDetails copyLoginDetails(UUID contactId, UUID offerId, Actor actor) {
        return tx.write(t -> {
            Contact contact = requireContact(t, contactId);
            Offer offer = null;
            if (offerId != null) {
                offer = t.grants().of(contactId, offerId).map(OfferGrant::getOffer)
                        .orElseThrow(() -> new UserError(contact.getEmail() + " does not have that offer"));
            }
            Instant now = clock.instant();
            String base = links.base(t);
            String loginUrl = offer != null && offer.getLoginUrl() != null
                    ? offer.getLoginUrl()
                    : PortalLinks.login(base);
            boolean hasPassword = hasPortalPassword(t, contactId);
            String link = null;
            Instant expires = null;
            StringBuilder text = new StringBuilder()
                    .append("Log in at: ").append(loginUrl).append('\n')
                    .append("Login email: ").append(contact.getEmail()).append('\n');
            if (!hasPassword) {
                MintedToken minted = Tokens.mint();
                Duration ttl = LinkTtl.setPassword(t);
                CredentialToken token = LinkTokens.issue(t, contact, AccessScope.MEMBERSHIP, null,
                        TokenPurpose.SET_PASSWORD, minted.hash(), now, ttl, actor.origin(), null);
                link = PortalLinks.setPassword(base, minted.raw());
                expires = token.getExpiresAt();
                text.append("Choose your password (the link works once and expires in ").append(LinkTtl.describe(ttl))
                        .append("): ").append(link).append('\n');
            }
            audit.record(t, actor, "login-details.copied", contact,
                    (offer == null ? "" : offer.getName() + ": ") + "login URL and email"
                            + (hasPassword ? "" : " with a new set-password link"));
            return new LoginDetails(loginUrl, contact.getEmail(), offer == null ? null : offer.getName(), link, expires,
                    text.toString());
        });
    }

    // ---- delivery ----

    /** Delivers what is due now: one batch, or batch after batch until nothing due is left. */
    public OutboxRunResult runOutbox(boolean untilEmpty) {
        Dispatcher.Result result = untilEmpty ? dispatcher.runUntilEmpty() : dispatcher.runDue();
        return tx.read(t -> {
            Map<EmailStatus, Long> counts = t.emails().countByStatus();
            long waiting = counts.get(EmailStatus.QUEUED) + counts.get(EmailStatus.RETRYING);
            return new OutboxRunResult(result.sent(), result.retrying(), result.failed(), (int) waiting,
                    t.emails().nextDueAt().orElse(null));
        });
    }

    public OutboxCounts outboxCounts() {
        return tx.read(t -> {
            Map<EmailStatus, Long> c = t.emails().countByStatus();
            // a bounced email needs the agent as a failed one does: the status bar counts both as failed
            return new OutboxCounts(c.get(EmailStatus.QUEUED), c.get(EmailStatus.SENDING), c.get(EmailStatus.RETRYING),
                    c.get(EmailStatus.FAILED) + c.get(EmailStatus.BOUNCED), c.get(EmailStatus.SENT));
        });
    }

    /**
     * For the console and {@code portal serve}: deliver in the background, woken whenever mail is
     * queued, and read the bounce mailbox (when one is set) at its poll interval.
     */
    public void startBackgroundDelivery() {
        dispatcher.start();
        bounces.start();
    }

    public void stopBackgroundDelivery() {
        bounces.stop();
        dispatcher.stop();
    }

    /** Whether the bounce mailbox is being read in the background (it is while delivery runs). */
    public boolean bouncePollingRunning() {
        return bounces.isStarted();
    }

    /**
     * Reads the bounce mailbox now: a delivery status report of a permanent failure (5.x.x) marks its
     * sent email bounced, with the report's status and diagnostic. Nothing is read when no mailbox is set.
     */
    public BounceCheck checkBounces() {
        BouncePoller.Result result;
        try {
            result = bounces.poll();
        } catch (BouncePoller.MailboxProblem e) {
            throw new UserError(e.getMessage(), e);
        } catch (StorageProblem e) {
            throw Transactions.failure(e);
        }
        return new BounceCheck(result.configured(), result.reports(), result.bounced(), result.delayed(),
                result.unmatched());
    }

    public boolean backgroundDeliveryRunning() {
        return dispatcher.isStarted();
    }

    /** Subscribes to delivery progress; returns what unsubscribes. */
    public Runnable onDelivery(Consumer<DeliveryProgress> listener) {
        DeliveryListener adapter = event -> listener.accept(progress(event));
        dispatcher.addListener(adapter);
        return () -> dispatcher.removeListener(adapter);
    }

    private static DeliveryProgress progress(DeliveryEvent e) {
        return new DeliveryProgress(DeliveryProgress.Phase.of(e.type()), e.emailId(),
                e.contactId(), e.status() == null ? null : EmailView.Status.of(e.status()), e.batchSize(), e.done());
    }

    // ---- helpers ----

    private static List<EmailView> views(Tx t, UUID contactId) {
        return t.emails().ofContact(contactId).stream().map(EmailView::of).toList();
    }

    private static Contact requireContact(Tx t, UUID contactId) {
        return t.contacts().byId(contactId).orElseThrow(() -> new UserError("that contact no longer exists"));
    }

    private static EmailMessage requireEmail(Tx t, UUID emailId) {
        return t.emails().byId(emailId).orElseThrow(() -> new UserError("no email with id " + emailId));
    }

    private static <E extends Enum<E> & Coded> E parse(Class<E> type, String code, String what) {
        try {
            return Coded.fromCode(type, code);
        } catch (IllegalArgumentException e) {
            throw new UserError("unknown " + what + " '" + code.trim() + "'");
        }
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }
}
