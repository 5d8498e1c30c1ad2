package org.memberdesk.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.domain.EmailStatus;
import org.memberdesk.persistence.Database;
import org.memberdesk.service.credentials.Tokens;
import org.memberdesk.testsupport.TestClock;
import org.memberdesk.testsupport.TestSmtp;

/** Two dispatchers, each with its own connection pool on the same SQLite file (as two processes would be). */
class ConcurrentDispatchersTest {

    @TempDir
    Path dir;

    @Test
    void neverSendTheSameMessageTwice() throws Exception {
        TestClock clock = TestClock.at("2026-03-02T09:00:00Z");
        GreenMail smtp = TestSmtp.startServer(0);
        try (MailFixture mail = new MailFixture(dir, clock);
             Database second = Database.open(dir.resolve("memberdesk.db"))) {
            mail.useSmtp(smtp.getSmtp().getPort());
            UUID contact = mail.contact("amelia@example.com", "Amelia", true);
            int total = 120;
            mail.db.writeVoid(t -> {
                var c = t.contacts().byId(contact).orElseThrow();
                for (int i = 0; i < total; i++) {
                    ComposedEmail base = mail.composer.passwordChanged("http://localhost:7321", c, clock.instant());
                    mail.outbox.enqueue(t, c, new ComposedEmail(base.kind(), null, null, "Message " + i, base.text(),
                            base.html(), null, null), org.memberdesk.domain.Origin.SYSTEM, null);
                }
            });
            Dispatcher.Policy small = new Dispatcher.Policy(5, Duration.ofMinutes(2), 8, Duration.ofMinutes(1),
                    Duration.ofHours(1), Duration.ofSeconds(1));
            Dispatcher a = mail.dispatcher(small);
            Dispatcher b = new Dispatcher(second, clock, mail.settings, mail.links, Tokens::mint, null, small);
            assertThat(a.owner()).isNotEqualTo(b.owner());

            CountDownLatch go = new CountDownLatch(1);
            CompletableFuture<Dispatcher.Result> runA = CompletableFuture.supplyAsync(() -> await(go, a));
            CompletableFuture<Dispatcher.Result> runB = CompletableFuture.supplyAsync(() -> await(go, b));
            go.countDown();
            Dispatcher.Result ra = runA.get(120, TimeUnit.SECONDS);
            Dispatcher.Result rb = runB.get(120, TimeUnit.SECONDS);

            assertThat(ra.sent() + rb.sent()).isEqualTo(total);
            assertThat(ra.sent()).as("both took part").isPositive();
            assertThat(rb.sent()).as("both took part").isPositive();
            Map<String, Integer> copies = new HashMap<>();
            for (MimeMessage m : smtp.getReceivedMessages()) {
                copies.merge(m.getSubject(), 1, Integer::sum);
            }
            assertThat(copies).hasSize(total);
            assertThat(copies.values()).containsOnly(1);
            long sent = mail.read(t -> t.emails().countByStatus().get(EmailStatus.SENT));
            assertThat(sent).isEqualTo(total);
        } finally {
            smtp.stop();
        }
    }

    private static Dispatcher.Result await(CountDownLatch go, Dispatcher dispatcher) {
        try {
            go.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return dispatcher.runUntilEmpty();
    }
}
