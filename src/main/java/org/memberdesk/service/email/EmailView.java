package org.memberdesk.service.email;

import java.time.Instant;
import java.util.UUID;
import org.memberdesk.domain.EmailMessage;

/** One email of a contact's history. Bodies are as stored: any link in them is redacted. */
public record EmailView(UUID id, String kind, String status, String subject, String recipient, int attempts,
                        String lastReply, String messageId, String origin, String originDetail, Instant createdAt,
                        Instant sentAt, String offer, String group, UUID resendOfId) {

    public static EmailView of(EmailMessage m) {
        return new EmailView(m.getId(), m.getKind().code(), m.getStatus().code(), m.getSubject(), m.getRecipient(),
                m.getAttempts(), m.getLastReply(), m.getMessageId(), m.getOrigin().code(), m.getOriginDetail(),
                m.getCreatedAt(), m.getSentAt(), m.getOffer() == null ? null : m.getOffer().getName(),
                m.getGroup() == null ? null : m.getGroup().getName(), m.getResendOfId());
    }
}
