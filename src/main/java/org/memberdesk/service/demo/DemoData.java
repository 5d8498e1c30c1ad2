package org.memberdesk.service.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.memberdesk.domain.AccessScope;
import org.memberdesk.domain.CommunityGroup;
import org.memberdesk.domain.CommunityMembership;
import org.memberdesk.domain.Contact;
import org.memberdesk.domain.ContactNote;
import org.memberdesk.domain.CredentialToken;
import org.memberdesk.domain.EmailKind;
import org.memberdesk.domain.EmailMessage;
import org.memberdesk.domain.EmailStatus;
import org.memberdesk.domain.Offer;
import org.memberdesk.domain.OfferGrant;
import org.memberdesk.domain.Origin;
import org.memberdesk.domain.PortalAccount;
import org.memberdesk.domain.TokenPurpose;
import org.memberdesk.mail.ComposedEmail;
import org.memberdesk.mail.EmailComposer;
import org.memberdesk.mail.LinkTtl;
import org.memberdesk.mail.PortalLinks;
import org.memberdesk.persistence.DataWipe;
import org.memberdesk.persistence.Tx;
import org.memberdesk.service.Transactions;
import org.memberdesk.service.UserError;
import org.memberdesk.service.credentials.Tokens;

/**
 * The demo data set: a small membership business whose contacts show every way a login goes
 * wrong, plus plenty of members for whom everything works. Only example.com, example.org and
 * example.net addresses, which reach no one.
 */
public final class DemoData {

    public static final String MARKER = "demo.dataset";
    /** A hash that no password matches; demo passwords are never known to anyone. */
    private static final String UNKNOWN_PASSWORD_HASH =
            "$argon2id$v=19$m=19456,t=2,p=1$ZGVtb2RlbW9kZW1vZGVtbw$6q7c1Q2jYB2cP0g1gD7sQk1r8F4hQd9kzq2mJx8m2nE";

    public static final String MEMBERSHIP = "Momentum Membership";
    public static final String BOOTCAMP = "Budget Bootcamp";
    public static final String MORNINGS = "Mindful Mornings Course";
    public static final String COACHING = "Coaching Circle";
    public static final String FOUNDERS = "Founders Circle";
    public static final String ALUMNI = "Alumni Lounge";

    private final Transactions tx;
    private final Clock clock;
    private final EmailComposer composer;
    private final PortalLinks links;

    public DemoData(Transactions tx, Clock clock, EmailComposer composer, PortalLinks links) {
        this.tx = tx;
        this.clock = clock;
        this.composer = composer;
        this.links = links;
    }

    /** True when the data directory's database was made by {@link #seed()}. */
    public boolean isDemoDatabase() {
        return tx.read(t -> t.settings().get(MARKER).isPresent());
    }

    /** True when nothing has been stored yet: no contact, no offer, no group. */
    public boolean isEmpty() {
        return tx.read(t -> t.contacts().count() == 0 && t.offers().all().isEmpty() && t.communities().all().isEmpty());
    }

    /** Loads the demo data set; refuses a database that already holds anything. Returns the number of contacts. */
    public int seed() {
        return tx.write(t -> {
            if (t.contacts().count() > 0 || !t.offers().all().isEmpty() || !t.communities().all().isEmpty()) {
                throw new UserError("the database is not empty: demo data goes only into a new data directory");
            }
            int count = new Seeder(t, clock.instant(), composer, links.base(t)).run();
            t.settings().put(MARKER, "1", clock.instant());
            return count;
        });
    }

    /**
     * "Reset demo": empties a demo database (contacts, offers, groups, emails, links, sessions, the
     * audit log, workflow runs; settings and workflows stay) and loads the demo data set again, in one
     * transaction. Refuses a database that was not made by {@link #seed()}. Returns the number of contacts.
     */
    public int reset() {
        return tx.write(t -> {
            if (t.settings().get(MARKER).isEmpty()) {
                throw new UserError("this is not a demo database: only demo data can be reset");
            }
            DataWipe.wipe(t);
            int count = new Seeder(t, clock.instant(), composer, links.base(t)).run();
            t.settings().put(MARKER, "1", clock.instant());
            return count;
        });
    }

