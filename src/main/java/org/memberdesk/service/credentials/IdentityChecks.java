package org.memberdesk.service.credentials;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.memberdesk.domain.AuditEvent;
import org.memberdesk.domain.Contact;
import org.memberdesk.domain.CredentialToken;
import org.memberdesk.domain.EmailKind;
import org.memberdesk.domain.EmailMessage;
import org.memberdesk.mail.EmailComposer;
import org.memberdesk.mail.Outbox;
import org.memberdesk.persistence.Tx;
import org.memberdesk.service.Actor;
import org.memberdesk.service.AuditLog;
import org.memberdesk.service.JoinsTransaction;
import org.memberdesk.service.Lookups;
import org.memberdesk.service.Transactions;
import org.memberdesk.service.UserError;
import org.memberdesk.service.email.EmailView;
import org.memberdesk.service.email.StoredTemplates;

/**
 * How an agent makes sure the caller is the contact: the rules (which changes need a check) and
 * the emailed code. The agent sends a six-digit code to the address on file, the caller reads it
 * back, the agent types it; a check by {@link IdentityCheck.Method#EMAIL_CODE} then holds for
 * {@link #CHECK_HOLDS_FOR}, and only while the address is still the one the code went to.
 */
public final class IdentityChecks {

    /** "required" (the default) or "optional": an email change without a check. */
    public static final String EMAIL_CHANGE_SETTING = "identity.rule.email-change";
    /** "required" (the default) or "optional": a recovery link or phone code without a check. */
    public static final String RECOVERY_SETTING = "identity.rule.recovery";
    public static final Duration CODE_TTL = Duration.ofMinutes(10);
    public static final int CODE_TRIES = 5;
    public static final int CODES_PER_HOUR = 5;
    public static final Duration CHECK_HOLDS_FOR = Duration.ofMinutes(30);

    /** Which changes need the agent to say how the caller was verified. */
    public record Rules(boolean emailChangeRequired, boolean recoveryRequired) {
    }

    /** A code on its way to the address on file. */
    public record CodeSent(EmailView email, Instant expiresAt) {
    }

    /** What typing a code gave: right (verified until), or wrong with the tries left. */
    public record CodeCheck(boolean correct, int triesLeft, Instant holdsUntil) {
    }

    private final Transactions tx;
    private final AuditLog audit;
    private final Clock clock;
    private final Outbox outbox;
    private final EmailComposer composer;

    public IdentityChecks(Transactions tx, AuditLog audit, Clock clock, Outbox outbox, EmailComposer composer) {
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
        this.outbox = outbox;
        this.composer = composer;
    }

    // ---- the rules ----

    public Rules rules() {
        return tx.read(t -> new Rules(emailChangeRequired(t), recoveryRequired(t)));
    }

    /** Changes a rule; null leaves it as it is. Audited. */
    public Rules setRules(Boolean emailChangeRequired, Boolean recoveryRequired, Actor actor) {
        return tx.write(t -> {
            Instant now = clock.instant();
            Rules before = new Rules(emailChangeRequired(t), recoveryRequired(t));
            if (emailChangeRequired != null) {
                t.settings().put(EMAIL_CHANGE_SETTING, word(emailChangeRequired), now);
            }
            if (recoveryRequired != null) {
                t.settings().put(RECOVERY_SETTING, word(recoveryRequired), now);
            }
            Rules after = new Rules(emailChangeRequired(t), recoveryRequired(t));
            if (!after.equals(before)) {
                audit.record(t, actor, "identity.rules-changed", null, "email change "
                        + word(after.emailChangeRequired()) + ", recovery link or code " + word(after.recoveryRequired()));
            }
            return after;
        });
    }

    private static String word(boolean required) {
        return required ? "required" : "optional";
    }

    static boolean emailChangeRequired(Tx t) {
        return !"optional".equals(t.settings().get(EMAIL_CHANGE_SETTING).orElse("required"));
    }

    static boolean recoveryRequired(Tx t) {
        return !"optional".equals(t.settings().get(RECOVERY_SETTING).orElse("required"));
    }

    /**
     * Before an email change, in its transaction: refused with {@link VerificationNeeded} without a
     * check when the rule requires one; a check by emailed code must have been passed (see
     * {@link #confirm}). Returns the words for the audit event, or null without a check.
     */
    @JoinsTransaction(JoinsTransaction.Callers.EVERY_SERVICE)
    public static String forEmailChange(Tx t, Contact contact, IdentityCheck identity, Instant now) {
        if (identity == null) {
            if (emailChangeRequired(t)) {
                throw new VerificationNeeded("an email change sends every future link to the new address: say how you"
                        + " verified that the caller is " + contact.getEmail() + " (" + IdentityCheck.codes() + ")");
            }
            return null;
        }
        confirm(t, contact, identity, now);
        return identity.audited();
    }

    /** Out-of-band recovery: the same, under its own rule. */
    static void forRecovery(Tx t, Contact contact, IdentityCheck identity, Instant now) {
        if (identity == null) {
            if (recoveryRequired(t)) {
                throw new VerificationNeeded("a recovery link or code goes to whoever is on the line: say how you"
                        + " verified that the caller is the contact (" + IdentityCheck.codes() + ")");
            }
            return;
        }
        confirm(t, contact, identity, now);
    }

