package org.memberdesk.ui.viewmodel.contact;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.memberdesk.service.AuditLog;
import org.memberdesk.service.communities.CommunityView;
import org.memberdesk.service.credentials.CredentialView;
import org.memberdesk.service.credentials.SeenPassword;
import org.memberdesk.service.credentials.LinkState;
import org.memberdesk.service.email.EmailDetail;
import org.memberdesk.service.email.EmailView;
import org.memberdesk.service.offers.GrantView;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.viewmodel.DisplayTime;
import org.memberdesk.ui.viewmodel.Tone;

/** Turns the service's codes and instants into the words and tones of the contact window. */
final class CardTexts {

    /** Kinds about the membership password as a whole rather than one offer. */
    private static final Set<EmailView.Kind> MEMBERSHIP_KINDS =
            EnumSet.of(EmailView.Kind.RESET_LINK, EmailView.Kind.PASSWORD_CHANGED);

    private final Messages messages;
    private final DisplayTime time;

    CardTexts(Messages messages, DisplayTime time) {
        this.messages = messages;
        this.time = time;
    }

    EmailRow email(EmailView email, boolean original) {
        return new EmailRow(email.id(), email.createdAt(), time.format(email.createdAt()), emailKind(email.kind()),
                about(email), email.subject(), emailStatus(email), emailTone(email.status()),
                sentBy(email.origin(), email.originDetail()), email.lastReply() == null ? "" : email.lastReply(),
                email.attempts(), email.kind(), email.status(), original);
    }

    private String about(EmailView email) {
        return email.offer() != null ? email.offer()
                : email.group() != null ? email.group()
                : MEMBERSHIP_KINDS.contains(email.kind()) ? messages.get("email.about.portal") : "";
    }

    OpenedEmail opened(EmailDetail detail, boolean original) {
        EmailView email = detail.email();
        boolean waiting = email.status() == EmailView.Status.QUEUED || email.status() == EmailView.Status.RETRYING;
        String nextTry = waiting && detail.nextAttemptAt() != null
                ? time.format(detail.nextAttemptAt()) : messages.get("detail.none");
        String sent = email.sentAt() == null ? messages.get("detail.notSent") : time.format(email.sentAt());
        String reply = email.lastReply() == null || email.lastReply().isBlank()
                ? messages.get("detail.noReply") : email.lastReply();
        String messageId = email.messageId() == null || email.messageId().isBlank()
                ? messages.get("detail.none") : email.messageId();
        return new OpenedEmail(email.id(), email.subject(), email.recipient(), emailKind(email.kind()), about(email),
                emailStatus(email), emailTone(email.status()), original,
                sentBy(email.origin(), email.originDetail()), time.format(email.createdAt()), sent,
                messages.get("emails.attempts", email.attempts()), nextTry, reply, messageId,
                detail.bodyHtml() == null ? "" : detail.bodyHtml(), detail.bodyText() == null ? "" : detail.bodyText(),
                links(detail), detail.retryable());
    }

    private List<LinkLine> links(EmailDetail detail) {
        List<LinkLine> lines = new ArrayList<>();
        for (EmailDetail.LinkView link : detail.links()) {
            lines.add(new LinkLine(label("link.purpose.", link.purpose().code()),
                    label("link.state.", link.state().code()), linkTone(link.state()), linkDates(link)));
        }
        if (lines.isEmpty() && detail.linkPurpose() != null) {
            lines.add(new LinkLine(label("link.purpose.", detail.linkPurpose().code()),
                    messages.get("link.state.notMinted"),
                    Tone.PENDING, messages.get("link.notMinted")));
        }
        return List.copyOf(lines);
    }

    private String linkDates(EmailDetail.LinkView link) {
        List<String> parts = new ArrayList<>();
        if (link.expiresAt() != null) {
            parts.add(messages.get(link.state() == LinkState.EXPIRED ? "link.expired" : "link.expires",
                    time.format(link.expiresAt())));
        }
        parts.add(link.firstOpenedAt() == null ? messages.get("link.neverOpened")
                : messages.get("link.opened", time.format(link.firstOpenedAt())));
        if (link.usedAt() != null) {
            parts.add(messages.get("link.used", time.format(link.usedAt())));
        }
        return String.join(" \u00b7 ", parts);
    }

