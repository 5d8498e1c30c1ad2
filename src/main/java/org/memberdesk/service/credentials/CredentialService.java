package org.memberdesk.service.credentials;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.memberdesk.domain.AccessScope;
import org.memberdesk.domain.AuditEvent;
import org.memberdesk.domain.CommunityGroup;
import org.memberdesk.domain.CommunityMembership;
import org.memberdesk.domain.Contact;
import org.memberdesk.domain.Credential;
import org.memberdesk.domain.CredentialToken;
import org.memberdesk.domain.EmailKind;
import org.memberdesk.domain.EmailMessage;
import org.memberdesk.domain.MintedToken;
import org.memberdesk.domain.Offer;
import org.memberdesk.domain.OfferGrant;
import org.memberdesk.domain.PortalAccount;
import org.memberdesk.domain.TokenPurpose;
import org.memberdesk.mail.ComposedEmail;
import org.memberdesk.mail.EmailComposer;
import org.memberdesk.mail.LinkTokens;
import org.memberdesk.mail.LinkTtl;
import org.memberdesk.mail.Outbox;
import org.memberdesk.mail.PortalLinks;
import org.memberdesk.persistence.Tx;
import org.memberdesk.service.Actor;
import org.memberdesk.service.AuditLog;
import org.memberdesk.service.JoinsTransaction;
import org.memberdesk.service.Lookups;
import org.memberdesk.service.Transactions;
import org.memberdesk.service.UserError;
import org.memberdesk.service.contacts.ContactSummary;
import org.memberdesk.service.email.EmailView;
import org.memberdesk.service.email.StoredTemplates;

/**
 * The ways an agent, a workflow or the contact gets back in: resend an offer's welcome email,
 * send a reset link, set a password, unlock. Membership (Client Portal) and each community group
 * are separate credentials; every method names the one it touches by an optional group name.
 */
public final class CredentialService {

    public static final int RESET_EMAILS_PER_HOUR = 5;
    public static final Duration RATE_WINDOW = Duration.ofHours(1);
    /** The same welcome again sooner than this is asked about first. */
    public static final Duration RESEND_AGAIN_AFTER = Duration.ofMinutes(10);
    public static final int WELCOME_RESENDS_PER_HOUR = 10;
    /** How long a code read out by phone works, and how many wrong tries kill it. */
    public static final Duration CODE_TTL = Duration.ofMinutes(15);
    public static final int CODE_TRIES = 5;
    public static final Duration MIN_AGENT_TTL = Duration.ofHours(1);
    public static final Duration MAX_AGENT_TTL = Duration.ofHours(72);

    private static final Pattern PASSWORD_SET_HOW = Pattern.compile(
            "(contact notified|no notification), \\d+ link\\(s\\) revoked|through a [a-z_-]+ link");
    /** Emails that carry a way in and count towards the hourly limit: reset links and sign-in links. */
    private static final EnumSet<EmailKind> RESET_KINDS = EnumSet.of(EmailKind.RESET_LINK, EmailKind.COMMUNITY_RESET_LINK,
            EmailKind.LOGIN_LINK);

    /** What the agent confirms before a reset link goes out. */
    public record ResetLinkPreview(String recipient, String access, Duration defaultTtl, int sentInLastHour,
                                   Instant nextAllowedAt) {
        public boolean allowed() {
            return nextAllowedAt == null;
        }
    }

    /** A recovery link, shown once: the only place its raw token ever is. */
    public record RecoveryLink(String contactEmail, String access, String link, Instant expiresAt) {
        @Override
        public String toString() {
            return "RecoveryLink[" + contactEmail + ", " + access + ", expires " + expiresAt + "]";
        }
    }

    /** A code by phone, shown once, spaced for reading out ("0471 8263"), and the page where it is typed. */
    public record RecoveryCode(String contactEmail, String access, String code, Instant expiresAt, String pageUrl) {
        @Override
        public String toString() {
            return "RecoveryCode[" + contactEmail + ", " + access + ", expires " + expiresAt + "]";
        }
    }

    /** The outcome of a password change. Never the password. */
    public record PasswordChange(ContactSummary contact, String access, int linksRevoked, EmailView notification) {
    }

    /** A link as the portal sees it when opened: its state, and for whom and which door it is. */
    public record LinkCheck(LinkState state, LinkPurpose purpose, AccessType access, String groupSlug,
                            String contactEmail, Instant expiresAt) {
        public boolean live() {
            return state == LinkState.LIVE;
        }
    }

