package org.memberdesk.mail;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.memberdesk.domain.EmailMessage;
import org.memberdesk.domain.EmailStatus;
import org.memberdesk.persistence.Tx;

/**
 * What a delivery status report does to the outbox. It is matched to its email by the Message-ID
 * the outbox gave it (email id and attempt; only the attempt last sent matches) or by the VERP
 * return path it was sent to ({@link VerpAddress}). A permanent failure (5.x.x) marks a sent email
 * bounced; a delay (4.x.x) changes nothing.
 */
final class BounceMatch {

    private static final Pattern OUR_MESSAGE_ID = Pattern.compile(
            "<?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\\.\\d+@[^>]*>?");

    /**
     * BOUNCED, DELAYED, DONE (nothing to change): the report is processed. UNMATCHED: about no email
     * of ours. LATER: about an email still being sent, to read again at the next poll.
     */
    enum Outcome { BOUNCED, DELAYED, DONE, UNMATCHED, LATER }

    private BounceMatch() {
    }

    static Outcome apply(Tx t, DeliveryReport report) {
        Optional<EmailMessage> found = byMessageId(t, report.originalMessageId());
        if (found.isEmpty()) {
            found = report.deliveredTo().stream().map(VerpAddress::emailId).flatMap(Optional::stream)
                    .map(id -> t.emails().byId(id)).flatMap(Optional::stream).findFirst();
        }
        if (found.isEmpty()) {
            return Outcome.UNMATCHED;
        }
        EmailMessage email = found.get();
        Optional<DeliveryReport.Recipient> line = report.about(email.getRecipient());
        if (line.isEmpty()) {
            return Outcome.UNMATCHED;
        }
        DeliveryReport.Recipient recipient = line.get();
        if (email.getStatus() == EmailStatus.SENDING) {
            return Outcome.LATER;
        }
        if (!recipient.permanentFailure()) {
            return "delayed".equals(recipient.action()) || recipient.status() != null
                    && recipient.status().startsWith("4.") ? Outcome.DELAYED : Outcome.DONE;
        }
        if (email.getStatus() != EmailStatus.SENT) {
            // bounced already, or retried since: this report is about an earlier attempt
            return Outcome.DONE;
        }
        email.markBounced(recipient.status(), recipient.diagnostic());
        return Outcome.BOUNCED;
    }

    /** Our Message-IDs carry the email's id and attempt; only the attempt last sent matches. */
    private static Optional<EmailMessage> byMessageId(Tx t, String messageId) {
        if (messageId == null) {
            return Optional.empty();
        }
        Matcher m = OUR_MESSAGE_ID.matcher(messageId.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        UUID id = UUID.fromString(m.group(1));
        String wanted = normalize(messageId);
        return t.emails().byId(id).filter(e -> e.getMessageId() == null || normalize(e.getMessageId()).equals(wanted)
                || e.getStatus() == EmailStatus.SENDING);
    }

    private static String normalize(String messageId) {
        return messageId.trim().replaceAll("^<|>$", "").toLowerCase(Locale.ROOT);
    }
}
