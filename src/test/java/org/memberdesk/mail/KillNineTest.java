package org.memberdesk.mail;

import org.memberdesk.testsupport.TestDatabases;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.domain.Contact;
import org.memberdesk.domain.EmailStatus;
import org.memberdesk.domain.Origin;
import org.memberdesk.testsupport.TestClock;

/**
 * A crash at any moment loses no email and sends at most 10 twice (issue 17): a child JVM
 * dispatching a batch is killed with SIGKILL mid-batch, and a new dispatcher delivers the rest.
 * Only messages the server received and the child had not yet recorded as sent may arrive twice;
 * the server counts them as it goes (received so far minus rows recorded sent), so a dispatcher that
 * lets more than 10 go out unrecorded at any moment fails here even when the kill misses that moment.
 */
class KillNineTest {

    static final int TOTAL = 300;
    /** The bound the issue allows: messages sent twice after a kill -9. */
    static final int MAX_DUPLICATES = 10;
    /** The server holds its reply to a message once this many arrived: the child is then killed. */
    static final int HOLD_AFTER = 90;

    @TempDir
    Path dir;

    @Test
    void aDispatcherKilledMidBatchLosesNothingAndSendsAtMostTenTwice() throws Exception {
        // the child uses the real clock; the outbox rows were due a minute ago
        TestClock clock = new TestClock(Instant.now().minus(Duration.ofMinutes(1)));
        try (HoldingSmtpServer smtp = new HoldingSmtpServer();
             MailFixture mail = new MailFixture(dir, clock)) {
            mail.useSmtp(smtp.port());
            UUID contact = mail.contact("amelia@example.com", "Amelia Clarke", true);
            mail.db.writeVoid(t -> {
                Contact c = t.contacts().byId(contact).orElseThrow();
                ComposedEmail template = mail.composer.passwordChanged("http://localhost:7321", c, clock.instant());
                for (int i = 0; i < TOTAL; i++) {
                    mail.outbox.enqueue(t, c, new ComposedEmail(template.kind(), null, null,
                            String.format("Batch message %03d", i), template.text(), template.html(), null, null),
                            Origin.SYSTEM, "kill -9 test");
                }
            });
            AtomicInteger mostUnrecorded = new AtomicInteger();
            smtp.holdWhen(received -> {
                long recorded = mail.read(t -> t.emails().countByStatus().get(EmailStatus.SENT));
                mostUnrecorded.accumulateAndGet(received - (int) recorded, Math::max);
                return received >= HOLD_AFTER;
            });

            ProcessBuilder childCommand = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-Dmemberdesk.logdir=" + dir.resolve("child-logs"),
                    "-cp", System.getProperty("java.class.path"),
                    DispatchingChild.class.getName(), dir.toString(), String.valueOf(smtp.port()), "2")
                    .redirectErrorStream(true);
            Process child = TestDatabases.forChild(dir, childCommand).start();
            List<String> output = Collections.synchronizedList(new ArrayList<>());
            Thread reader = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(
                        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = out.readLine()) != null) {
                        output.add(line);
                    }
                } catch (java.io.IOException e) {
                    // the child was killed
                }
            });
            reader.start();
            boolean held = smtp.awaitHolding(120);
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            reader.join(10_000);
            assertThat(held).as("the server held a reply; child output: %s", output).isTrue();
            smtp.releaseHeld();

            int receivedBeforeRestart = smtp.subjects().size();
            long sentInDb = mail.read(t -> t.emails().countByStatus().get(EmailStatus.SENT));
            assertThat(receivedBeforeRestart).as("killed mid-batch").isBetween(HOLD_AFTER, TOTAL - 1);
            assertThat(mostUnrecorded.get()).as("received by the server but not yet recorded sent, at most")
                    .isLessThanOrEqualTo(MAX_DUPLICATES);
            assertThat(mail.dispatcher().leased()).as("the dead process still holds its leases").isNotEmpty();

            // restart: a new dispatcher may take the dead one's rows once their lease has run out
            clock.set(Instant.now().plus(Duration.ofMinutes(3)));
            Dispatcher.Result result = mail.dispatcher().runUntilEmpty();

            Map<String, Integer> copies = new HashMap<>();
            for (String subject : smtp.subjects()) {
                copies.merge(subject, 1, Integer::sum);
            }
            assertThat(copies).as("every message delivered").hasSize(TOTAL);
            int duplicates = smtp.subjects().size() - TOTAL;
            assertThat(duplicates).as("sent twice after the kill").isLessThanOrEqualTo(MAX_DUPLICATES)
                    .isLessThanOrEqualTo(receivedBeforeRestart - (int) sentInDb);
            long sentAfter = mail.read(t -> t.emails().countByStatus().get(EmailStatus.SENT));
            assertThat(sentAfter).isEqualTo(TOTAL);
            assertThat(result.sent()).isEqualTo(TOTAL - (int) sentInDb);
            assertThat(mail.dispatcher().leased()).isEmpty();
        }
    }
}