    private final Transactions tx;
    private final AuditLog audit;
    private final Clock clock;
    private final Outbox outbox;
    private final EmailComposer composer;
    private final PortalLinks links;
    private final PasswordPolicy policy = new PasswordPolicy();
    private final PasswordHasher hasher = new PasswordHasher();
    private final PhoneCode phoneCodes = new PhoneCode(hasher);
    private final PassphraseGenerator passphrases = new PassphraseGenerator();

    public CredentialService(Transactions tx, AuditLog audit, Clock clock, Outbox outbox, EmailComposer composer,
                             PortalLinks links) {
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
        this.outbox = outbox;
        this.composer = composer;
        this.links = links;
    }

    // ---- Offers -> Resend ----

    /**
     * Queues the offer's welcome email again, now, without touching the password. Only for an
     * active offer; linked to the original welcome as a resend.
     */
    public EmailView resendWelcome(String contactEmail, String offerName, Actor actor) {
        return resendWelcome(contactEmail, offerName, false, actor);
    }

    /**
     * {@link #resendWelcome(String, String, Actor)} with its guardrails: refused with
     * {@link ResendTooSoon} when the same welcome went to the same address less than
     * {@link #RESEND_AGAIN_AFTER} ago, unless {@code again}; refused with {@link RateLimited} past {@link #WELCOME_RESENDS_PER_HOUR}
     * resends an hour, and when the resend would mint a set-password link beyond the hourly limit of
     * reset emails (such a link is one more way in, so it counts as one).
     */
    public EmailView resendWelcome(String contactEmail, String offerName, boolean again, Actor actor) {
        try {
            return tx.write(t -> {
                Contact contact = Lookups.contact(t, contactEmail);
                Offer offer = Lookups.offer(t, offerName);
                Instant now = clock.instant();
                OfferGrant grant = t.grants().of(contact.getId(), offer.getId())
                        .orElseThrow(() -> new UserError(contact.getEmail() + " does not have " + offer.getName()
                                + ": grant the offer first"));
                if (!grant.isActive(now)) {
                    throw new UserError(offer.getName() + " is " + grant.status(now).code() + " for "
                            + contact.getEmail() + ": only an active offer's welcome email can be resent");
                }
                checkResendGuardrails(t, contact, offer, again, now);
                EmailMessage message = queueWelcome(t, contact, offer, actor, true);
                audit.record(t, actor, "credentials.welcome-resent", contact, offer.getName());
                return EmailView.of(message);
            });
        } catch (RateLimited refused) {
            recordRefusal(contactEmail, actor, "credentials.welcome-resent", refused.getMessage());
            throw refused;
        }
    }

    private void checkResendGuardrails(Tx t, Contact contact, Offer offer, boolean again, Instant now) {
        List<EmailMessage> welcomes = t.emails().ofContactAndOffer(contact.getId(), offer.getId(), EmailKind.WELCOME);
        EmailMessage last = welcomes.isEmpty() ? null : welcomes.get(welcomes.size() - 1);
        // To an address the contact no longer has, it was another email (the typo an agent just fixed).
        if (!again && last != null && last.getRecipient().equalsIgnoreCase(contact.getEmail())
                && last.getCreatedAt().isAfter(now.minus(RESEND_AGAIN_AFTER))) {
            throw new ResendTooSoon(contact.getEmail(), offer.getName(), last.getCreatedAt(), now);
        }
        Instant hourAgo = now.minus(RATE_WINDOW);
        List<Instant> resends = t.emails().queuedByAgentsSince(contact.getId(), EmailKind.WELCOME, null, hourAgo);
        if (resends.size() >= WELCOME_RESENDS_PER_HOUR) {
            throw new RateLimited(WELCOME_RESENDS_PER_HOUR + " welcome emails were resent to " + contact.getEmail()
                    + " in the last hour; the next can be resent at "
                    + resends.get(resends.size() - WELCOME_RESENDS_PER_HOUR).plus(RATE_WINDOW));
        }
        if (!portalAccount(t, contact).getCredential().hasPassword()) {
            List<Instant> linksOut = recentResets(t, contact);
            Instant next = nextAllowed(linksOut);
            if (next != null) {
                throw new RateLimited(RESET_EMAILS_PER_HOUR + " emails with a link to choose a password went to "
                        + contact.getEmail() + " in the last hour, and this welcome would carry one more;"
                        + " the next can be sent at " + next);
            }
        }
    }

    /**
     * Queues the membership welcome of an offer in the caller's transaction: the one path for an
     * agent's Resend and a workflow's "Send Membership Welcome Email".
     */
    @JoinsTransaction
    public EmailMessage queueWelcome(Tx t, Contact contact, Offer offer, Actor actor, boolean asResend) {
        PortalAccount account = portalAccount(t, contact);
        java.util.UUID original = asResend
                ? t.emails().firstIdOf(contact.getId(), offer.getId(), EmailKind.WELCOME).orElse(null)
                : null;
        return queueWelcome(t, contact, offer, actor, account, original);
    }

