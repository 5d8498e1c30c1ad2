package org.memberdesk.mail;

import org.memberdesk.testsupport.TestDatabases;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.domain.Contact;
import org.memberdesk.domain.EmailStatus;
import org.memberdesk.domain.Origin;
import org.memberdesk.testsupport.TestClock;
import org.memberdesk.testsupport.TestSmtp;

/**
 * A crash at any moment loses no email: a child JVM dispatching a batch is killed with SIGKILL
 * mid-batch, and a new dispatcher delivers the rest. Only a message that was in flight at the kill
 * (marked sending, its SMTP exchange done or not) may arrive twice.
 */
class KillNineTest {

    static final int TOTAL = 300;

    @TempDir
    Path dir;

    @Test
    void aDispatcherKilledMidBatchLosesNothingAndDuplicatesAtMostWhatWasInFlight() throws Exception {
        // the child uses the real clock; the outbox rows were due a minute ago
        TestClock clock = new TestClock(Instant.now().minus(Duration.ofMinutes(1)));
        GreenMail smtp = TestSmtp.startServer(0);
        try (MailFixture mail = new MailFixture(dir, clock)) {
            mail.useSmtp(smtp.getSmtp().getPort());
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

            ProcessBuilder childCommand = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-Dmemberdesk.logdir=" + dir.resolve("child-logs"),
                    "-cp", System.getProperty("java.class.path"),
                    DispatchingChild.class.getName(), dir.toString(), String.valueOf(smtp.getSmtp().getPort()), "5")
                    .redirectErrorStream(true);
            Process child = TestDatabases.forChild(dir, childCommand).start();
            int sentByChild = 0;
            List<String> output = new ArrayList<>();
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    output.add(line);
                    if (line.startsWith("SENT ") && ++sentByChild == 60) {
                        child.destroyForcibly();
                        break;
                    }
                }
            }
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(sentByChild).as("child output: %s", output).isEqualTo(60);

            int receivedBeforeRestart = smtp.getReceivedMessages().length;
            long inFlight = mail.read(t -> t.emails().countByStatus().get(EmailStatus.SENDING));
            long sentInDb = mail.read(t -> t.emails().countByStatus().get(EmailStatus.SENT));
            assertThat(receivedBeforeRestart).as("killed mid-batch").isBetween(60, TOTAL - 1);
            assertThat(inFlight).as("one message at a time is in flight").isLessThanOrEqualTo(1);
            assertThat(mail.dispatcher().leased()).as("the dead process still holds its leases").isNotEmpty();

            // restart: a new dispatcher may take the dead one's rows once their lease has run out
            clock.set(Instant.now().plus(Duration.ofMinutes(3)));
            Dispatcher.Result result = mail.dispatcher().runUntilEmpty();

            Map<String, Integer> copies = new HashMap<>();
            for (MimeMessage m : smtp.getReceivedMessages()) {
                copies.merge(m.getSubject(), 1, Integer::sum);
            }
            assertThat(copies).as("every message delivered").hasSize(TOTAL);
            int duplicates = smtp.getReceivedMessages().length - TOTAL;
            assertThat(duplicates).as("duplicates only of what was in flight at the kill")
                    .isLessThanOrEqualTo((int) inFlight);
            long sentAfter = mail.read(t -> t.emails().countByStatus().get(EmailStatus.SENT));
            assertThat(sentAfter).isEqualTo(TOTAL);
            assertThat(result.sent()).isEqualTo(TOTAL - (int) sentInDb);
            assertThat(mail.dispatcher().leased()).isEmpty();
        } finally {
            smtp.stop();
        }
    }
}