    /** Writes the data set through one transaction. Times are relative to now, so the story stays current. */
    private static final class Seeder {
        private final Tx t;
        private final Instant now;
        private final EmailComposer composer;
        private final String portalBase;
        private final Map<String, Offer> offers;
        private final Map<String, CommunityGroup> groups;
        private int contacts;

        Seeder(Tx t, Instant now, EmailComposer composer, String portalBase) {
            this.t = t;
            this.now = now;
            this.composer = composer;
            this.portalBase = portalBase;
            this.offers = Map.of(
                    MEMBERSHIP, offer(MEMBERSHIP, null),
                    BOOTCAMP, offer(BOOTCAMP, "https://learn.example.com/bootcamp"),
                    MORNINGS, offer(MORNINGS, null),
                    COACHING, offer(COACHING, "https://coaching.example.org/login"));
            this.groups = Map.of(FOUNDERS, group(FOUNDERS), ALUMNI, group(ALUMNI));
        }

        int run() {
            troubleCases();
            happyMembers();
            return contacts;
        }

        private void troubleCases() {
            // The two-minute demo: her reset link expired yesterday and she never set a password.
            Contact dana = contact("dana.whitfield@example.com", "Dana Whitfield", "cant-login", "vip");
            portal(dana, false);
            grant(dana, MEMBERSHIP, days(12));
            grant(dana, BOOTCAMP, days(5));
            sent(dana, EmailKind.WELCOME, MEMBERSHIP, days(12), Origin.WORKFLOW, "Welcome new members");
            sent(dana, EmailKind.WELCOME, BOOTCAMP, days(5), Origin.WORKFLOW, "Welcome new members");
            EmailMessage danaReset = sent(dana, EmailKind.RESET_LINK, null, days(2), Origin.AGENT, "Sam (support)");
            token(dana, TokenPurpose.RESET, days(2), days(1), danaReset, null);
            note(dana, "Wrote in: the link in her email says it is no longer valid.", hours(20));

            // Welcome email never delivered: the mail server kept refusing the connection.
            Contact marcus = contact("marcus.bell@example.org", "Marcus Bell", "no-email");
            portal(marcus, false);
            grant(marcus, MEMBERSHIP, days(3));
            failed(marcus, EmailKind.WELCOME, MEMBERSHIP, days(3), 5,
                    "421 4.4.2 mail.example.org: connection timed out, giving up after 5 attempts");

            // Bounced: the receiving server said the mailbox does not exist.
            Contact priya = contact("priya.natarajan@example.net", "Priya Natarajan");
            portal(priya, false);
            grant(priya, COACHING, days(4));
            failed(priya, EmailKind.WELCOME, COACHING, days(4), 1,
                    "550 5.1.1 <priya.natarajan@example.net>: Recipient address rejected: User unknown");

            // The address looks wrong: a typo in the domain.
            Contact olu = contact("olu.adeyemi@exmaple.com", "Olu Adeyemi", "no-email");
            portal(olu, false);
            grant(olu, MORNINGS, days(2));
            failed(olu, EmailKind.WELCOME, MORNINGS, days(2), 1,
                    "550 5.1.2 <olu.adeyemi@exmaple.com>: Host or domain name not found");

            // Welcome email still waiting in the outbox.
            Contact hana = contact("hana.kobayashi@example.com", "Hana Kobayashi");
            portal(hana, false);
            grant(hana, MORNINGS, hours(1));
            greylisted(hana, EmailKind.WELCOME, MORNINGS, minutes(50));

            // No active offer at all.
            Contact leo = contact("leo.martins@example.org", "Leo Martins", "cant-login");
            portal(leo, true);

            // Revoked offer.
            Contact grace = contact("grace.omalley@example.net", "Grace O'Malley");
            portal(grace, true);
            OfferGrant revoked = grant(grace, MEMBERSHIP, days(60));
            revoked.revoke(days(6), "refund requested");
            sent(grace, EmailKind.WELCOME, MEMBERSHIP, days(60), Origin.WORKFLOW, "Welcome new members");

            // Expired offer.
            Contact tomas = contact("tomas.novak@example.com", "Tomás Novák");
            portal(tomas, true);
            grantExpired(tomas, BOOTCAMP, days(120), days(9));
            sent(tomas, EmailKind.WELCOME, BOOTCAMP, days(120), Origin.WORKFLOW, "Welcome new members");

            // Wrong membership: asks about the membership, owns only the bootcamp.
            Contact aisha = contact("aisha.rahman@example.org", "Aisha Rahman", "asks-membership");
            portal(aisha, true);
            grant(aisha, BOOTCAMP, days(15));
            sent(aisha, EmailKind.WELCOME, BOOTCAMP, days(15), Origin.WORKFLOW, "Welcome new members");
            note(aisha, "Asked why she cannot see the Momentum Membership lessons.", days(1));

            // Locked after repeated failed logins.
            Contact ben = contact("ben.carter@example.com", "Ben Carter", "locked");
            PortalAccount benPortal = portal(ben, true);
            // A real lockout ends by itself after 15 minutes; Ben's must hold until the class unlocks him.
            benPortal.getCredential().lockUntilUnlocked();
            grant(ben, MEMBERSHIP, days(30));
            sent(ben, EmailKind.WELCOME, MEMBERSHIP, days(30), Origin.WORKFLOW, "Welcome new members");

            // Community member who tries the community password on the membership portal.
            Contact sofia = contact("sofia.rossi@example.net", "Sofia Rossi", "community");
            portal(sofia, false);
            CommunityMembership sofiaFounders = membership(sofia, FOUNDERS, days(40));
            sofiaFounders.getCredential().setPasswordHash(UNKNOWN_PASSWORD_HASH, days(39));
            sofiaFounders.getCredential().recordLogin(days(2));
            sent(sofia, EmailKind.COMMUNITY_WELCOME, null, days(40), Origin.AGENT, "Sam (support)");
            grant(sofia, COACHING, days(3));
            sent(sofia, EmailKind.WELCOME, COACHING, days(3), Origin.WORKFLOW, "Welcome new members");

            // Membership member asking about the community group she is not in.
            Contact ivy = contact("ivy.chen@example.com", "Ivy Chen", "community");
            portal(ivy, true);
            grant(ivy, MEMBERSHIP, days(90));
            sent(ivy, EmailKind.WELCOME, MEMBERSHIP, days(90), Origin.WORKFLOW, "Welcome new members");
            note(ivy, "Wants into the Founders Circle with her membership password.", hours(3));

            // Never set a password, welcome email delivered a week ago.
            Contact noah = contact("noah.fischer@example.org", "Noah Fischer");
            portal(noah, false);
            grant(noah, MEMBERSHIP, days(7));
            sent(noah, EmailKind.WELCOME, MEMBERSHIP, days(7), Origin.WORKFLOW, "Welcome new members");

            // Says the email never arrived, though the server accepted it: check spam.
            Contact zoe = contact("zoe.laurent@example.net", "Zoé Laurent", "no-email");
            portal(zoe, false);
            grant(zoe, MORNINGS, days(1));
            sent(zoe, EmailKind.WELCOME, MORNINGS, days(1), Origin.WORKFLOW, "Welcome new members");

            // A mail scanner opened the reset link seconds after delivery; nobody submitted it.
            Contact raj = contact("raj.patel@example.com", "Raj Patel", "cant-login");
            portal(raj, true);
            grant(raj, COACHING, days(20));
            sent(raj, EmailKind.WELCOME, COACHING, days(20), Origin.WORKFLOW, "Welcome new members");
            EmailMessage rajReset = sent(raj, EmailKind.RESET_LINK, null, minutes(30), Origin.SELF_SERVICE, null);
            token(raj, TokenPurpose.RESET, minutes(30), minutes(-30), rajReset, minutes(30).plusSeconds(4));

            // A used reset link, then a newer one that superseded another.
            Contact emma = contact("emma.johansson@example.org", "Emma Johansson");
            portal(emma, true);
            grant(emma, MEMBERSHIP, days(45));
            sent(emma, EmailKind.WELCOME, MEMBERSHIP, days(45), Origin.WORKFLOW, "Welcome new members");
            EmailMessage emmaOld = sent(emma, EmailKind.RESET_LINK, null, days(3), Origin.SELF_SERVICE, null);
            CredentialToken superseded = token(emma, TokenPurpose.RESET, days(3), later(days(3), 60), emmaOld, null);
            superseded.supersede(later(days(3), 10));
            EmailMessage emmaNew = sent(emma, EmailKind.RESET_LINK, null, later(days(3), 10), Origin.SELF_SERVICE,
                    null);
            CredentialToken used = token(emma, TokenPurpose.RESET, later(days(3), 10), later(days(3), 70), emmaNew,
                    later(days(3), 12));
            used.markUsed(later(days(3), 13));
            sent(emma, EmailKind.PASSWORD_CHANGED, null, later(days(3), 13), Origin.SELF_SERVICE, null);

            // Community reset link expired for an alumni member.
            Contact kwame = contact("kwame.asante@example.net", "Kwame Asante", "community");
            portal(kwame, true);
            grant(kwame, MEMBERSHIP, days(200));
            sent(kwame, EmailKind.WELCOME, MEMBERSHIP, days(200), Origin.WORKFLOW, "Welcome new members");
            CommunityMembership kwameAlumni = membership(kwame, ALUMNI, days(150));
            kwameAlumni.getCredential().setPasswordHash(UNKNOWN_PASSWORD_HASH, days(150));
            EmailMessage kwameReset = sent(kwame, EmailKind.COMMUNITY_RESET_LINK, null, days(4), Origin.AGENT,
                    "Sam (support)");
            CredentialToken kwameToken = new CredentialToken(kwame, AccessScope.COMMUNITY, groups.get(ALUMNI),
                    TokenPurpose.RESET, Tokens.mint().hash(), days(4), days(3), Origin.AGENT, kwameReset.getId());
            t.persist(kwameToken);

            // The address cannot be right: a sign-up form quoted a name with a space in it.
            Contact mei = contact("\"mei lin\"@example.com", "Mei Lin", "no-email");
            portal(mei, false);
            grant(mei, MORNINGS, days(6));
            failed(mei, EmailKind.WELCOME, MORNINGS, days(6), 1,
                    "553 5.1.3 The recipient address is not a valid RFC 5321 address");

            // Asked twice for a reset link, then clicked the link in the first email, which the second replaced.
            Contact lars = contact("lars.eriksson@example.org", "Lars Eriksson", "cant-login");
            portal(lars, true);
            grant(lars, MEMBERSHIP, days(50));
            sent(lars, EmailKind.WELCOME, MEMBERSHIP, days(50), Origin.WORKFLOW, "Welcome new members");
            EmailMessage larsFirst = sent(lars, EmailKind.RESET_LINK, null, minutes(25), Origin.SELF_SERVICE, null);
            CredentialToken larsOld = token(lars, TokenPurpose.RESET, minutes(25), minutes(-35), larsFirst, minutes(5));
            larsOld.supersede(minutes(15));
            EmailMessage larsSecond = sent(lars, EmailKind.RESET_LINK, null, minutes(15), Origin.SELF_SERVICE, null);
            token(lars, TokenPurpose.RESET, minutes(15), minutes(-45), larsSecond, null);

            // Only in a community group, no membership offer: tries the group's password on the Client Portal.
            Contact mateo = contact("mateo.silva@example.net", "Mateo Silva", "community");
            portal(mateo, false);
            CommunityMembership mateoAlumni = membership(mateo, ALUMNI, days(25));
            mateoAlumni.getCredential().setPasswordHash(UNKNOWN_PASSWORD_HASH, days(24));
            mateoAlumni.getCredential().recordLogin(days(1));
            sent(mateo, EmailKind.COMMUNITY_WELCOME, null, days(25), Origin.AGENT, "Sam (support)")
                    .forGroup(groups.get(ALUMNI));

            // Granted by hand while the welcome workflow was off: no welcome email ever went out.
            Contact nadia = contact("nadia.haddad@example.com", "Nadia Haddad");
            portal(nadia, false);
            grant(nadia, BOOTCAMP, days(2));
        }