    /**
     * The same, with what it reads about the contact already read by the caller (a workflow reads it
     * for a whole batch of contacts in one query): the contact's portal account (null: none yet, one is
     * made) and the first welcome of this offer that this one repeats (null: none).
     */
    @JoinsTransaction
    public EmailMessage queueWelcome(Tx t, Contact contact, Offer offer, Actor actor, PortalAccount account,
                                     java.util.UUID resendOf) {
        boolean hasPassword = (account != null ? account : portalAccount(t, contact)).getCredential().hasPassword();
        ComposedEmail welcome = composer(t).welcome(links.base(t), contact, offer, hasPassword, LinkTtl.setPassword(t));
        return outbox.enqueue(t, contact, welcome, actor.origin(), actor.name(), resendOf);
    }

    // ---- Send Reset Link ----

    public ResetLinkPreview previewResetLink(String contactEmail, String groupName) {
        return tx.read(t -> {
            Target target = target(t, contactEmail, groupName);
            List<Instant> recent = recentResets(t, target.contact());
            return new ResetLinkPreview(target.contact().getEmail(), target.access(), LinkTtl.agentReset(t),
                    recent.size(), nextAllowed(recent));
        });
    }

    /**
     * Queues a reset link by email. {@code ttl} null means the configured default (24 h); an agent
     * may choose 1 to 72 hours. A newer link supersedes the older ones when it is minted.
     */
    public EmailView sendResetLink(String contactEmail, String groupName, Duration ttl, Actor actor) {
        if (ttl != null && (ttl.compareTo(MIN_AGENT_TTL) < 0 || ttl.compareTo(MAX_AGENT_TTL) > 0)) {
            throw new UserError("a reset link may last from 1 to 72 hours");
        }
        try {
            return tx.write(t -> {
                Target target = target(t, contactEmail, groupName);
                Duration lifetime = ttl != null ? ttl : LinkTtl.agentReset(t);
                EmailMessage message = queueReset(t, target, lifetime, actor);
                audit.record(t, actor, "credentials.reset-link-sent", target.contact(),
                        target.access() + ", link valid " + LinkTtl.describe(lifetime));
                return EmailView.of(message);
            });
        } catch (RateLimited refused) {
            recordRefusal(contactEmail, actor, "credentials.reset-link-sent", refused.getMessage());
            throw refused;
        }
    }

    /**
     * A recovery link to paste: a single-use reset link that is shown once to the agent and never
     * emailed, for a contact whose mail does not arrive. The same rules as a reset link: only its hash
     * is stored, it lasts 1 to 72 hours ({@code ttl} null: the configured default), it supersedes the
     * credential's older links, and it counts towards the hourly limit of reset emails. It goes to
     * whoever is on the line, so the agent must say how the caller was verified ({@code identity}).
     */
    public RecoveryLink recoveryLink(String contactEmail, String groupName, Duration ttl, IdentityCheck identity,
                                     Actor actor) {
        if (ttl != null && (ttl.compareTo(MIN_AGENT_TTL) < 0 || ttl.compareTo(MAX_AGENT_TTL) > 0)) {
            throw new UserError("a recovery link may last from 1 to 72 hours");
        }
        try {
            return tx.write(t -> {
                Target target = target(t, contactEmail, groupName);
                IdentityChecks.forRecovery(t, target.contact(), identity, clock.instant());
                Instant next = nextAllowed(recentResets(t, target.contact()));
                if (next != null) {
                    throw new RateLimited(RESET_EMAILS_PER_HOUR + " reset links went to " + target.contact().getEmail()
                            + " in the last hour; the next can be made at " + next);
                }
                Duration lifetime = ttl != null ? ttl : LinkTtl.agentReset(t);
                Instant now = clock.instant();
                MintedToken minted = Tokens.mint();
                CredentialToken token = LinkTokens.issue(t, target.contact(), target.scope(), target.group(),
                        TokenPurpose.RESET, minted.hash(), now, lifetime, actor.origin(), null);
                String base = links.base(t);
                String link = target.group() == null ? PortalLinks.reset(base, minted.raw())
                        : PortalLinks.communityReset(base, target.group().getSlug(), minted.raw());
                audit.record(t, actor, "credentials.recovery-link-made", target.contact(), target.access()
                        + ", link valid " + LinkTtl.describe(lifetime) + ", shown to the agent, not emailed, "
                        + audited(identity));
                return new RecoveryLink(target.contact().getEmail(), target.access(), link, token.getExpiresAt());
            });
        } catch (RateLimited refused) {
            recordRefusal(contactEmail, actor, "credentials.recovery-link-made", refused.getMessage());
            throw refused;
        }
    }

