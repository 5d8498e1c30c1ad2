package org.memberdesk.service.demo;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.UUID;
import org.memberdesk.domain.Contact;
import org.memberdesk.domain.EmailKind;
import org.memberdesk.domain.EmailMessage;
import org.memberdesk.domain.EmailStatus;
import org.memberdesk.domain.Offer;
import org.memberdesk.domain.OfferGrant;
import org.memberdesk.domain.Origin;
import org.memberdesk.domain.PortalAccount;
import org.memberdesk.persistence.BulkTx;
import org.memberdesk.persistence.Database;
import org.memberdesk.service.UserError;

/**
 * A large, reproducible data set for benchmarks: the same seed and size always give the same
 * names, emails, tags and grants (ids and times differ). Contacts have Unicode names, addresses
 * at example.com / .org / .net, tags, offer grants and a portal account each; one contact has a
 * long email history. Written through one stateless session with JDBC batching.
 */
public final class SampleDataGenerator {

    /** What to generate. {@code historyEmails} go to one contact, {@link Result#historyContactEmail()}. */
    public record Spec(int contacts, long seed, int historyEmails) {

        public static final long DEFAULT_SEED = 20_260_302L;

        public Spec {
            if (contacts < 1) {
                throw new IllegalArgumentException("at least one contact");
            }
            if (historyEmails < 0) {
                throw new IllegalArgumentException("historyEmails must not be negative");
            }
        }

        /** The benchmark data set: 100,000 contacts, one of them with 1,000 emails. */
        public static Spec benchmark() {
            return new Spec(100_000, DEFAULT_SEED, 1_000);
        }

        public static Spec of(int contacts) {
            return new Spec(contacts, DEFAULT_SEED, Math.min(1_000, contacts * 2));
        }
    }

    public record Result(int contacts, int grants, int emails, List<String> offers, UUID historyContactId,
                         String historyContactEmail, Duration took) {
    }

    public static final String HISTORY_CONTACT_EMAIL = "hana.history@example.org";

    static final List<String> OFFERS = List.of(
            "Growth Membership", "Writing Bootcamp", "Yoga Foundations", "Founders Coaching");

    static final List<String> TAGS = List.of(
            "newsletter", "vip", "new", "cant-login", "trial", "annual", "monthly", "beta", "refund",
            "partner", "alumni", "coaching", "webinar", "enterprise", "student");

    private static final String[] FIRST = {
        "Dana", "Marcus", "Zoé", "Tomás", "Chloé", "José", "Søren", "Łukasz", "Björn", "Ana", "Françoise",
        "Jürgen", "Renée", "Mónica", "Siobhán", "Aoife", "Kenji", "Yuki", "Priya", "Arjun", "Fatima", "Omar",
        "Liam", "Olivia", "Noah", "Emma", "Mia", "Lucas", "Sofia", "Mateo", "Amara", "Chidi", "Ngozi", "Ines",
        "Mehmet", "Elif", "Katarzyna", "Pavel", "Ivana", "Nikolaj", "Astrid", "Freya", "Henrik", "Ingrid",
        "Grace", "Samuel", "Hannah", "David", "Sarah", "Michael", "Laura", "James", "Maria", "Peter", "Julia",
        "Thomas", "Anna", "Daniel", "Elena", "Oliver", "Charlotte", "Ben", "Lea", "Max", "Clara", "Felix",
        "李", "王芳", "Nguyễn", "Đức", "Ahmed", "Leila", "Rafael", "Camila", "Diego", "Lucía", "Bruno", "Joana",
    };

    private static final String[] LAST = {
        "Whitfield", "Bell", "Müller", "O'Brien", "García", "Núñez", "Dvořák", "Ødegaard", "Kowalski",
        "Nowak", "Schmidt", "Schneider", "Fischer", "Weber", "Becker", "Hoffmann", "Smith", "Johnson",
        "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson", "Taylor", "Thomas", "Moore",
        "Martin", "Jackson", "Thompson", "White", "Harris", "Clark", "Lewis", "Robinson", "Walker", "Young",
        "Allen", "King", "Wright", "Scott", "Green", "Baker", "Adams", "Nelson", "Hill", "Campbell",
        "Mitchell", "Roberts", "Carter", "Phillips", "Evans", "Turner", "Torres", "Parker", "Collins",
        "Edwards", "Stewart", "Morris", "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano",
        "Dubois", "Lefèvre", "Moreau", "Laurent", "Fournier", "Girard", "Bonnet", "Sato", "Suzuki",
        "Takahashi", "Tanaka", "Watanabe", "Kim", "Lee", "Park", "Singh", "Kumar", "Sharma", "Patel",
        "Okafor", "Adeyemi", "Mensah", "Haddad", "Yılmaz", "Kaya", "Demir", "Andersson", "Johansson",
        "Hansen", "Jensen", "Nielsen", "Virtanen", "Novák", "Horváth", "Popescu", "Ivanova", "Petrov",
    };