        private void happyMembers() {
            List<String[]> people = List.of(
                    new String[] {"amelia.clarke@example.com", "Amelia Clarke"},
                    new String[] {"diego.hernandez@example.org", "Diego Hernández"},
                    new String[] {"fatima.zahra@example.net", "Fatima Zahra"},
                    new String[] {"george.mensah@example.com", "George Mensah"},
                    new String[] {"helena.berg@example.org", "Helena Berg"},
                    new String[] {"isaac.levi@example.net", "Isaac Levi"},
                    new String[] {"julia.santos@example.com", "Júlia Santos"},
                    new String[] {"kenji.watanabe@example.org", "Kenji Watanabe"},
                    new String[] {"lucia.ferrari@example.net", "Lucia Ferrari"},
                    new String[] {"mohammed.ali@example.com", "Mohammed Ali"},
                    new String[] {"nina.petrova@example.org", "Nina Petrova"},
                    new String[] {"oscar.lind@example.net", "Oscar Lind"},
                    new String[] {"paula.moreno@example.com", "Paula Moreno"},
                    new String[] {"quentin.dubois@example.org", "Quentin Dubois"},
                    new String[] {"rosa.garcia@example.net", "Rosa García"},
                    new String[] {"samuel.okafor@example.com", "Samuel Okafor"},
                    new String[] {"tara.singh@example.org", "Tara Singh"},
                    new String[] {"umar.farouk@example.net", "Umar Farouk"},
                    new String[] {"valeria.rossi@example.com", "Valeria Rossi"},
                    new String[] {"william.young@example.org", "William Young"},
                    new String[] {"xenia.ivanova@example.net", "Xenia Ivanova"},
                    new String[] {"yusuf.demir@example.com", "Yusuf Demir"},
                    new String[] {"zara.ahmed@example.org", "Zara Ahmed"},
                    new String[] {"alex.kim@example.net", "Alex Kim"},
                    new String[] {"bianca.costa@example.com", "Bianca Costa"},
                    new String[] {"carlos.mendes@example.org", "Carlos Mendes"});
            List<String> offerCycle = List.of(MEMBERSHIP, BOOTCAMP, MORNINGS, COACHING);
            for (int i = 0; i < people.size(); i++) {
                String[] person = people.get(i);
                Contact c = contact(person[0], person[1], i % 5 == 0 ? "newsletter" : "member");
                PortalAccount account = portal(c, true);
                account.getCredential().recordLogin(days(i % 9));
                String offer = offerCycle.get(i % offerCycle.size());
                grant(c, offer, days(20 + i));
                sent(c, EmailKind.WELCOME, offer, days(20 + i), Origin.WORKFLOW, "Welcome new members");
                if (i % 3 == 0) {
                    String second = offerCycle.get((i + 1) % offerCycle.size());
                    grant(c, second, days(10 + i));
                    sent(c, EmailKind.WELCOME, second, days(10 + i), Origin.AGENT, "Sam (support)");
                }
                if (i % 7 == 0) {
                    CommunityMembership m = membership(c, i % 2 == 0 ? FOUNDERS : ALUMNI, days(15 + i));
                    m.getCredential().setPasswordHash(UNKNOWN_PASSWORD_HASH, days(14 + i));
                }
            }
        }