    /**
     * A code by phone: eight digits the agent reads out, never emailed. The contact types their
     * email and the code on the portal's "I have a code" page and then chooses a password. It works
     * for {@link #CODE_TTL}, dies at the {@link #CODE_TRIES}th wrong try, is stored as an Argon2id
     * hash, supersedes the credential's older links and counts towards the hourly reset limit. The
     * agent must say how the caller was verified ({@code identity}).
     */
    public RecoveryCode recoveryCode(String contactEmail, String groupName, IdentityCheck identity, Actor actor) {
        String code = PhoneCode.generate();
        String hash = phoneCodes.hash(code);
        try {
            return tx.write(t -> {
                Target target = target(t, contactEmail, groupName);
                IdentityChecks.forRecovery(t, target.contact(), identity, clock.instant());
                Instant next = nextAllowed(recentResets(t, target.contact()));
                if (next != null) {
                    throw new RateLimited(RESET_EMAILS_PER_HOUR + " reset links and codes went to "
                            + target.contact().getEmail() + " in the last hour; the next can be made at " + next);
                }
                CredentialToken token = LinkTokens.issue(t, target.contact(), target.scope(), target.group(),
                        TokenPurpose.CODE, hash, clock.instant(), CODE_TTL, actor.origin(), null);
                audit.record(t, actor, "credentials.recovery-code-made", target.contact(), target.access()
                        + ", valid " + LinkTtl.describe(CODE_TTL) + ", read out by the agent, not emailed, "
                        + audited(identity));
                return new RecoveryCode(target.contact().getEmail(), target.access(), PhoneCode.spoken(code),
                        token.getExpiresAt(), PortalLinks.code(links.base(t),
                                target.group() == null ? null : target.group().getSlug()));
            });
        } catch (RateLimited refused) {
            recordRefusal(contactEmail, actor, "credentials.recovery-code-made", refused.getMessage());
            throw refused;
        }
    }

    /**
     * The portal's "I have a code": trades a live code of this email's contact (membership, or the
     * group {@code groupSlug}) for a fresh single-use reset token, raw, to choose a password with.
     * Empty for an unknown email, a wrong, used, expired or dead code alike; a wrong code counts
     * against the contact's live codes. The Argon2 checks run outside the write lock.
     */
    public Optional<String> redeemCode(String email, String groupSlug, String typedCode) {
        Optional<String> code = PhoneCode.normalize(typedCode);
        if (code.isEmpty()) {
            return Optional.empty();
        }
        List<CredentialToken> live = tx.read(t -> findQuietly(t, email)
                .map(contact -> liveCodes(t, contact, groupSlug)).orElse(List.of()));
        if (live.isEmpty()) {
            phoneCodes.decoy(code.get());
            return Optional.empty();
        }
        Optional<UUID> matched = live.stream()
                .filter(token -> phoneCodes.matches(code.get(), token.getTokenHash()))
                .map(CredentialToken::getId).findFirst();
        Actor self = Actor.selfService();
        return tx.write(t -> {
            Instant now = clock.instant();
            if (matched.isEmpty()) {
                for (CredentialToken token : live) {
                    CredentialToken current = t.find(CredentialToken.class, token.getId());
                    if (current != null && current.state(now) == CredentialToken.State.LIVE) {
                        current.recordFailedTry(now, CODE_TRIES);
                        if (current.state(now) != CredentialToken.State.LIVE) {
                            audit.record(t, self, "credentials.recovery-code-used", current.getContact(),
                                    "the code was typed wrong " + CODE_TRIES + " times and no longer works",
                                    AuditEvent.Outcome.REFUSED);
                        }
                    }
                }
                return Optional.<String>empty();
            }
            CredentialToken token = t.find(CredentialToken.class, matched.get());
            if (token == null || token.state(now) != CredentialToken.State.LIVE) {
                return Optional.<String>empty();
            }
            token.markUsed(now);
            MintedToken minted = Tokens.mint();
            LinkTokens.issue(t, token.getContact(), token.getScope(), token.getGroup(), TokenPurpose.RESET,
                    minted.hash(), now, CODE_TTL, self.origin(), null);
            audit.record(t, self, "credentials.recovery-code-used", token.getContact(),
                    (token.getGroup() == null ? "membership (Client Portal)" : "community group " + token.getGroup().getName())
                            + ", the contact typed the code on the portal and may now choose a password");
            return Optional.of(minted.raw());
        });
    }

