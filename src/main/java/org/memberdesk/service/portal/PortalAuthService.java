package org.memberdesk.service.portal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.memberdesk.domain.AccessScope;
import org.memberdesk.domain.CommunityGroup;
import org.memberdesk.domain.CommunityMembership;
import org.memberdesk.domain.Contact;
import org.memberdesk.domain.Credential;
import org.memberdesk.domain.CredentialToken;
import org.memberdesk.domain.EmailAddress;
import org.memberdesk.domain.InvalidInputException;
import org.memberdesk.domain.LoginFailure;
import org.memberdesk.domain.LoginThrottle;
import org.memberdesk.domain.MintedToken;
import org.memberdesk.domain.PortalAccount;
import org.memberdesk.domain.PortalSession;
import org.memberdesk.domain.TokenPurpose;
import org.memberdesk.domain.TriggerType;
import org.memberdesk.persistence.Tx;
import org.memberdesk.service.Actor;
import org.memberdesk.service.AuditLog;
import org.memberdesk.service.Lookups;
import org.memberdesk.service.Transactions;
import org.memberdesk.service.credentials.CredentialService;
import org.memberdesk.service.credentials.PasswordHasher;
import org.memberdesk.service.credentials.SignInLinks;
import org.memberdesk.service.credentials.Tokens;
import org.memberdesk.service.workflow.TriggerLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signing in and out of the Client Portal and of each community group's door, the sessions that
 * follow, and Forgot Password as the portal asks for it.
 *
 * <p>Each door checks its own credential only: the membership door the contact's portal account, a
 * community door that group's membership; a password never opens the other door. Failed sign-ins
 * count towards a lock (5 within 15 minutes lock for 15 minutes, all three stored settings). An
 * address with no password at the door (unknown, or not a member) is throttled and locked the same
 * way and costs the same password hashing, so neither the answer nor its timing tells whether the
 * address has an account.
 *
 * <p>Each failed sign-in of a known contact is recorded ({@code login_failure}) in the same
 * transaction as its count; at the membership door it also records a Repeated Failed Logins trigger
 * event, which wakes the workflows ("N failures in M minutes" counts {@code login_failure} rows).
 *
 * <p>Sessions live in the database (only the SHA-256 of the 256-bit id), so several processes
 * share them. A session counts only while the credential still has the password it was opened
 * with: a change or reset of that password ends every session of it.
 */
public final class PortalAuthService {

    private static final Logger LOG = LoggerFactory.getLogger(PortalAuthService.class);

    public static final String LOCK_FAILURES_SETTING = "portal.lockout.failures";
    public static final String LOCK_WINDOW_SETTING = "portal.lockout.window.minutes";
    public static final String LOCK_DURATION_SETTING = "portal.lockout.lock.minutes";
    public static final String SESSION_SETTING = "portal.session.minutes";

    public static final int DEFAULT_LOCK_FAILURES = 5;
    public static final Duration DEFAULT_LOCK_WINDOW = Duration.ofMinutes(15);
    public static final Duration DEFAULT_LOCK_DURATION = Duration.ofMinutes(15);
    public static final Duration DEFAULT_SESSION = Duration.ofHours(12);

    /** Forgot Password answers no sooner than this, whatever happened behind it. */
    public static final Duration DEFAULT_FORGOT_FLOOR = Duration.ofMillis(300);