    static Tone linkTone(LinkState state) {
        return switch (state) {
            case LIVE -> Tone.GOOD;
            case USED -> Tone.NEUTRAL;
            case EXPIRED, SUPERSEDED -> Tone.CAUTION;
            case REVOKED, UNKNOWN -> Tone.BAD;
        };
    }

    String format(Instant instant) {
        return time.format(instant);
    }

    OfferRow offer(GrantView grant) {
        String ends = switch (grant.status()) {
            case EXPIRED -> messages.get("offer.ended", time.format(grant.expiresAt()));
            case REVOKED -> "";
            case ACTIVE -> grant.expiresAt() == null
                    ? messages.get("offer.noEnd")
                    : messages.get("offer.endsAt", time.format(grant.expiresAt()));
        };
        String revoked = grant.revokedAt() == null ? ""
                : grant.revokeReason() == null || grant.revokeReason().isBlank()
                ? time.format(grant.revokedAt())
                : messages.get("offer.revokedBecause", time.format(grant.revokedAt()), grant.revokeReason());
        return new OfferRow(grant.id(), grant.offer(), label("offer.status.", grant.status().code()),
                offerTone(grant.status()), grant.active(), time.format(grant.grantedAt()), ends, revoked,
                grant.status());
    }

    CommunityRow community(CommunityView community) {
        return new CommunityRow(community.membershipId(), community.group(), credential(community.credential()));
    }

    CredentialState credential(CredentialView credential) {
        String password = credential.passwordSet()
                ? credential.passwordSetAt() == null
                ? messages.get("credential.passwordSet")
                : messages.get("credential.passwordSetAt", time.format(credential.passwordSetAt()))
                : messages.get("credential.noPassword");
        String lastLogin = credential.lastLoginAt() == null
                ? messages.get("credential.neverLoggedIn")
                : time.format(credential.lastLoginAt());
        String lock = credential.locked()
                ? credential.lockedUntil() == null
                ? messages.get("credential.locked")
                : messages.get("credential.lockedUntil", time.format(credential.lockedUntil()))
                : messages.get("credential.notLocked");
        return new CredentialState(password, credential.passwordSet() ? Tone.GOOD : Tone.CAUTION,
                credential.passwordSet(), lastLogin, lock, credential.locked() ? Tone.BAD : Tone.GOOD,
                credential.locked(), SeenPassword.of(credential));
    }

    String emailKind(EmailView.Kind kind) {
        return label("email.kind.", kind.code());
    }

    String emailStatus(EmailView.Status status) {
        return label("email.status.", status.code());
    }

    /** The status, and for a bounced email the status its delivery status report gave ("Bounced (5.1.1)"). */
    String emailStatus(EmailView email) {
        if (email.status() == EmailView.Status.BOUNCED && email.bounceStatus() != null) {
            return messages.get("email.status.bouncedWith", email.bounceStatus());
        }
        return emailStatus(email.status());
    }

    String sentBy(AuditLog.Origin origin, String detail) {
        boolean named = detail != null && !detail.isBlank();
        return switch (origin) {
            case AGENT -> named ? detail : messages.get("origin.agent");
            case WORKFLOW -> named ? messages.get("origin.workflowNamed", detail) : messages.get("origin.workflow");
            case SELF_SERVICE, SYSTEM -> label("origin.", origin.code());
        };
    }

    static Tone emailTone(EmailView.Status status) {
        return switch (status) {
            case SENT -> Tone.GOOD;
            case FAILED, BOUNCED -> Tone.BAD;
            case RETRYING -> Tone.CAUTION;
            case QUEUED, SENDING -> Tone.PENDING;
        };
    }

    static Tone offerTone(GrantView.Status status) {
        return switch (status) {
            case ACTIVE -> Tone.GOOD;
            case REVOKED -> Tone.BAD;
            case EXPIRED -> Tone.NEUTRAL;
        };
    }

    /** A code's label from the bundle; a code this console does not know yet is shown as it is. */
    private String label(String prefix, String code) {
        return messages.getOrDefault(prefix + code.toLowerCase(Locale.ROOT), code);
    }
}