    private List<CredentialToken> liveCodes(Tx t, Contact contact, String groupSlug) {
        Instant now = clock.instant();
        return t.tokens().ofContact(contact.getId()).stream()
                .filter(token -> token.getPurpose() == TokenPurpose.CODE && token.state(now) == CredentialToken.State.LIVE)
                .filter(token -> groupSlug == null ? token.getGroup() == null
                        : token.getGroup() != null && token.getGroup().getSlug().equals(groupSlug))
                .toList();
    }

    /**
     * Forgot Password on the portal: queues a self-service reset (60 minutes) for a real contact and
     * does nothing otherwise. Never says which, never throws for an unknown address.
     */
    public void requestSelfServiceReset(String email, String groupSlug) {
        try {
            tx.write(t -> {
                Optional<Contact> contact = findQuietly(t, email);
                if (contact.isEmpty()) {
                    return null;
                }
                Optional<Target> target = groupSlug == null
                        ? Optional.of(membershipTarget(t, contact.get()))
                        : t.communities().byName(groupSlug)
                                .flatMap(g -> t.communities().membership(contact.get().getId(), g.getId()))
                                .map(m -> communityTarget(contact.get(), m));
                if (target.isEmpty()) {
                    return null;
                }
                Actor self = Actor.selfService();
                queueReset(t, target.get(), LinkTtl.selfServiceReset(t), self);
                audit.record(t, self, "credentials.reset-link-sent", contact.get(),
                        target.get().access() + ", requested on the portal");
                return null;
            });
        } catch (RateLimited refused) {
            recordRefusal(email, Actor.selfService(), "credentials.reset-link-sent", refused.getMessage());
        }
    }

    /**
     * Queues a membership reset link in the caller's transaction for a workflow's "Send Reset
     * Link": the same path and the same hourly limit as an agent's (a refusal throws
     * {@link RateLimited} before anything is written). {@code ttl} null means the configured default.
     */
    @JoinsTransaction
    public EmailMessage queueMembershipReset(Tx t, Contact contact, Duration ttl, Actor actor) {
        Duration lifetime = ttl != null ? ttl : LinkTtl.agentReset(t);
        return queueReset(t, membershipTarget(t, contact), lifetime, actor);
    }

    /**
     * Queues a sign-in link to the contact's membership, under the hourly limit of reset emails (a
     * refusal throws {@link RateLimited} before anything is written).
     */
    EmailMessage queueLoginLink(Tx t, Contact contact, Duration ttl, Actor actor) {
        Instant next = nextAllowed(recentResets(t, contact));
        if (next != null) {
            throw new RateLimited(RESET_EMAILS_PER_HOUR + " emails with a way in went to " + contact.getEmail()
                    + " in the last hour; the next can be sent at " + next);
        }
        portalAccount(t, contact);
        return outbox.enqueue(t, contact, composer(t).loginLink(links.base(t), contact, ttl), actor.origin(),
                actor.name());
    }

    /** When the next email with a way in may go to this contact; null now. */
    Instant nextWayInAllowed(Tx t, Contact contact) {
        return nextAllowed(recentResets(t, contact));
    }

    private EmailMessage queueReset(Tx t, Target target, Duration ttl, Actor actor) {
        List<Instant> recent = recentResets(t, target.contact());
        Instant next = nextAllowed(recent);
        if (next != null) {
            throw new RateLimited(RESET_EMAILS_PER_HOUR + " reset emails went to " + target.contact().getEmail()
                    + " in the last hour; the next can be sent at " + next);
        }
        String base = links.base(t);
        ComposedEmail email = target.group() == null
                ? composer(t).resetLink(base, target.contact(), ttl)
                : composer(t).communityResetLink(base, target.contact(), target.group(), ttl);
        return outbox.enqueue(t, target.contact(), email, actor.origin(), actor.name());
    }

    /**
     * The links of the last hour to choose a password: reset emails, welcomes an agent resent with a
     * set-password link, and recovery links and phone codes handed to an agent; oldest first.
     */
    private List<Instant> recentResets(Tx t, Contact contact) {
        Instant since = clock.instant().minus(RATE_WINDOW);
        List<Instant> all = new ArrayList<>(t.emails().createdSince(contact.getId(), RESET_KINDS, since));
        all.addAll(t.emails().queuedByAgentsSince(contact.getId(), EmailKind.WELCOME, TokenPurpose.SET_PASSWORD, since));
        all.addAll(t.tokens().handedOutSince(contact.getId(), since));
        all.sort(null);
        return all;
    }

