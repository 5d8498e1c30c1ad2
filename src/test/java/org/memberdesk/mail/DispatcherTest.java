package org.memberdesk.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.memberdesk.domain.CredentialToken;
import org.memberdesk.domain.EmailMessage;
import org.memberdesk.domain.EmailStatus;
import org.memberdesk.persistence.TestSessions;
import org.memberdesk.testsupport.Await;
import org.memberdesk.testsupport.TestSmtp;

/** The dispatcher delivering the outbox to a real GreenMail SMTP server over a socket. */
class DispatcherTest extends SmtpDeliveryCase {

    @Test
    void deliversAQueuedMessageAsMultipartAlternativeAndRecordsTheServersReply() throws Exception {
        UUID zoe = mail.contact("zoe.laurent@example.net", "Zoé Laurent", true);
        UUID offer = mail.offer("Mindful Mornings Course", null);
        UUID id = mail.db.write(t -> mail.outbox.enqueue(t, t.contacts().byId(zoe).orElseThrow(),
                mail.composer.welcome(mail.links.base(t), t.contacts().byId(zoe).orElseThrow(),
                        TestSessions.of(t).find(org.memberdesk.domain.Offer.class, offer), true, Duration.ofHours(72)),
                org.memberdesk.domain.Origin.WORKFLOW, "Welcome new members").getId());
        assertThat(mail.email(id).getStatus()).isEqualTo(EmailStatus.QUEUED);

        Dispatcher.Result result = mail.dispatcher().runDue();

        assertThat(result.sent()).isEqualTo(1);
        EmailMessage sent = mail.email(id);
        assertThat(sent.getStatus()).isEqualTo(EmailStatus.SENT);
        assertThat(sent.getAttempts()).isEqualTo(1);
        assertThat(sent.getLastReply()).startsWith("250");
        assertThat(sent.getMessageId()).isEqualTo("<" + id + ".1@example.com>");
        assertThat(sent.getSentAt()).isEqualTo(clock.instant());
        assertThat(sent.getLeaseOwner()).isNull();

        MimeMessage received = smtp.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo("Your access to Mindful Mornings Course is ready");
        assertThat(received.getAllRecipients()[0].toString()).isEqualTo("zoe.laurent@example.net");
        assertThat(received.getFrom()[0].toString()).contains("support@example.com");
        assertThat(received.getMessageID()).isEqualTo(sent.getMessageId());
        assertThat(received.getContentType()).startsWith("multipart/alternative");
        Multipart parts = (Multipart) received.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain").containsIgnoringCase("utf-8");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html").containsIgnoringCase("utf-8");
        assertThat((String) parts.getBodyPart(0).getContent()).contains("Hi Zoé Laurent,", "Mindful Mornings Course");
        assertThat((String) parts.getBodyPart(1).getContent()).contains("<h1", "Zoé Laurent");
    }

    @Test
    void reusesOneConnectionForABatchAndReportsProgress() {
        UUID contact = mail.contact("amelia@example.com", "Amelia", true);
        for (int i = 0; i < 5; i++) {
            mail.queue(contact, (base, c) -> mail.composer.passwordChanged(base, c, clock.instant()));
        }
        List<DeliveryEvent> events = new ArrayList<>();
        Dispatcher dispatcher = mail.dispatcher();
        dispatcher.addListener(events::add);

        Dispatcher.Result result = dispatcher.runUntilEmpty();

        assertThat(result.sent()).isEqualTo(5);
        assertThat(smtp.getReceivedMessages()).hasSize(5);
        assertThat(events.get(0).type()).isEqualTo(DeliveryEvent.Type.BATCH_STARTED);
        assertThat(events.get(0).batchSize()).isEqualTo(5);
        assertThat(events).filteredOn(e -> e.status() == EmailStatus.SENDING).hasSize(5);
        assertThat(events).filteredOn(e -> e.status() == EmailStatus.SENT)
                .extracting(DeliveryEvent::done).containsExactly(1, 2, 3, 4, 5);
        assertThat(events).filteredOn(e -> e.status() == EmailStatus.SENT)
                .allSatisfy(e -> assertThat(e.contactId()).isEqualTo(contact));
        assertThat(events.get(events.size() - 1).type()).isEqualTo(DeliveryEvent.Type.BATCH_FINISHED);
    }

    @Test
    void retriesWithBackoffWhileTheServerIsDownAndSendsWhenItIsBack() {
        int port = smtp.getSmtp().getPort();
        smtp.stop();
        smtp = null;
        UUID contact = mail.contact("marcus@example.org", "Marcus Bell", true);
        UUID id = mail.queue(contact, (base, c) -> mail.composer.passwordChanged(base, c, clock.instant()));
        Dispatcher dispatcher = mail.dispatcher();

        dispatcher.runDue();
        EmailMessage first = mail.email(id);
        assertThat(first.getStatus()).isEqualTo(EmailStatus.RETRYING);
        assertThat(first.getAttempts()).isEqualTo(1);
        assertThat(first.getLastReply()).contains("could not connect to 127.0.0.1:" + port);
        assertThat(first.getNextAttemptAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));

        assertThat(dispatcher.runDue().claimed()).as("not due yet").isZero();

        clock.advance(Duration.ofMinutes(1));
        dispatcher.runDue();
        EmailMessage second = mail.email(id);
        assertThat(second.getStatus()).isEqualTo(EmailStatus.RETRYING);
        assertThat(second.getAttempts()).isEqualTo(2);
        assertThat(second.getNextAttemptAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(2)));

        smtp = TestSmtp.startServer(port);
        clock.advance(Duration.ofMinutes(2));
        dispatcher.runDue();

        EmailMessage sent = mail.email(id);
        assertThat(sent.getStatus()).isEqualTo(EmailStatus.SENT);
        assertThat(sent.getAttempts()).isEqualTo(3);
        assertThat(sent.getLastReply()).startsWith("250");
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void aRejectedRecipientFailsAtOnceWithTheServersReplyKept() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(
                "550 5.1.1 <priya@example.net>: Recipient address rejected: User unknown")) {
            mail.useSmtp(server.port());
            UUID contact = mail.contact("priya@example.net", "Priya", true);
            UUID id = mail.queueReset(contact);

            Dispatcher.Result result = mail.dispatcher().runUntilEmpty();

            assertThat(result.failed()).isEqualTo(1);
            EmailMessage failed = mail.email(id);
            assertThat(failed.getStatus()).isEqualTo(EmailStatus.FAILED);
            assertThat(failed.getAttempts()).isEqualTo(1);
            assertThat(failed.getLastReply())
                    .isEqualTo("550 5.1.1 <priya@example.net>: Recipient address rejected: User unknown");
            assertThat(server.accepted.get()).isZero();
            List<CredentialToken> tokens = mail.read(t -> t.tokens().ofContact(contact));
            assertThat(tokens).singleElement()
                    .satisfies(token -> assertThat(token.getRevokedAt())
                            .as("the link of an attempt the server refused is dead").isNotNull());
        }
    }

    @Test
    void aTemporaryRefusalIsRetriedUntilTheBudgetIsSpentThenFails() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer("451 4.3.0 Mailbox temporarily unavailable")) {
            mail.useSmtp(server.port());
            UUID contact = mail.contact("hana@example.com", "Hana", true);
            UUID id = mail.queue(contact, (base, c) -> mail.composer.passwordChanged(base, c, clock.instant()));
            Dispatcher dispatcher = mail.dispatcher(new Dispatcher.Policy(25, Duration.ofMinutes(2), 3,
                    Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofSeconds(1)));

            dispatcher.runDue();
            assertThat(mail.email(id).getStatus()).isEqualTo(EmailStatus.RETRYING);
            assertThat(mail.email(id).getLastReply()).isEqualTo("451 4.3.0 Mailbox temporarily unavailable");
            clock.advance(Duration.ofMinutes(1));
            dispatcher.runDue();
            assertThat(mail.email(id).getStatus()).isEqualTo(EmailStatus.RETRYING);
            assertThat(mail.email(id).getNextAttemptAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(2)));
            clock.advance(Duration.ofMinutes(2));
            dispatcher.runDue();

            EmailMessage failed = mail.email(id);
            assertThat(failed.getStatus()).isEqualTo(EmailStatus.FAILED);
            assertThat(failed.getAttempts()).isEqualTo(3);
            assertThat(failed.getLastReply()).isEqualTo(
                    "451 4.3.0 Mailbox temporarily unavailable (gave up after 3 attempts)");
        }
    }

    @Test
    void authenticationRequiredIsOurSettingsNotTheRecipientSoItIsRetried() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer("530 5.7.0 Authentication required")) {
            mail.useSmtp(server.port());
            UUID id = mail.queue(mail.contact("leo@example.org", "Leo", true),
                    (base, c) -> mail.composer.passwordChanged(base, c, clock.instant()));

            mail.dispatcher().runDue();

            assertThat(mail.email(id).getStatus()).isEqualTo(EmailStatus.RETRYING);
            assertThat(mail.email(id).getLastReply()).isEqualTo("530 5.7.0 Authentication required");
        }
    }

    @Test
    void backoffDoublesUpToItsCap() {
        Dispatcher.Policy policy = Dispatcher.Policy.DEFAULT;
        assertThat(List.of(1, 2, 3, 4, 5, 6, 7, 8).stream().map(policy::retryDelay).map(Duration::toMinutes))
                .containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L);
    }

    @Test
    void aMessageIsNotClaimedTwiceWhileLeasedButALeaseLeftByACrashExpires() {
        UUID contact = mail.contact("ivy@example.com", "Ivy", true);
        UUID id = mail.queue(contact, (base, c) -> mail.composer.passwordChanged(base, c, clock.instant()));
        // a dispatcher that crashed after claiming and marking the message sending
        mail.db.writeVoid(t -> {
            EmailMessage m = t.emails().byId(id).orElseThrow();
            TestSessions.of(t).createMutationQuery("update EmailMessage m set m.leaseOwner = 'crashed#1', m.leaseUntil = :u "
                    + "where m.id = :id").setParameter("u", clock.instant().plus(Duration.ofMinutes(2)))
                    .setParameter("id", id).executeUpdate();
            TestSessions.of(t).refresh(m);
            m.startAttempt(clock.instant().plus(Duration.ofMinutes(2)));
        });
        Dispatcher dispatcher = mail.dispatcher();

        assertThat(dispatcher.runDue().claimed()).isZero();
        assertThat(smtp.getReceivedMessages()).isEmpty();

        clock.advance(Duration.ofMinutes(2));
        assertThat(dispatcher.runDue().sent()).isEqualTo(1);
        assertThat(mail.email(id).getAttempts()).isEqualTo(2);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void theBackgroundThreadDeliversSoonAfterACommitWakesIt() throws Exception {
        Dispatcher dispatcher = mail.dispatcher(new Dispatcher.Policy(25, Duration.ofMinutes(2), 8,
                Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofMinutes(10)));
        mail.outbox.onQueued(dispatcher::signal);
        dispatcher.start();
        try {
            UUID contact = mail.contact("noah@example.org", "Noah", true);
            UUID id = mail.queue(contact, (base, c) -> mail.composer.passwordChanged(base, c, clock.instant()));

            assertThat(smtp.waitForIncomingEmail(10_000, 1)).as("woken by the commit, not by polling").isTrue();
            Await.until(Duration.ofSeconds(10), () -> mail.email(id).getStatus() == EmailStatus.SENT,
                    "the delivered email to be marked sent");
            assertThat(mail.email(id).getStatus()).isEqualTo(EmailStatus.SENT);
        } finally {
            dispatcher.stop();
        }
        assertThat(dispatcher.isStarted()).isFalse();
    }

    @Test
    void stoppedAfterAGroupWasMarkedSendingItSendsNoneOfItAndPutsItBackAsItWas() throws Exception {
        UUID contact = mail.contact("ines@example.org", "Inès", false);
        UUID reset = mail.queueReset(contact);
        List<UUID> others = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            others.add(mail.queue(contact, (base, c) -> mail.composer.passwordChanged(base, c, clock.instant())));
        }
        Dispatcher dispatcher = mail.dispatcher();
        List<DeliveryEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        dispatcher.addListener(event -> {
            events.add(event);
            if (event.status() == EmailStatus.SENDING && events.stream()
                    .filter(e -> e.status() == EmailStatus.SENDING).count() == 1) {
                // asked to stop while the dispatcher is between marking a group sending and sending it
                Thread stopper = new Thread(dispatcher::stop);
                stopper.start();
                Await.until(Duration.ofSeconds(5), () -> !stopper.isAlive() || stopper.getState() == Thread.State.TIMED_WAITING,
                        "stop() to have been asked");
            }
        });
        dispatcher.start();
        mail.outbox.onQueued(dispatcher::signal);
        dispatcher.signal();

        Await.until(Duration.ofSeconds(10), () -> !dispatcher.isStarted(), "the dispatcher to stop");
        Await.until(Duration.ofSeconds(10), () -> events.stream()
                .anyMatch(e -> e.type() == DeliveryEvent.Type.BATCH_FINISHED), "the batch to finish");

        assertThat(smtp.getReceivedMessages()).as("nothing of the group went out").isEmpty();
        for (UUID id : concat(reset, others)) {
            EmailMessage m = mail.email(id);
            assertThat(m.getStatus()).isEqualTo(EmailStatus.QUEUED);
            assertThat(m.getAttempts()).as("the attempt is taken back").isZero();
            assertThat(m.getLeaseOwner()).isNull();
        }
        List<CredentialToken> tokens = mail.read(t -> t.tokens().ofContact(contact));
        assertThat(tokens).as("the link minted for the group")
                .singleElement().satisfies(token -> assertThat(token.state(clock.instant()))
                        .isEqualTo(CredentialToken.State.REVOKED));
        assertThat(events).filteredOn(e -> e.type() == DeliveryEvent.Type.MESSAGE_UPDATED
                        && e.status() == EmailStatus.QUEUED).as("each message of the group reported back in the queue")
                .hasSize(Dispatcher.Policy.GROUP_SIZE);
    }

    private static List<UUID> concat(UUID first, List<UUID> rest) {
        List<UUID> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }
}