    /**
     * A check by emailed code stands only when a code sent to the contact's current address was
     * typed right within {@link #CHECK_HOLDS_FOR}; the other methods are the agent's word.
     */
    static void confirm(Tx t, Contact contact, IdentityCheck identity, Instant now) {
        if (identity == null || identity.method() != IdentityCheck.Method.EMAIL_CODE) {
            return;
        }
        boolean checked = t.tokens().callerCodes(contact.getId()).stream()
                .anyMatch(code -> code.getUsedAt() != null && !code.getUsedAt().isBefore(now.minus(CHECK_HOLDS_FOR))
                        && contact.getEmail().equals(sentTo(t, code)));
        if (!checked) {
            throw new UserError("no emailed code was read back correctly for " + contact.getEmail() + " in the last "
                    + CHECK_HOLDS_FOR.toMinutes() + " minutes: send a code, and type what the caller reads out");
        }
    }

    private static String sentTo(Tx t, CredentialToken code) {
        return code.getEmailMessageId() == null ? null
                : t.emails().byId(code.getEmailMessageId()).map(EmailMessage::getRecipient).orElse(null);
    }

    // ---- the emailed code ----

    /**
     * Queues a six-digit code to the contact's address; the dispatcher makes it when it sends (a newer
     * code replaces the older). At most {@link #CODES_PER_HOUR} an hour, so the desk cannot flood a
     * mailbox.
     */
    public CodeSent sendCode(String contactEmail, Actor actor) {
        return tx.write(t -> {
            Contact contact = Lookups.contact(t, contactEmail);
            Instant now = clock.instant();
            List<Instant> recent = t.emails().createdSince(contact.getId(),
                    java.util.EnumSet.of(EmailKind.VERIFICATION_CODE), now.minus(Duration.ofHours(1)));
            if (recent.size() >= CODES_PER_HOUR) {
                throw new UserError(CODES_PER_HOUR + " codes went to " + contact.getEmail() + " in the last hour;"
                        + " the next can be sent at " + recent.get(recent.size() - CODES_PER_HOUR).plus(Duration.ofHours(1))
                        + ". Verify the caller another way");
            }
            EmailMessage message = outbox.enqueue(t, contact,
                    composer.withSource(StoredTemplates.within(t)).verificationCode(contact, CODE_TTL),
                    actor.origin(), actor.name());
            audit.record(t, actor, "identity.code-sent", contact, "to " + contact.getEmail() + ", valid "
                    + CODE_TTL.toMinutes() + " minutes");
            return new CodeSent(EmailView.of(message), now.plus(CODE_TTL));
        });
    }

    /**
     * Checks the code the caller read back against the contact's live one. A wrong code counts a try;
     * the {@link #CODE_TRIES}th kills it. The Argon2 check runs outside the write lock.
     */
    public CodeCheck checkCode(String contactEmail, String typed, Actor actor) {
        String code = CallerCode.normalize(typed)
                .orElseThrow(() -> new UserError("the code has " + CallerCode.DIGITS + " digits, as in the email"));
        Optional<CredentialToken> live = tx.read(t -> {
            Contact contact = Lookups.contact(t, contactEmail);
            Instant now = clock.instant();
            return t.tokens().callerCodes(contact.getId()).stream()
                    .filter(c -> c.state(now) == CredentialToken.State.LIVE).findFirst();
        });
        if (live.isEmpty()) {
            throw new UserError("no code is waiting for " + contactEmail.strip() + ": send one first (it works for "
                    + CODE_TTL.toMinutes() + " minutes, and only once it has been sent)");
        }
        boolean right = CallerCode.matches(code, live.get().getTokenHash());
        UUID id = live.get().getId();
        return tx.write(t -> {
            Instant now = clock.instant();
            CredentialToken current = t.find(CredentialToken.class, id);
            if (current == null || current.state(now) != CredentialToken.State.LIVE) {
                throw new UserError("that code no longer works (a newer one was sent, or it expired): send another");
            }
            if (right) {
                current.markUsed(now);
                audit.record(t, actor, "identity.code-checked", current.getContact(),
                        "the caller read back the code sent to " + current.getContact().getEmail());
                return new CodeCheck(true, 0, now.plus(CHECK_HOLDS_FOR));
            }
            current.recordFailedTry(now, CODE_TRIES);
            int left = Math.max(0, CODE_TRIES - current.getFailedTries());
            audit.record(t, actor, "identity.code-checked", current.getContact(), left == 0
                    ? "wrong code; it was typed wrong " + CODE_TRIES + " times and no longer works"
                    : "wrong code, " + left + " tries left", AuditEvent.Outcome.REFUSED);
            return new CodeCheck(false, left, null);
        });
    }

    /** Refused: the rule needs the agent to say how the caller was verified. */
    public static final class VerificationNeeded extends UserError {
        VerificationNeeded(String message) {
            super(message);
        }
    }
}