    /** With the limit reached, the moment the oldest email in the window leaves it; otherwise null. */
    private static Instant nextAllowed(List<Instant> recentOldestFirst) {
        if (recentOldestFirst.size() < RESET_EMAILS_PER_HOUR) {
            return null;
        }
        return recentOldestFirst.get(recentOldestFirst.size() - RESET_EMAILS_PER_HOUR).plus(RATE_WINDOW);
    }

    // ---- Change Password ----

    public Optional<String> passwordProblem(String password, String contactEmail) {
        return policy.problem(password, contactEmail);
    }

    public String generatePassword() {
        return passphrases.generate();
    }

    /**
     * Sets a password chosen by the agent. Revokes every outstanding link of that credential and
     * ends its portal sessions (sessions older than the new password are refused). Emails the
     * contact only when {@code notify} is true.
     */
    public PasswordChange setPassword(String contactEmail, String groupName, String newPassword, boolean notify,
                                      Actor actor) {
        return setPassword(contactEmail, groupName, null, newPassword, notify, actor);
    }

    /**
     * {@link #setPassword(String, String, String, boolean, Actor)}, chosen by an agent who saw the
     * password as {@code seen}: refused with {@link UserError.ChangedMeanwhile}, changing nothing,
     * when it was set (by anyone, the contact on the portal too) or cleared since. Null checks nothing.
     */
    public PasswordChange setPassword(String contactEmail, String groupName, SeenPassword seen, String newPassword,
                                      boolean notify, Actor actor) {
        return setPassword(contactEmail, groupName, seen, newPassword, notify, null, actor);
    }

    /** {@link #setPassword(String, String, SeenPassword, String, boolean, Actor)}, with how the caller was verified (optional) in the audit event. */
    public PasswordChange setPassword(String contactEmail, String groupName, SeenPassword seen, String newPassword,
                                      boolean notify, IdentityCheck identity, Actor actor) {
        String hash = hashOutsideTheWriteLock(newPassword);
        return tx.write(t -> {
            Target target = target(t, contactEmail, groupName);
            if (seen != null && !seen.stillCurrent(target.credential())) {
                throw changedMeanwhile(t, target);
            }
            IdentityChecks.confirm(t, target.contact(), identity, clock.instant());
            policy.check(newPassword, target.contact().getEmail());
            int revoked = changePassword(t, target, hash, null, false);
            EmailMessage notification = notify ? queueChanged(t, target, actor) : null;
            audit.record(t, actor, "credentials.password-set", target.contact(), target.access()
                    + (notify ? ", contact notified" : ", no notification") + ", " + revoked + " link(s) revoked"
                    + (identity == null ? "" : ", " + identity.audited()));
            return new PasswordChange(ContactSummary.of(target.contact()), target.access(), revoked,
                    notification == null ? null : EmailView.of(notification));
        });
    }

    /**
     * The password of this credential as it is now, for a Change Password that starts from it
     * (after a refused save, Reload): refused when the contact is not a member of {@code groupName}.
     */
    public SeenPassword seen(String contactEmail, String groupName) {
        return tx.read(t -> {
            Credential credential = target(t, contactEmail, groupName).credential();
            return new SeenPassword(credential.hasPassword(), credential.getPasswordSetAt());
        });
    }

    /** Who set this password meanwhile, or, now that there is none, whose email change cleared it. */
    private UserError.ChangedMeanwhile changedMeanwhile(Tx t, Target target) {
        Credential credential = target.credential();
        String access = target.access();
        return credential.hasPassword()
                ? audit.changedMeanwhile(t, target.contact().getId(), List.of("credentials.password-set"),
                        access, detail -> isPasswordSetOf(detail, access), credential.getPasswordSetAt())
                : audit.changedMeanwhile(t, target.contact().getId(), List.of("contact.email-changed"), null, null);
    }

    /** The detail of a "credentials.password-set" is the access, then how (as written below and in completeLink). */
    private static boolean isPasswordSetOf(String detail, String access) {
        return detail != null && detail.startsWith(access + ", ")
                && PASSWORD_SET_HOW.matcher(detail.substring(access.length() + 2)).matches();
    }

    /**
     * Hashes before the transaction: Argon2 takes tens of milliseconds and may queue for its turn in
     * a sign-in flood, which must never happen while this process holds the database's write lock.
     * A password the policy refuses anyway is not hashed (null); the transaction then refuses it
     * with the policy's reason, after its own checks, as before.
     */
    private String hashOutsideTheWriteLock(String newPassword) {
        return policy.problem(newPassword, null).isPresent() ? null : hasher.hashNormalized(newPassword);
    }