        // ---- building blocks ----

        private Instant days(long n) {
            return now.minus(Duration.ofDays(n));
        }

        private static Instant later(Instant at, long minutes) {
            return at.plus(Duration.ofMinutes(minutes));
        }

        private Instant hours(long n) {
            return now.minus(Duration.ofHours(n));
        }

        private Instant minutes(long n) {
            return now.minus(Duration.ofMinutes(n));
        }

        private Offer offer(String name, String loginUrl) {
            Offer offer = new Offer(name, loginUrl, now.minus(Duration.ofDays(400)));
            t.persist(offer);
            return offer;
        }

        private CommunityGroup group(String name) {
            CommunityGroup group = new CommunityGroup(name, now.minus(Duration.ofDays(400)));
            t.persist(group);
            return group;
        }

        private Contact contact(String email, String name, String... tags) {
            Contact contact = new Contact(email, name, List.of(tags), days(30 + contacts));
            t.persist(contact);
            contacts++;
            return contact;
        }

        private PortalAccount portal(Contact contact, boolean withPassword) {
            PortalAccount account = new PortalAccount(contact, contact.getCreatedAt());
            if (withPassword) {
                account.getCredential().setPasswordHash(UNKNOWN_PASSWORD_HASH, contact.getCreatedAt());
            }
            t.persist(account);
            return account;
        }

