package org.memberdesk.mail;

import java.time.Clock;
import java.util.UUID;
import org.memberdesk.domain.Contact;
import org.memberdesk.domain.EmailKind;
import org.memberdesk.domain.EmailMessage;
import org.memberdesk.domain.Origin;
import org.memberdesk.persistence.CommitSignal;
import org.memberdesk.persistence.Tx;

/**
 * The one way into the outbox. A message is written in the caller's transaction, so it is
 * committed together with whatever caused it and before any SMTP traffic; the dispatcher is
 * woken only once that transaction has committed.
 */
public final class Outbox {

    private final Clock clock;
    private final CommitSignal committed = new CommitSignal();

    public Outbox(Clock clock) {
        this.clock = clock;
    }

    public EmailMessage enqueue(Tx t, Contact contact, ComposedEmail email, Origin origin, String originDetail) {
        return enqueue(t, contact, email, origin, originDetail, null);
    }

    /** Queues a message; {@code resendOf} names the email this one repeats (a resent welcome), or null. */
    public EmailMessage enqueue(Tx t, Contact contact, ComposedEmail email, Origin origin, String originDetail,
                               UUID resendOf) {
        return enqueue(t, contact, null, email, origin, originDetail, resendOf);
    }

    /**
     * Queues a message without a link to an address that is no longer the contact's (the notice
     * that the address changed goes to the old one).
     */
    public EmailMessage enqueueTo(Tx t, Contact contact, String recipient, ComposedEmail email, Origin origin,
                                  String originDetail) {
        if (email.carriesLink()) {
            throw new IllegalArgumentException("a link goes only to the contact's current address");
        }
        return enqueue(t, contact, recipient, email, origin, originDetail, null);
    }

    private EmailMessage enqueue(Tx t, Contact contact, String recipient, ComposedEmail email, Origin origin,
                                 String originDetail, UUID resendOf) {
        EmailMessage message = new EmailMessage(contact, email.kind(), email.subject(), email.text(), email.html(),
                origin, originDetail, clock.instant());
        if (recipient != null) {
            message.addressedTo(recipient);
        }
        if (email.offer() != null) {
            message.forOffer(email.offer());
        }
        if (email.group() != null) {
            message.forGroup(email.group());
        }
        if (resendOf != null) {
            message.resendOf(resendOf);
        }
        if (email.carriesLink()) {
            message.withLink(email.linkPurpose(), email.linkTtl().toSeconds());
        }
        t.persist(message);
        committed.afterCommitOf(t);
        return message;
    }

    /**
     * A new attempt of a failed message: same row, back in the queue now, sent to the contact's
     * current address. Where the address changed, the old one is replaced in the stored bodies too
     * (the welcome names the login email).
     */
    public void retry(Tx t, EmailMessage failed) {
        String before = failed.getRecipient();
        // the notice that the address changed is for the old address, whatever the contact's is now
        String now = failed.getKind() == EmailKind.ADDRESS_CHANGED ? before : failed.getContact().getEmail();
        String subject = failed.getSubject();
        String text = failed.getBodyText();
        String html = failed.getBodyHtml();
        if (!before.equals(now)) {
            text = text.replace(before, now);
            html = html.replace(before, now).replace(escapeHtml(before), escapeHtml(now));
        }
        failed.retry(clock.instant(), now, subject, text, html);
        committed.afterCommitOf(t);
    }

    /** Called after a transaction that queued mail has committed (the dispatcher's wake-up). */
    public void onQueued(Runnable wakeUp) {
        committed.subscribe(wakeUp);
    }

    private static String escapeHtml(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;").replace("=", "&#61;").replace("`", "&#96;");
    }
}
