package org.memberdesk.service.email;

import java.time.Instant;
import java.util.UUID;
import org.memberdesk.domain.EmailKind;
import org.memberdesk.domain.EmailMessage;
import org.memberdesk.domain.EmailStatus;
import org.memberdesk.service.AuditLog;
import org.memberdesk.service.StateCode;

/**
 * One email of a contact's history. Bodies are as stored: any link in them is redacted.
 *
 * @param bounceStatus     a bounced email's status from the delivery status report ("5.1.1"), else null
 * @param bounceDiagnostic what the recipient's server said in that report, when it said anything
 */
public record EmailView(UUID id, Kind kind, Status status, String subject, String recipient, int attempts,
                        String lastReply, String messageId, AuditLog.Origin origin, String originDetail,
                        Instant createdAt, Instant sentAt, String offer, String group, UUID resendOfId,
                        String bounceStatus, String bounceDiagnostic) {

    /** An email that has not bounced. */
    public EmailView(UUID id, Kind kind, Status status, String subject, String recipient, int attempts,
                     String lastReply, String messageId, AuditLog.Origin origin, String originDetail,
                     Instant createdAt, Instant sentAt, String offer, String group, UUID resendOfId) {
        this(id, kind, status, subject, recipient, attempts, lastReply, messageId, origin, originDetail, createdAt,
                sentAt, offer, group, resendOfId, null, null);
    }

    public static EmailView of(EmailMessage m) {
        return new EmailView(m.getId(), Kind.of(m.getKind()), Status.of(m.getStatus()), m.getSubject(),
                m.getRecipient(), m.getAttempts(), m.getLastReply(), m.getMessageId(),
                AuditLog.Origin.of(m.getOrigin()), m.getOriginDetail(), m.getCreatedAt(), m.getSentAt(),
                m.getOffer() == null ? null : m.getOffer().getName(),
                m.getGroup() == null ? null : m.getGroup().getName(), m.getResendOfId(), m.getBounceStatus(),
                m.getBounceDiagnostic());
    }

    /** What an email is for. */
    public enum Kind implements StateCode {
        WELCOME,
        RESET_LINK,
        PASSWORD_CHANGED,
        COMMUNITY_WELCOME,
        COMMUNITY_RESET_LINK,
        COMMUNITY_PASSWORD_CHANGED,
        TEST,
        ADDRESS_CHANGED,
        VERIFICATION_CODE,
        LOGIN_LINK;

        /** The code, so a state in a message reads as it does in JSON. */
        @Override
        public String toString() {
            return code();
        }

        public static Kind of(EmailKind kind) {
            return switch (kind) {
                case WELCOME -> WELCOME;
                case RESET_LINK -> RESET_LINK;
                case PASSWORD_CHANGED -> PASSWORD_CHANGED;
                case COMMUNITY_WELCOME -> COMMUNITY_WELCOME;
                case COMMUNITY_RESET_LINK -> COMMUNITY_RESET_LINK;
                case COMMUNITY_PASSWORD_CHANGED -> COMMUNITY_PASSWORD_CHANGED;
                case TEST -> TEST;
                case ADDRESS_CHANGED -> ADDRESS_CHANGED;
                case VERIFICATION_CODE -> VERIFICATION_CODE;
                case LOGIN_LINK -> LOGIN_LINK;
            };
        }
    }

    /** Where an email is on its way out: queued -> sending -> sent | retrying | failed; sent -> bounced. */
    public enum Status implements StateCode {
        QUEUED, SENDING, SENT, RETRYING, FAILED,
        /** Sent, then refused by the recipient's server: a delivery status report said so later. */
        BOUNCED;

        /** The code, so a state in a message reads as it does in JSON. */
        @Override
        public String toString() {
            return code();
        }

        /** Queued, sending or retrying: it will still change. */
        public boolean inFlight() {
            return this == QUEUED || this == SENDING || this == RETRYING;
        }

        public static Status of(EmailStatus status) {
            return switch (status) {
                case QUEUED -> QUEUED;
                case SENDING -> SENDING;
                case SENT -> SENT;
                case RETRYING -> RETRYING;
                case FAILED -> FAILED;
                case BOUNCED -> BOUNCED;
            };
        }
    }
}