    /**
     * {@code hash}: of the new password, made before the transaction; {@code throughLink}: chosen
     * through a link; {@code mailedTo}: the address it was mailed to (null if not mailed).
     */
    private int changePassword(Tx t, Target target, String hash, String mailedTo, boolean throughLink) {
        Instant now = clock.instant();
        if (throughLink) {
            target.credential().setPasswordThroughLink(hash, now, mailedTo);
        } else {
            target.credential().setPasswordHash(hash, now);
        }
        int revoked = 0;
        for (CredentialToken token : t.tokens().ofCredential(target.contact().getId(), target.scope(),
                target.group() == null ? null : target.group().getId())) {
            if (token.state(now) == CredentialToken.State.LIVE) {
                token.revoke(now);
                revoked++;
            }
        }
        return revoked;
    }

    private EmailMessage queueChanged(Tx t, Target target, Actor actor) {
        String base = links.base(t);
        Instant now = clock.instant();
        ComposedEmail email = target.group() == null
                ? composer(t).passwordChanged(base, target.contact(), now)
                : composer(t).communityPasswordChanged(base, target.contact(), target.group(), now);
        return outbox.enqueue(t, target.contact(), email, actor.origin(), actor.name());
    }

    // ---- Unlock ----

    /** Lifts a lock left by repeated failed logins. Returns false (and changes nothing) when not locked. */
    public boolean unlock(String contactEmail, String groupName, Actor actor) {
        return unlock(contactEmail, groupName, null, actor);
    }

    /** {@link #unlock(String, String, Actor)}, with how the caller was verified (optional) in the audit event. */
    public boolean unlock(String contactEmail, String groupName, IdentityCheck identity, Actor actor) {
        return tx.write(t -> {
            Target target = target(t, contactEmail, groupName);
            if (!target.credential().isLocked(clock.instant())) {
                return false;
            }
            IdentityChecks.confirm(t, target.contact(), identity, clock.instant());
            target.credential().unlock();
            audit.record(t, actor, "credentials.unlocked", target.contact(), target.access()
                    + (identity == null ? "" : ", " + identity.audited()));
            return true;
        });
    }

    // ---- Links opened and used on the portal ----

    /**
     * What a link is, as the portal shows it. Opening never consumes it (scanners open links); the
     * first opening is recorded so diagnostics can spot a scanner.
     */
    public LinkCheck openLink(String rawToken) {
        return tx.write(t -> {
            Optional<CredentialToken> found = byRawToken(t, rawToken);
            if (found.isEmpty()) {
                return new LinkCheck(LinkState.UNKNOWN, null, null, null, null, null);
            }
            CredentialToken token = found.get();
            token.recordOpened(clock.instant());
            revokeIfMailedElsewhere(t, token);
            return check(token);
        });
    }

    /**
     * Sets the password through a live link: marks it used, revokes the other links of that
     * credential, unlocks, and queues a "your password was changed" email. A link for another door
     * (membership vs a community group) is refused as unknown.
     */
    public LinkCheck completeLink(String rawToken, String expectedGroupSlug, String newPassword) {
        String hash = hashOutsideTheWriteLock(newPassword);
        return tx.write(t -> {
            CredentialToken token = byRawToken(t, rawToken)
                    .filter(tok -> tok.getPurpose() != TokenPurpose.LOGIN) // a sign-in link sets no password
                    .filter(tok -> java.util.Objects.equals(expectedGroupSlug,
                            tok.getGroup() == null ? null : tok.getGroup().getSlug()))
                    .orElseThrow(() -> new UserError("this link is not valid"));
            Instant now = clock.instant();
            revokeIfMailedElsewhere(t, token);
            CredentialToken.State state = token.state(now);
            if (state != CredentialToken.State.LIVE) {
                throw new UserError(LinkState.of(state).explain());
            }
            Target target = token.getGroup() == null
                    ? membershipTarget(t, token.getContact())
                    : communityTarget(token.getContact(), t.communities()
                            .membership(token.getContact().getId(), token.getGroup().getId())
                            .orElseThrow(() -> new UserError("this link is not valid")));
            policy.check(newPassword, target.contact().getEmail());
            changePassword(t, target, hash, mailedTo(t, token), true);
            token.markUsed(now);
            Actor self = Actor.selfService();
            queueChanged(t, target, self);
            audit.record(t, self, "credentials.password-set", target.contact(),
                    target.access() + ", through a " + token.getPurpose().code() + " link");
            return check(token);
        });
    }

    /** The address the link's email went to; null for a link that was not mailed (copied by an agent). */
    private static String mailedTo(Tx t, CredentialToken token) {
        return token.getEmailMessageId() == null ? null
                : t.emails().byId(token.getEmailMessageId()).map(EmailMessage::getRecipient).orElse(null);
    }