    /** Longer input is refused without being hashed (Argon2 of a megabyte is a denial of service). */
    static final int MAX_PASSWORD_CHARS = 1024;
    private static final int MAX_EMAIL_CHARS = 320;
    private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9_-]{43}");

    /** Which door: the membership Client Portal (no group) or one community group, by its slug. */
    public record Door(String groupSlug, String groupName) {

        public static final Door MEMBERSHIP = new Door(null, null);

        public boolean community() {
            return groupSlug != null;
        }

        /** How pages and the audit name this access. */
        public String access() {
            return community() ? "community group " + groupName : "membership (Client Portal)";
        }
    }

    /** The lockout rule in force. */
    public record Lockout(int failures, Duration window, Duration lockFor) {
    }

    /** The answer to a sign-in. The session id is set only when signed in; it never shows in toString. */
    public record SignIn(Outcome outcome, String sessionId, Duration lockFor) {

        public enum Outcome { SIGNED_IN, REFUSED, LOCKED }

        public boolean signedIn() {
            return outcome == Outcome.SIGNED_IN;
        }

        @Override
        public String toString() {
            return "SignIn[" + outcome + "]";
        }
    }

    /** Who a valid session belongs to, and at which door. */
    public record SessionView(UUID contactId, String email, String name, String groupSlug, String groupName,
                              Instant createdAt, Instant expiresAt) {
    }

    /** A session id checked at a door. */
    public record SessionCheck(State state, SessionView session) {

        public enum State {
            /** Signed in. */
            VALID,
            /** No session (no cookie, an unknown id, or a session of another door). */
            NONE,
            /** Signed in too long ago. */
            EXPIRED,
            /** The password was changed or reset since the session began. */
            PASSWORD_CHANGED
        }

        public boolean valid() {
            return state == State.VALID;
        }

        static SessionCheck none() {
            return new SessionCheck(State.NONE, null);
        }
    }

    private final Transactions tx;
    private final AuditLog audit;
    private final Clock clock;
    private final CredentialService credentials;
    private final TriggerLog triggers;
    private final PasswordHasher hasher = new PasswordHasher();
    private volatile Duration forgotFloor = DEFAULT_FORGOT_FLOOR;

  public   PortalAuthService(Transactions tx, AuditLog audit, Clock clock, CredentialService credentials,
                      TriggerLog triggers) {
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
        this.credentials = credentials;
        this.triggers = triggers;
    }

    /** What workflows count for "Repeated Failed Logins": failed membership sign-ins in (from, to]. */
    public static final FailedLoginCounter MEMBERSHIP_FAILURES = (t, contactId, from, to) ->
            t.loginFailures().countBetween(contactId, AccessScope.MEMBERSHIP, null, from, to);

    /** Computes the stand-in hash now rather than on the first sign-in. */
    public void warmUp() {
        Dummy.PHC.length();
    }

    // ---- doors ----

    /** The community door of a group, found by its slug or name (any case); empty when there is no such group. */
    public Optional<Door> communityDoor(String slugOrName) {
        if (slugOrName == null || slugOrName.isBlank() || slugOrName.length() > CommunityGroup.MAX_NAME) {
            return Optional.empty();
        }
        return tx.read(t -> t.communities().byName(slugOrName).map(g -> new Door(g.getSlug(), g.getName())));
    }

    // ---- signing in ----

    public Lockout lockout() {
        return tx.read(PortalAuthService::lockout);
    }

    /**
     * Checks an email and password at a door. Refused and locked answers are the same whether or
     * not the address has an account there, and take the same password hashing.
     */
    public SignIn signIn(String email, String password, Door door) {
        Objects.requireNonNull(door);
        String address = normalizeQuietly(email);
        String pw = password == null ? "" : password;

        // 1. Read what the door holds for this address (no write lock while hashing).
        Snapshot before = tx.read(t -> snapshot(t, address, door));

        // 2. Hash: against the real hash when there is one to check, else against a stand-in.
        boolean verified;
        if (before.hash() != null && !before.locked() && pw.length() <= MAX_PASSWORD_CHARS && !pw.isEmpty()) {
            verified = hasher.verify(pw, before.hash());
        } else {
            hasher.verify(pw.length() <= MAX_PASSWORD_CHARS ? pw : pw.substring(0, MAX_PASSWORD_CHARS), Dummy.PHC);
            verified = false;
        }

        // 3. Record the outcome in one transaction: the session, or the failure and its event.
        return tx.write(t -> {
            Instant now = clock.instant();
            Lockout rule = lockout(t);
            Optional<Held> held = held(t, address, door);
            if (held.isEmpty()) {
                return throttleUnknown(t, address != null ? address : email, door, rule, now);
            }
            Credential credential = held.get().credential();
            if (credential.isLocked(now)) {
                return new SignIn(SignIn.Outcome.LOCKED, null, rule.lockFor());
            }
            if (verified && Objects.equals(credential.getPasswordHash(), before.hash())) {
                credential.recordLogin(now);
                t.portalSessions().deleteExpired(now);
                MintedToken id = Tokens.mint();
                t.portalSessions().add(new PortalSession(id.hash(), held.get().contact(), held.get().scope(),
                        held.get().group(), credential, now, now.plus(sessionLength(t))));
                return new SignIn(SignIn.Outcome.SIGNED_IN, id.raw(), null);
            }
            if (verified) {
                // The password changed while this attempt was being checked: not the attempt's fault.
                return new SignIn(SignIn.Outcome.REFUSED, null, null);
            }
            boolean locked = credential.recordFailure(now, rule.failures(), rule.window(), rule.lockFor());
            t.loginFailures().record(
                    new LoginFailure(held.get().contact(), held.get().scope(), held.get().group(), now));
            if (!door.community()) {
                triggers.record(t, TriggerType.REPEATED_FAILED_LOGINS, held.get().contact(), null, door.access(), now);
            }
            if (locked) {
                audit.record(t, Actor.system(), "portal.locked", held.get().contact(),
                        door.access() + ": " + rule.failures() + " failed sign-ins within "
                                + minutes(rule.window()) + ", locked until " + now.plus(rule.lockFor()));
                return new SignIn(SignIn.Outcome.LOCKED, null, rule.lockFor());
            }
            return new SignIn(SignIn.Outcome.REFUSED, null, null);
        });
    }

    /**
     * The POST of a sign-in link's button: uses up a live membership sign-in link and opens a session
     * for its contact (a contact without a password too; a later password change ends it). Empty
     * for anything else: unknown, used, expired, superseded or revoked, or a link of another kind.
     * The caller checks that magic-link sign-in is on.
     */
    public Optional<String> signInWithLink(String rawToken) {
        if (rawToken == null || !rawToken.matches("[A-Za-z0-9_-]{43}")) {
            return Optional.empty();
        }
        String hash = Tokens.hash(rawToken);
        return tx.write(t -> {
            Instant now = clock.instant();
            Optional<CredentialToken> found = t.tokens().byHash(hash)
                    .filter(token -> token.getPurpose() == TokenPurpose.LOGIN && token.getGroup() == null)
                    .filter(token -> token.state(now) == CredentialToken.State.LIVE);
            if (found.isEmpty()) {
                return Optional.<String>empty();
            }
            CredentialToken token = found.get();
            Contact contact = token.getContact();
            Optional<PortalAccount> account = t.portalAccounts().ofContact(contact.getId());
            if (account.isEmpty()) {
                return Optional.<String>empty();
            }
            token.markUsed(now);
            Credential credential = account.get().getCredential();
            credential.recordLogin(now);
            t.portalSessions().deleteExpired(now);
            MintedToken id = Tokens.mint();
            t.portalSessions().add(new PortalSession(id.hash(), contact, AccessScope.MEMBERSHIP, null, credential, now,
                    now.plus(sessionLength(t))));
            audit.record(t, Actor.selfService(), "portal.signed-in-with-link", contact,
                    "membership (Client Portal), through a sign-in link");
            return Optional.of(id.raw());
        });
    }

    private SignIn throttleUnknown(Tx t, String address, Door door, Lockout rule, Instant now) {
        String subject = subjectHash(address, door);
        LoginThrottle throttle = t.loginThrottles().find(subject).orElse(null);
        if (throttle != null && throttle.isLocked(now)) {
            return new SignIn(SignIn.Outcome.LOCKED, null, rule.lockFor());
        }
        if (throttle == null) {
            t.loginThrottles().prune(now.minus(Duration.ofDays(1)), now);
            throttle = new LoginThrottle(subject, now);
            t.loginThrottles().add(throttle);
        }
        boolean locked = throttle.recordFailure(now, rule.failures(), rule.window(), rule.lockFor());
        return new SignIn(locked ? SignIn.Outcome.LOCKED : SignIn.Outcome.REFUSED, null,
                locked ? rule.lockFor() : null);
    }

    /** What the door holds for an address before hashing: the PHC string (or null) and its lock. */
    private record Snapshot(String hash, boolean locked) {
    }

    private Snapshot snapshot(Tx t, String address, Door door) {
        Instant now = clock.instant();
        return held(t, address, door)
                .map(h -> new Snapshot(h.credential().getPasswordHash(), h.credential().isLocked(now)))
                .orElse(new Snapshot(null, false));
    }

    /** The credential an address has at a door. */
    private record Held(Contact contact, AccessScope scope, CommunityGroup group, Credential credential) {
    }

    private static Optional<Held> held(Tx t, String address, Door door) {
        if (address == null) {
            return Optional.empty();
        }
        Optional<Contact> contact = t.contacts().byEmail(address);
        if (contact.isEmpty()) {
            return Optional.empty();
        }
        if (!door.community()) {
            return t.portalAccounts().ofContact(contact.get().getId())
                    .map(PortalAccount::getCredential)
                    .map(c -> new Held(contact.get(), AccessScope.MEMBERSHIP, null, c));
        }
        return t.communities().byName(door.groupSlug())
                .flatMap(g -> t.communities().membership(contact.get().getId(), g.getId()))
                .map(m -> new Held(contact.get(), AccessScope.COMMUNITY, m.getGroup(), m.getCredential()));
    }

    // ---- sessions ----

    /** Checks a session id at a door. */
    public SessionCheck session(String sessionId, Door door) {
        Objects.requireNonNull(door);
        if (!wellFormed(sessionId)) {
            return SessionCheck.none();
        }
        String hash = Tokens.hash(sessionId);
        SessionCheck check = tx.read(t -> {
            Optional<PortalSession> found = t.portalSessions().byTokenHash(hash);
            if (found.isEmpty() || !sameDoor(found.get(), door)) {
                return SessionCheck.none();
            }
            PortalSession s = found.get();
            Instant now = clock.instant();
            if (s.isExpired(now)) {
                return new SessionCheck(SessionCheck.State.EXPIRED, null);
            }
            Credential credential = currentCredential(t, s);
            if (!s.matchesPassword(credential)) {
                return new SessionCheck(SessionCheck.State.PASSWORD_CHANGED, null);
            }
            Contact c = s.getContact();
            return new SessionCheck(SessionCheck.State.VALID, new SessionView(c.getId(), c.getEmail(), c.getName(),
                    door.groupSlug(), door.groupName(), s.getCreatedAt(), s.getExpiresAt()));
        });
        if (check.state() == SessionCheck.State.EXPIRED || check.state() == SessionCheck.State.PASSWORD_CHANGED) {
            tx.write(t -> t.portalSessions().deleteByTokenHash(hash));
        }
        return check;
    }

    /** Ends a session (sign out). Unknown ids are ignored. */
    public void signOut(String sessionId) {
        if (wellFormed(sessionId)) {
            String hash = Tokens.hash(sessionId);
            tx.write(t -> t.portalSessions().deleteByTokenHash(hash));
        }
    }

    /** How many sessions of the contact still count, at every door: for tests and the console. */
    public int liveSessions(String contactEmail) {
        return tx.read(t -> {
            Contact contact = Lookups.contact(t, contactEmail);
            Instant now = clock.instant();
            return (int) t.portalSessions().ofContact(contact.getId()).stream()
                    .filter(s -> !s.isExpired(now) && s.matchesPassword(currentCredential(t, s)))
                    .count();
        });
    }

    private static boolean sameDoor(PortalSession s, Door door) {
        if (!door.community()) {
            return s.getScope() == AccessScope.MEMBERSHIP;
        }
        return s.getScope() == AccessScope.COMMUNITY && s.getGroup() != null
                && door.groupSlug().equals(s.getGroup().getSlug());
    }

    private static Credential currentCredential(Tx t, PortalSession s) {
        if (s.getScope() == AccessScope.MEMBERSHIP) {
            return t.portalAccounts().ofContact(s.getContact().getId()).map(PortalAccount::getCredential).orElse(null);
        }
        return t.communities().membership(s.getContact().getId(), s.getGroup().getId())
                .map(CommunityMembership::getCredential).orElse(null);
    }

    // ---- failed sign-ins, for workflows ----

    /** How many failed sign-ins a contact had at a door within the last {@code window}. */
    public long failedSignIns(String contactEmail, Door door, Duration window) {
        return tx.read(t -> {
            Contact contact = Lookups.contact(t, contactEmail);
            UUID groupId = door.community()
                    ? Lookups.group(t, door.groupSlug()).getId()
                    : null;
            return t.loginFailures().countSince(contact.getId(),
                    door.community() ? AccessScope.COMMUNITY : AccessScope.MEMBERSHIP, groupId,
                    clock.instant().minus(window));
        });
    }

    // ---- Forgot Password ----

    /**
     * Forgot Password at a door: queues a self-service reset link for a real account (the outbox
     * sends it; nothing here waits for SMTP) and nothing otherwise. Never throws, never tells which,
     * and never answers sooner than the floor, so the time taken tells nothing either.
     */
    public void requestReset(String email, Door door) {
        String address = email == null || email.length() > MAX_EMAIL_CHARS ? null : email;
        floored("self-service reset", () -> credentials.requestSelfServiceReset(address, door.groupSlug()));
    }

    /** "Email me a sign-in link": the same answer and the same (floored) time for every address. */
    public void requestSignInLink(String email, SignInLinks links) {
        String address = email == null || email.length() > MAX_EMAIL_CHARS ? null : email;
        floored("sign-in link", () -> links.requestFromPortal(address));
    }

    private void floored(String what, Runnable request) {
        long start = System.nanoTime();
        try {
            request.run();
        } catch (RuntimeException e) {
            // The answer stays the same; the log says what failed, never for whom.
            LOG.warn("{} request failed: {}", what, e.getClass().getSimpleName());
        }
        long left = forgotFloor.toNanos() - (System.nanoTime() - start);
        if (left > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Why an address typed into a form cannot be an email address, or empty when it can. A check of
     * spelling only: it says nothing about accounts.
     */
    public Optional<String> addressProblem(String email) {
        if (email == null || email.isBlank()) {
            return Optional.of("enter your email address");
        }
        if (email.length() > MAX_EMAIL_CHARS || normalizeQuietly(email) == null) {
            return Optional.of("this does not look like an email address: check it for typos");
        }
        return Optional.empty();
    }

    /** How long Forgot Password takes at least (tests may shorten it). */
    public void forgotFloor(Duration floor) {
        this.forgotFloor = Objects.requireNonNull(floor);
    }

    public Duration forgotFloor() {
        return forgotFloor;
    }

    // ---- settings ----

    private static Lockout lockout(Tx t) {
        return new Lockout(
                positive(t, LOCK_FAILURES_SETTING, DEFAULT_LOCK_FAILURES),
                Duration.ofMinutes(positive(t, LOCK_WINDOW_SETTING, (int) DEFAULT_LOCK_WINDOW.toMinutes())),
                Duration.ofMinutes(positive(t, LOCK_DURATION_SETTING, (int) DEFAULT_LOCK_DURATION.toMinutes())));
    }

    private static Duration sessionLength(Tx t) {
        return Duration.ofMinutes(positive(t, SESSION_SETTING, (int) DEFAULT_SESSION.toMinutes()));
    }

    private static int positive(Tx t, String key, int fallback) {
        return t.settings().get(key).map(v -> {
            try {
                int n = Integer.parseInt(v.trim());
                return n > 0 ? n : fallback;
            } catch (NumberFormatException e) {
                return fallback;
            }
        }).orElse(fallback);
    }

    private static String minutes(Duration d) {
        long m = d.toMinutes();
        return m + (m == 1 ? " minute" : " minutes");
    }

    // ---- helpers ----

    /** The normalized address, or null when it cannot be an account's (the attempt is then throttled by its text). */
    private static String normalizeQuietly(String email) {
        if (email == null || email.isBlank() || email.length() > MAX_EMAIL_CHARS) {
            return null;
        }
        try {
            return EmailAddress.lookupKey(email);
        } catch (InvalidInputException e) {
            return null;
        }
    }

    /** The throttle key of an address that has no password at a door. */
    private static String subjectHash(String address, Door door) {
        String who = address == null ? "" : address.trim().toLowerCase(Locale.ROOT);
        if (who.length() > MAX_EMAIL_CHARS) {
            who = who.substring(0, MAX_EMAIL_CHARS);
        }
        String subject = (door.community() ? "community:" + door.groupSlug() : "membership") + "|" + who;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(subject.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** A session id as we mint them: 256 bits, URL-safe base64 without padding. */
    private static boolean wellFormed(String sessionId) {
        return sessionId != null && SESSION_ID.matcher(sessionId).matches();
    }

    /** A stand-in Argon2id hash, so an address without a password costs the same hashing as one with. */
    private static final class Dummy {
        static final String PHC = new PasswordHasher().hash(Tokens.mint().raw());
    }
}