        private OfferGrant grant(Contact contact, String offer, Instant at) {
            OfferGrant grant = new OfferGrant(contact, offers.get(offer), at, null, "demo");
            t.persist(grant);
            return grant;
        }

        private void grantExpired(Contact contact, String offer, Instant at, Instant expiredAt) {
            t.persist(new OfferGrant(contact, offers.get(offer), at, expiredAt.isAfter(at) ? expiredAt : at.plusSeconds(1),
                    "demo"));
        }

        private CommunityMembership membership(Contact contact, String group, Instant at) {
            CommunityMembership membership = new CommunityMembership(contact, groups.get(group), at);
            t.persist(membership);
            return membership;
        }

        private void note(Contact contact, String body, Instant at) {
            t.persist(new ContactNote(contact, body, "Sam (support)", at));
        }

        /**
         * A past email rendered from the real templates, as the outbox would have stored it (links
         * hidden, minted when sent), so a Retry in the demo sends a working link.
         */
        private EmailMessage message(Contact contact, EmailKind kind, String offer, Instant at, Origin origin,
                                     String detail) {
            Offer o = offer == null ? null : offers.get(offer);
            boolean hasPassword = t.portalAccounts().ofContact(contact.getId())
                    .map(a -> a.getCredential().hasPassword()).orElse(false);
            ComposedEmail email = switch (kind) {
                case WELCOME -> composer.welcome(portalBase, contact, o, hasPassword, LinkTtl.SET_PASSWORD);
                case RESET_LINK -> composer.resetLink(portalBase, contact, LinkTtl.AGENT_RESET);
                case PASSWORD_CHANGED -> composer.passwordChanged(portalBase, contact, at);
                case COMMUNITY_WELCOME -> composer.communityWelcome(portalBase, contact, groups.get(FOUNDERS), true,
                        LinkTtl.SET_PASSWORD);
                case COMMUNITY_RESET_LINK -> composer.communityResetLink(portalBase, contact, groups.get(ALUMNI),
                        LinkTtl.AGENT_RESET);
                default -> throw new IllegalArgumentException("no demo email of kind " + kind);
            };
            EmailMessage m = new EmailMessage(contact, kind, email.subject(), email.text(), email.html(), origin,
                    detail, at);
            if (email.offer() != null) {
                m.forOffer(email.offer());
            }
            if (email.group() != null) {
                m.forGroup(email.group());
            }
            if (email.carriesLink()) {
                m.withLink(email.linkPurpose(), email.linkTtl().toSeconds());
            }
            t.persist(m);
            return m;
        }