    /**
     * A link mailed to an address that is no longer the contact's belongs to whoever reads that
     * address: it is cancelled when opened or used (an email change cancels them all; this also
     * covers links left from before that rule).
     */
    private void revokeIfMailedElsewhere(Tx t, CredentialToken token) {
        Instant now = clock.instant();
        if (token.state(now) != CredentialToken.State.LIVE) {
            return;
        }
        String mailedTo = mailedTo(t, token);
        if (mailedTo != null && !mailedTo.equals(token.getContact().getEmail())) {
            token.revoke(now);
        }
    }

    private LinkCheck check(CredentialToken token) {
        return new LinkCheck(LinkState.of(token.state(clock.instant())), LinkPurpose.of(token.getPurpose()),
                AccessType.of(token.getScope()), token.getGroup() == null ? null : token.getGroup().getSlug(),
                token.getContact().getEmail(), token.getExpiresAt());
    }

    private static Optional<CredentialToken> byRawToken(Tx t, String rawToken) {
        if (rawToken == null || !rawToken.matches("[A-Za-z0-9_-]{43}")) {
            return Optional.empty();
        }
        return t.tokens().byHash(Tokens.hash(rawToken));
    }

    private static String audited(IdentityCheck identity) {
        return identity == null ? "caller not verified (not required)" : identity.audited();
    }

    /** The composer over the stored templates, read through {@code t} (never a second connection inside a write). */
    private EmailComposer composer(Tx t) {
        return composer.withSource(StoredTemplates.within(t));
    }

    // ---- which credential ----

    /** One credential of one contact: the membership portal account, or one community membership. */
    private record Target(Contact contact, AccessScope scope, CommunityGroup group, Credential credential) {
        String access() {
            return group == null ? "membership (Client Portal)" : "community group " + group.getName();
        }
    }

    private Target target(Tx t, String contactEmail, String groupName) {
        Contact contact = Lookups.contact(t, contactEmail);
        if (groupName == null || groupName.isBlank()) {
            return membershipTarget(t, contact);
        }
        CommunityGroup group = Lookups.group(t, groupName);
        CommunityMembership membership = t.communities().membership(contact.getId(), group.getId())
                .orElseThrow(() -> new UserError(contact.getEmail() + " is not a member of " + group.getName()));
        return communityTarget(contact, membership);
    }

    private Target membershipTarget(Tx t, Contact contact) {
        return new Target(contact, AccessScope.MEMBERSHIP, null, portalAccount(t, contact).getCredential());
    }

    private static Target communityTarget(Contact contact, CommunityMembership membership) {
        return new Target(contact, AccessScope.COMMUNITY, membership.getGroup(), membership.getCredential());
    }

    private PortalAccount portalAccount(Tx t, Contact contact) {
        return t.portalAccounts().ofContact(contact.getId()).orElseGet(() -> {
            PortalAccount account = new PortalAccount(contact, clock.instant());
            t.persist(account);
            return account;
        });
    }

    private static Optional<Contact> findQuietly(Tx t, String email) {
        if (email == null || email.isBlank() || email.length() > 320) {
            return Optional.empty();
        }
        return t.contacts().byEmail(email);
    }

    /** A refusal in the audit log, in a transaction of its own (the refused one wrote nothing). */
    void recordRefusal(String contactEmail, Actor actor, String action, String why) {
        tx.write(t -> {
            Contact contact = findQuietly(t, contactEmail).orElse(null);
            audit.record(t, actor, action, contact, why, AuditEvent.Outcome.REFUSED);
            return null;
        });
    }

    /** The same welcome again within {@link #RESEND_AGAIN_AFTER}: the agent is asked first (the CLI needs --again). */
    public static final class ResendTooSoon extends UserError {
        private final String offer;
        private final Instant lastSentAt;

        ResendTooSoon(String contactEmail, String offer, Instant lastSentAt, Instant now) {
            super("the " + offer + " welcome email already went to " + contactEmail + " "
                    + ago(Duration.between(lastSentAt, now)) + ", at " + lastSentAt
                    + "; resend it again only if it did not arrive");
            this.offer = offer;
            this.lastSentAt = lastSentAt;
        }

        private static String ago(Duration elapsed) {
            return elapsed.toMinutes() < 1 ? "less than a minute ago" : elapsed.toMinutes() + " minute(s) ago";
        }

        public String offer() {
            return offer;
        }

        public Instant lastSentAt() {
            return lastSentAt;
        }
    }

    /** The sixth reset email within the hour. */
    public static final class RateLimited extends UserError {
        RateLimited(String message) {
            super(message);
        }
    }
}