    /** Rendered emails carry a footer: keeps stored bodies near the size of real ones (a few KB). */
    private static final String FOOTER = "\n\nNeed help? Reply to this email or write to support@example.com;"
            + " our team answers within one working day. You can also find answers to common questions"
            + " about signing in, resetting your password and managing your membership in the Help Center."
            + "\n\nYou receive this email because you have an account with us. We send account emails such as"
            + " welcome messages, password resets and security notices to the address on your account, even"
            + " if you have unsubscribed from our newsletter.\n\nExample Membership Ltd, 1 Example Street,"
            + " Example Town. This address reaches no one; it is sample data.";

    private static final String[] DOMAINS = {"example.com", "example.org", "example.net"};

    private final Database database;
    private final Clock clock;

    public SampleDataGenerator(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Fills an empty database; refuses one that holds contacts already. */
    public Result generate(Spec spec) {
        long start = System.nanoTime();
        if (database.read(t -> t.contacts().count()) > 0) {
            throw new UserError("the database is not empty: sample data goes only into a new data directory");
        }
        Random random = new Random(spec.seed());
        Instant now = clock.instant();
        Result result = database.bulk(session -> write(session, spec, random, now));
        return new Result(result.contacts(), result.grants(), result.emails(), result.offers(),
                result.historyContactId(), result.historyContactEmail(),
                Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * Gives a contact of the data set {@code count} emails of the same kinds and outcomes as the long
     * history's, about the given offers; for a benchmark that opens a contact found by a search.
     */
    public int addHistory(UUID contactId, List<UUID> offerIds, int count, long seed) {
        Random random = new Random(seed);
        Instant now = clock.instant();
        return database.bulk(session -> {
            Contact contact = session.find(Contact.class, contactId);
            if (contact == null) {
                throw new UserError("no contact " + contactId);
            }
            List<Offer> offers = offerIds.stream().map(id -> session.find(Offer.class, id)).toList();
            return history(session, random, contact, offers, count, now);
        });
    }

    private static Result write(BulkTx session, SampleDataGenerator.Spec spec, Random random, Instant now) {
        List<Offer> offers = new ArrayList<>();
        for (String name : OFFERS) {
            Offer offer = new Offer(name, "https://members.example.com/" + slug(name), now.minus(Duration.ofDays(900)));
            session.insert(offer);
            offers.add(offer);
        }
        Map<String, Integer> emailCounts = new HashMap<>();
        Contact historyContact = null;
        int grants = 0;
        for (int i = 0; i < spec.contacts(); i++) {
            String first = FIRST[random.nextInt(FIRST.length)];
            String last = LAST[random.nextInt(LAST.length)];
            String domain = DOMAINS[random.nextInt(DOMAINS.length)];
            Instant created = now.minus(Duration.ofMinutes(1 + random.nextInt(60 * 24 * 1000)));
            Contact contact;
            if (i == 0) {
                contact = new Contact(HISTORY_CONTACT_EMAIL, "Hana History", List.of("vip", "cant-login"), created);
                historyContact = contact;
            } else {
                contact = new Contact(uniqueEmail(emailCounts, first, last, domain), first + " " + last,
                        tags(random), created);
            }
            session.insert(contact);
            session.insert(new PortalAccount(contact, created));
            grants += grant(session, random, contact, offers, created, now);
        }
        int emails = 0;
        if (historyContact != null) {
            emails = history(session, random, historyContact, offers, spec.historyEmails(), now);
        }
        return new Result(spec.contacts(), grants, emails, OFFERS,
                historyContact == null ? null : historyContact.getId(),
                historyContact == null ? null : historyContact.getEmail(), Duration.ZERO);
    }

    private static String uniqueEmail(Map<String, Integer> counts, String first, String last, String domain) {
        String base = ascii(first) + "." + ascii(last);
        String key = base + "@" + domain;
        int seen = counts.merge(key, 1, Integer::sum);
        return (seen == 1 ? base : base + seen) + "@" + domain;
    }

    /** An address-safe spelling of a name: accents dropped, other scripts spelled as "member". */
    static String ascii(String name) {
        String folded = Normalizer.normalize(name.replace("ø", "o").replace("Ø", "O").replace("ł", "l")
                        .replace("Ł", "L").replace("đ", "d").replace("Đ", "D").replace("ı", "i"), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]", "");
        return folded.isEmpty() ? "member" : folded;
    }

    private static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replace(' ', '-');
    }

    private static List<String> tags(Random random) {
        int roll = random.nextInt(100);
        int count = roll < 40 ? 0 : roll < 75 ? 1 : roll < 95 ? 2 : 3;
        TreeSet<String> tags = new TreeSet<>();
        while (tags.size() < count) {
            // Skewed: the first tags in the list are far more common than the last.
            double u = random.nextDouble();
            tags.add(TAGS.get((int) (u * u * TAGS.size())));
        }
        return List.copyOf(tags);
    }

    private static int grant(BulkTx session, Random random, Contact contact, List<Offer> offers,
                             Instant created, Instant now) {
        int roll = random.nextInt(100);
        int count = roll < 15 ? 0 : roll < 70 ? 1 : roll < 92 ? 2 : 3;
        List<Offer> shuffled = new ArrayList<>(offers);
        java.util.Collections.shuffle(shuffled, random);
        for (int g = 0; g < count; g++) {
            Instant at = created.plus(Duration.ofMinutes(random.nextInt(60 * 24)));
            if (at.isAfter(now)) {
                at = now;
            }
            int kind = random.nextInt(20);
            Instant expires = kind == 0 ? now.plus(Duration.ofDays(30 + random.nextInt(300))) : null;
            OfferGrant grant = new OfferGrant(contact, shuffled.get(g), at, null, "import");
            if (kind == 1) {
                grant.revoke(at.plus(Duration.ofDays(1)), "refund requested");
            } else if (expires != null) {
                grant.regrant(at, expires, "import");
            }
            session.insert(grant);
        }
        return count;
    }

    private static int history(BulkTx session, Random random, Contact contact, List<Offer> offers,
                               int count, Instant now) {
        EmailKind[] kinds = EmailKind.values();
        for (int i = 0; i < count; i++) {
            EmailKind kind = kinds[random.nextInt(kinds.length)];
            Offer offer = offers.get(random.nextInt(offers.size()));
            Instant at = now.minus(Duration.ofHours((long) (count - i) * 7 + random.nextInt(6)));
            String subject = DemoEmails.subject(kind, offer.getName());
            String text = DemoEmails.text(kind, contact.getName(), offer.getName()) + FOOTER;
            Origin origin = i % 3 == 0 ? Origin.WORKFLOW : i % 3 == 1 ? Origin.AGENT : Origin.SELF_SERVICE;
            EmailMessage message = new EmailMessage(contact, kind, subject, text, DemoEmails.html(text), origin,
                    origin == Origin.AGENT ? "agent" : origin == Origin.WORKFLOW ? "Welcome new members" : null, at);
            if (kind.scope() == org.memberdesk.domain.AccessScope.MEMBERSHIP) {
                message.forOffer(offer);
            }
            int outcome = random.nextInt(20);
            if (outcome == 0) {
                message.recordHistory(EmailStatus.FAILED, 5, "550 5.1.1 <" + contact.getEmail()
                        + ">: Recipient address rejected: User unknown", null);
            } else if (outcome == 1) {
                message.recordHistory(EmailStatus.RETRYING, 2, "451 4.7.1 Try again later", null);
            } else {
                message.recordHistory(EmailStatus.SENT, 1, "250 2.0.0 Ok: queued as " + Long.toHexString(
                        at.toEpochMilli()), at.plusSeconds(2));
            }
            session.insert(message);
        }
        return count;
    }
}