        private EmailMessage sent(Contact contact, EmailKind kind, String offer, Instant at, Origin origin,
                                  String detail) {
            EmailMessage m = message(contact, kind, offer, at, origin, detail);
            String queueId = Long.toHexString(at.toEpochMilli());
            m.recordHistory(EmailStatus.SENT, 1, "250 2.0.0 Ok: queued as " + queueId, at.plusSeconds(2));
            m.markSent(at.plusSeconds(2), m.getLastReply(), "<" + queueId + ".demo@mail.example.com>");
            return m;
        }

        private void failed(Contact contact, EmailKind kind, String offer, Instant at, int attempts, String reply) {
            EmailMessage m = message(contact, kind, offer, at, Origin.WORKFLOW, "Welcome new members");
            m.recordHistory(EmailStatus.FAILED, attempts, reply, null);
        }

        private void greylisted(Contact contact, EmailKind kind, String offer, Instant at) {
            EmailMessage m = message(contact, kind, offer, at, Origin.WORKFLOW, "Welcome new members");
            // Greylisted by the receiving server: it waits for its next try, so the story keeps it unsent.
            m.recordHistory(EmailStatus.RETRYING, 1, "451 4.7.1 Greylisted, please try again later", null);
            m.postpone(now.plus(Duration.ofHours(1)));
        }

        private CredentialToken token(Contact contact, TokenPurpose purpose, Instant created, Instant expires,
                                      EmailMessage email, Instant openedAt) {
            CredentialToken token = new CredentialToken(contact, AccessScope.MEMBERSHIP, null, purpose,
                    Tokens.mint().hash(), created, expires, email.getOrigin(), email.getId());
            if (openedAt != null) {
                token.recordOpened(openedAt);
            }
            t.persist(token);
            return token;
        }
    }
}
