package org.memberdesk.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.UuidGenerator;

/**
 * One email in the outbox and, once sent, in the contact's Email History. The stored bodies
 * never hold a live token: a message that carries a link stores it redacted, and the
 * dispatcher mints the real link when it renders the message for SMTP.
 */
@Entity
@Table(name = "email_message")
public class EmailMessage {

    @Id
    @GeneratedValue
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "contact_id", nullable = false)
    private Contact contact;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    private EmailKind kind;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "offer_id")
    private Offer offer;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "group_id")
    private CommunityGroup group;

    @Column(nullable = false, length = 320)
    private String recipient;

    @Column(nullable = false, length = 1000)
    private String subject;

    @Column(name = "body_text", nullable = false, length = 100000)
    private String bodyText;

    @Column(name = "body_html", nullable = false, length = 200000)
    private String bodyHtml;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private EmailStatus status = EmailStatus.QUEUED;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "last_reply", length = 2000)
    private String lastReply;

    @Column(name = "message_id", length = 500)
    private String messageId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Origin origin;

    /** The agent's name or the workflow's name. */
    @Column(name = "origin_detail", length = 200)
    private String originDetail;

    @Column(name = "resend_of_id")
    private UUID resendOfId;

    /** Set when the message carries a link that the dispatcher mints at send time. */
    @Enumerated(EnumType.STRING)
    @Column(name = "link_purpose", length = 20)
    private TokenPurpose linkPurpose;

    @Column(name = "link_ttl_seconds")
    private Long linkTtlSeconds;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "lease_owner", length = 100)
    private String leaseOwner;

    @Column(name = "lease_until")
    private Instant leaseUntil;

    /** Attempts made before the last manual retry; the retry budget counts only the attempts after it. */
    @Column(name = "attempts_before_retry", nullable = false)
    private int attemptsBeforeRetry;

    /** The status a delivery status report gave (RFC 3463, "5.1.1") when the message bounced after it was sent. */
    @Column(name = "bounce_status", length = 20)
    private String bounceStatus;

    /** The remote server's words in that report (its Diagnostic-Code), when it gave them. */
    @Column(name = "bounce_diagnostic", length = 1000)
    private String bounceDiagnostic;

    protected EmailMessage() {
    }

    public EmailMessage(Contact contact, EmailKind kind, String subject, String bodyText, String bodyHtml,
                        Origin origin, String originDetail, Instant now) {
        this.contact = contact;
        this.kind = kind;
        this.recipient = contact.getEmail();
        this.subject = subject;
        this.bodyText = bodyText;
        this.bodyHtml = bodyHtml;
        this.origin = origin;
        this.originDetail = originDetail;
        this.createdAt = now;
        this.nextAttemptAt = now;
    }

    public EmailMessage forOffer(Offer forOffer) {
        this.offer = forOffer;
        return this;
    }

    public EmailMessage forGroup(CommunityGroup forGroup) {
        this.group = forGroup;
        return this;
    }

    public EmailMessage resendOf(UUID original) {
        this.resendOfId = original;
        return this;
    }

    /** Addressed to {@code address} rather than the contact's current email (the notice to an old address). */
    public EmailMessage addressedTo(String address) {
        this.recipient = address;
        return this;
    }

    public EmailMessage withLink(TokenPurpose purpose, long ttlSeconds) {
        this.linkPurpose = purpose;
        this.linkTtlSeconds = ttlSeconds;
        return this;
    }

    public void markSent(Instant now, String reply, String smtpMessageId) {
        this.status = EmailStatus.SENT;
        this.sentAt = now;
        this.lastReply = reply;
        this.messageId = smtpMessageId;
        this.leaseOwner = null;
        this.leaseUntil = null;
    }

    public void markRetrying(Instant nextAttempt, String reply) {
        this.status = EmailStatus.RETRYING;
        this.nextAttemptAt = nextAttempt;
        this.lastReply = reply;
        this.leaseOwner = null;
        this.leaseUntil = null;
    }

    public void markFailed(String reply) {
        this.status = EmailStatus.FAILED;
        this.lastReply = reply;
        this.leaseOwner = null;
        this.leaseUntil = null;
    }

    /**
     * A sent message that the recipient's server refused after accepting it, as its delivery status
     * report says: the report's status and diagnostic become the last reply.
     */
    public void markBounced(String dsnStatus, String diagnostic) {
        if (status != EmailStatus.SENT) {
            throw new InvalidInputException("only a sent email can bounce; this one is " + status.code());
        }
        this.status = EmailStatus.BOUNCED;
        this.bounceStatus = dsnStatus;
        this.bounceDiagnostic = diagnostic;
        String reply = "bounced: " + dsnStatus + (diagnostic == null ? "" : " " + diagnostic);
        this.lastReply = reply.length() <= 1900 ? reply : reply.substring(0, 1900) + "…";
    }

    /**
     * Whether this message carries a link but is addressed to an address the contact no longer has
     * (the address changed after it was queued): whoever reads that address must not get the link.
     */
    public boolean linkForFormerAddress() {
        return linkPurpose != null && !recipient.equals(contact.getEmail());
    }

    /** Fails a message whose link would go to an address the contact no longer has; it is never sent. */
    public void cancelForChangedAddress() {
        markFailed("not sent: the contact's email address was changed to " + contact.getEmail()
                + " before it went out; its link would have gone to " + recipient);
    }

    /** Puts a failed message back in the queue for a new attempt now. */
    public void requeue(Instant now) {
        this.status = EmailStatus.QUEUED;
        this.nextAttemptAt = now;
        this.leaseOwner = null;
        this.leaseUntil = null;
    }

    /** For demo data: the next attempt waits until then. */
    public void postpone(Instant until) {
        this.nextAttemptAt = until;
    }

    public void countAttempt() {
        this.attempts++;
    }

    /** Starts one delivery attempt under the dispatcher's lease: the row says "sending" while SMTP talks. */
    public void startAttempt(Instant leaseExpiry) {
        this.status = EmailStatus.SENDING;
        this.attempts++;
        this.leaseUntil = leaseExpiry;
    }

    /**
     * Takes back an attempt that was started but never reached the server (the dispatcher stopped
     * first): the message waits as it did before, and the attempt does not count against its budget.
     */
    public void abandonAttempt(EmailStatus before) {
        if (status != EmailStatus.SENDING) {
            return;
        }
        this.status = before;
        this.attempts--;
        this.leaseOwner = null;
        this.leaseUntil = null;
    }

    /** Attempts since the message was first queued or last retried by hand. */
    public int attemptsSinceRetry() {
        return attempts - attemptsBeforeRetry;
    }

    /**
     * A new attempt of a failed message, asked for by someone: back in the queue with a fresh
     * attempt budget, addressed to the contact's current email (the old one may have been the problem).
     */
    public void retry(Instant now, String currentRecipient, String newSubject, String newBodyText,
                      String newBodyHtml) {
        if (status != EmailStatus.FAILED && status != EmailStatus.BOUNCED) {
            throw new InvalidInputException("only a failed email can be retried; this one is "
                    + status.code());
        }
        this.recipient = currentRecipient;
        this.subject = newSubject;
        this.bodyText = newBodyText;
        this.bodyHtml = newBodyHtml;
        this.attemptsBeforeRetry = attempts;
        this.bounceStatus = null;
        this.bounceDiagnostic = null;
        requeue(now);
    }

    /** For demo data: records a past delivery outcome. */
    public void recordHistory(EmailStatus newStatus, int attemptCount, String reply, Instant sent) {
        this.status = newStatus;
        this.attempts = attemptCount;
        this.lastReply = reply;
        this.sentAt = sent;
    }

    public UUID getId() {
        return id;
    }

    public Contact getContact() {
        return contact;
    }

    public EmailKind getKind() {
        return kind;
    }

    public Offer getOffer() {
        return offer;
    }

    public CommunityGroup getGroup() {
        return group;
    }

    public String getRecipient() {
        return recipient;
    }

    public String getSubject() {
        return subject;
    }

    public String getBodyText() {
        return bodyText;
    }

    public String getBodyHtml() {
        return bodyHtml;
    }

    public EmailStatus getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public String getLastReply() {
        return lastReply;
    }

    public String getMessageId() {
        return messageId;
    }

    public Origin getOrigin() {
        return origin;
    }

    public String getOriginDetail() {
        return originDetail;
    }

    public UUID getResendOfId() {
        return resendOfId;
    }

    public TokenPurpose getLinkPurpose() {
        return linkPurpose;
    }

    public Long getLinkTtlSeconds() {
        return linkTtlSeconds;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public String getLeaseOwner() {
        return leaseOwner;
    }

    public Instant getLeaseUntil() {
        return leaseUntil;
    }

    public int getAttemptsBeforeRetry() {
        return attemptsBeforeRetry;
    }

    public String getBounceStatus() {
        return bounceStatus;
    }

    public String getBounceDiagnostic() {
        return bounceDiagnostic;
    }
}
