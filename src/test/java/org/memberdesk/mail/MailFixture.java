package org.memberdesk.mail;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import org.memberdesk.domain.Contact;
import org.memberdesk.domain.EmailMessage;
import org.memberdesk.domain.Offer;
import org.memberdesk.domain.Origin;
import org.memberdesk.domain.PortalAccount;
import org.memberdesk.persistence.Database;
import org.memberdesk.persistence.Tx;
import org.memberdesk.service.credentials.Tokens;
import org.memberdesk.testsupport.TestClock;

/** The mail layer on a real SQLite file in a temp dir, wired as the app wires it, with a movable clock. */
final class MailFixture implements AutoCloseable {

    static final Dispatcher.Policy FAST = new Dispatcher.Policy(25, Duration.ofMinutes(2), 8, Duration.ofMinutes(1),
            Duration.ofHours(1), Duration.ofMillis(200));

    final Path dir;
    final TestClock clock;
    final Database db;
    final Map<String, String> env;
    final PortalLinks links;
    final MailSettingsStore settings;
    final EmailComposer composer;
    final Outbox outbox;
    final DemoMailServer demo;

    MailFixture(Path dir, TestClock clock) {
        this(dir, clock, Map.of());
    }

    MailFixture(Path dir, TestClock clock, Map<String, String> env) {
        this.dir = dir;
        this.clock = clock;
        this.env = new HashMap<>(env);
        this.db = Database.open(dir.resolve("memberdesk.db"));
        this.links = new PortalLinks(env);
        this.settings = new MailSettingsStore(new SecretBox(dir.resolve("secret.key")), env);
        this.composer = new EmailComposer(clock);
        this.outbox = new Outbox(clock);
        this.demo = new DemoMailServer(dir.resolve("demo-mailbox"), clock);
    }

    Dispatcher dispatcher() {
        return dispatcher(FAST);
    }

    Dispatcher dispatcher(Dispatcher.Policy policy) {
        return new Dispatcher(db, clock, settings, links, Tokens::mint, demo, policy);
    }

    /** Points delivery at a plain SMTP server on localhost. */
    void useSmtp(int port) {
        write(t -> {
            settings.save(t, new MailSettingsStore.Update("127.0.0.1", port, "none", "Support <support@example.com>",
                    null, null), clock.instant());
            return null;
        });
    }

    UUID contact(String email, String name, boolean withPassword) {
        return db.write(t -> {
            Contact c = new Contact(email, name, List.of(), clock.instant());
            t.persist(c);
            PortalAccount account = new PortalAccount(c, clock.instant());
            if (withPassword) {
                account.getCredential().setPasswordHash("$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g",
                        clock.instant());
            }
            t.persist(account);
            return c.getId();
        });
    }

    UUID offer(String name, String loginUrl) {
        return db.write(t -> {
            Offer o = new Offer(name, loginUrl, clock.instant());
            t.persist(o);
            return o.getId();
        });
    }

    /** Queues what {@code compose} makes for the contact (given the portal base), in one transaction. */
    UUID queue(UUID contactId, BiFunction<String, Contact, ComposedEmail> compose) {
        return write(t -> {
            Contact c = t.contacts().byId(contactId).orElseThrow();
            EmailMessage m = outbox.enqueue(t, c, compose.apply(links.base(t), c), Origin.AGENT, "tester");
            return m.getId();
        });
    }

    UUID queueReset(UUID contactId) {
        return queue(contactId, (base, c) -> composer.resetLink(base, c, Duration.ofHours(24)));
    }

    EmailMessage email(UUID id) {
        return db.read(t -> {
            EmailMessage m = t.emails().byId(id).orElseThrow();
            m.getContact().getEmail();
            return m;
        });
    }

    <T> T read(java.util.function.Function<Tx, T> work) {
        return db.read(work);
    }

    /** A write transaction (BEGIN IMMEDIATE), safe next to a running dispatcher. */
    <T> T write(java.util.function.Function<Tx, T> work) {
        return db.write(work);
    }

    @Override
    public void close() {
        demo.close();
        db.close();
    }
}
