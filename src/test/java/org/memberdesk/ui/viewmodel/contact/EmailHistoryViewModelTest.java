package org.memberdesk.ui.viewmodel.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.service.Actor;
import org.memberdesk.service.AuditLog;
import org.memberdesk.service.Services;
import org.memberdesk.service.email.EmailView;
import org.memberdesk.service.storage.DataDirectory;
import org.memberdesk.testsupport.TestClock;
import org.memberdesk.testsupport.TestServices;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.common.RecordingClipboard;
import org.memberdesk.ui.common.RecordingDialogService;
import org.memberdesk.ui.common.TestExecutor;
import org.memberdesk.ui.viewmodel.DeliveryFeed;
import org.memberdesk.ui.viewmodel.DisplayTime;
import org.memberdesk.ui.viewmodel.Tone;

/**
 * Email History over the demo data on a real SQLite file, delivering to a real GreenMail server
 * named by the environment (MEMBERDESK_SMTP_*), as the console would.
 */
class EmailHistoryViewModelTest {

    @TempDir
    Path dir;
    final TestClock clock = TestClock.at(TestServices.START);
    final Messages messages = Messages.load();
    final TestExecutor executor = TestExecutor.currentThread().holdTimers();
    final RecordingDialogService dialogs = RecordingDialogService.accepting();
    final RecordingClipboard clipboard = new RecordingClipboard();
    GreenMail smtp;
    Services services;
    DeliveryFeed feed;

    @BeforeEach
    void seedWithSmtpFromTheEnvironment() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        services = TestServices.open(dir, clock, Map.of(
                "MEMBERDESK_SMTP_HOST", "127.0.0.1",
                "MEMBERDESK_SMTP_PORT", String.valueOf(smtp.getSmtp().getPort()),
                "MEMBERDESK_SMTP_SECURITY", "none",
                "MEMBERDESK_SMTP_FROM", "Support <support@example.com>"));
        services.demo().seed();
        feed = new DeliveryFeed(executor, services.emails());
    }

    @AfterEach
    void close() {
        feed.close();
        services.close();
        smtp.stop();
    }

    private EmailHistoryViewModel history(String email) {
        return history(email, dialogs);
    }

    private EmailHistoryViewModel history(String email, RecordingDialogService dialogs) {
        UUID id = services.contacts().byEmail(email).id();
        EmailHistoryViewModel history = new EmailHistoryViewModel(services.emails(), id, feed,
                new EmailHistoryViewModel.Tools(executor, dialogs, clipboard, messages,
                        new DisplayTime(ZoneOffset.UTC, messages.locale()), Actor.agent("Sam (support)")));
        history.load();
        return history;
    }

    private static EmailFilter choice(List<EmailFilter> choices, String label) {
        return choices.stream().filter(c -> c.label().equals(label)).findFirst().orElseThrow();
    }

    @Test
    void filtersByKindAndStatusWithAllAsDefault() {
        EmailHistoryViewModel dana = history("dana.whitfield@example.com");

        assertThat(dana.kindFilterProperty().get().label()).isEqualTo("All");
        assertThat(dana.statusFilterProperty().get().label()).isEqualTo("All");
        assertThat(dana.kindChoices()).extracting(EmailFilter::label)
                .startsWith("All", "Membership welcome", "Reset link");
        assertThat(dana.statusChoices()).extracting(EmailFilter::label)
                .containsExactly("All", "Queued", "Sending", "Sent", "Retrying", "Failed");
        assertThat(dana.rows()).extracting(EmailRow::kind)
                .containsExactly("Reset link", "Membership welcome", "Membership welcome");
        assertThat(dana.countTextProperty().get()).isEqualTo("3 emails");

        dana.kindFilterProperty().set(choice(dana.kindChoices(), "Membership welcome"));
        assertThat(dana.rows()).extracting(EmailRow::about).containsExactly("Budget Bootcamp", "Momentum Membership");
        assertThat(dana.countTextProperty().get()).isEqualTo("2 of 3 emails");

        dana.statusFilterProperty().set(choice(dana.statusChoices(), "Failed"));
        assertThat(dana.rows()).isEmpty();
        assertThat(dana.emptyTextProperty().get()).isEqualTo("No email matches these filters.");

        dana.kindFilterProperty().set(dana.kindChoices().get(0));
        dana.statusFilterProperty().set(choice(dana.statusChoices(), "Sent"));
        assertThat(dana.rows()).hasSize(3);
    }

    @Test
    void theOriginalWelcomeOfEachOfferIsMarked() {
        EmailHistoryViewModel dana = history("dana.whitfield@example.com");

        assertThat(dana.rows()).extracting(EmailRow::kind, EmailRow::original).containsExactly(
                tuple("Reset link", false), tuple("Membership welcome", true), tuple("Membership welcome", true));
    }

    @Test
    void aResendIsNotTheOriginalButTheFirstWelcomeIs() {
        Instant day1 = Instant.parse("2026-03-01T09:00:00Z");
        UUID first = UUID.randomUUID();
        UUID resend = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        List<EmailView> newestFirst = List.of(
                welcome(resend, "Momentum Membership", day1.plus(Duration.ofDays(2)), first),
                welcome(other, "Budget Bootcamp", day1.plus(Duration.ofDays(1)), null),
                welcome(first, "Momentum Membership", day1, null));

        assertThat(EmailHistoryViewModel.originalWelcomes(newestFirst)).containsExactlyInAnyOrder(first, other);
    }

    private static EmailView welcome(UUID id, String offer, Instant at, UUID resendOf) {
        return new EmailView(id, EmailView.Kind.WELCOME, EmailView.Status.SENT, "Welcome", "a@example.com", 1,
                "250 Ok", null, AuditLog.Origin.WORKFLOW, null, at, at, offer, null, resendOf);
    }

    @Test
    void selectingAnEmailOpensItWithDeliveryDetailsAndTheStateOfItsLink() {
        EmailHistoryViewModel dana = history("dana.whitfield@example.com");

        dana.selectedProperty().set(dana.rows().get(0));

        OpenedEmail reset = dana.openedProperty().get();
        assertThat(reset.subject()).isEqualTo("Reset your Client Portal password");
        assertThat(reset.recipient()).isEqualTo("dana.whitfield@example.com");
        assertThat(reset.status()).isEqualTo("Sent");
        assertThat(reset.statusTone()).isEqualTo(Tone.GOOD);
        assertThat(reset.sentBy()).isEqualTo("Sam (support)");
        assertThat(reset.attempts()).isEqualTo("1 attempt");
        assertThat(reset.nextTry()).isEqualTo("\u2014");
        assertThat(reset.reply()).startsWith("250 2.0.0 Ok");
        assertThat(reset.text()).contains("reset the password you use for the membership Client Portal");
        assertThat(reset.html()).contains("<");
        assertThat(reset.retryable()).isFalse();
        assertThat(reset.links()).singleElement().satisfies(link -> {
            assertThat(link.purpose()).isEqualTo("Reset link");
            assertThat(link.state()).isEqualTo("Expired");
            assertThat(link.stateTone()).isEqualTo(Tone.CAUTION);
            assertThat(link.dates()).startsWith("expired 1 Mar 2026");
        });

        dana.selectedProperty().set(null);
        assertThat(dana.openedProperty().get()).isNull();
    }

    @Test
    void retryIsEnabledOnlyForAFailedEmail() {
        EmailHistoryViewModel dana = history("dana.whitfield@example.com");
        dana.selectedProperty().set(dana.rows().get(0));
        assertThat(dana.canRetry().get()).as("a sent email").isFalse();

        EmailHistoryViewModel marcus = history("marcus.bell@example.org");
        assertThat(marcus.selectedProperty().get()).as("opens on the newest email").isEqualTo(marcus.rows().get(0));
        assertThat(marcus.canRetry().get()).isTrue();
        marcus.selectedProperty().set(null);
        assertThat(marcus.canRetry().get()).as("nothing selected").isFalse();
        marcus.selectedProperty().set(marcus.rows().get(0));
        assertThat(marcus.canRetry().get()).isTrue();
        assertThat(marcus.openedProperty().get().retryable()).isTrue();
        assertThat(marcus.openedProperty().get().reply()).startsWith("421 4.4.2");
        assertThat(marcus.openedProperty().get().original()).isTrue();
    }

    @Test
    void retryQueuesTheFailedEmailAndTheListFollowsItToSent() {
        EmailHistoryViewModel marcus = history("marcus.bell@example.org");
        marcus.selectedProperty().set(marcus.rows().get(0));

        marcus.retry();

        assertThat(dialogs.errors()).isEmpty();
        assertThat(marcus.notificationProperty().get())
                .isEqualTo("\u201cYour access to Momentum Membership is ready\u201d is queued again for "
                        + "marcus.bell@example.org. Its status turns to Sent once the mail server accepts it.");
        assertThat(marcus.rows().get(0).status()).isEqualTo("Queued");
        assertThat(marcus.canRetry().get()).isFalse();
        assertThat(executor.heldTimers()).as("polls while an email is on its way").isPositive();

        services.emails().runOutbox(true);

        assertThat(marcus.rows().get(0).status()).isEqualTo("Sent");
        assertThat(marcus.rows().get(0).attempts()).isEqualTo(6);
        assertThat(marcus.openedProperty().get().status()).isEqualTo("Sent");
        assertThat(marcus.openedProperty().get().reply()).startsWith("250");
        assertThat(marcus.openedProperty().get().messageId()).contains("@");
        assertThat(Arrays.stream(smtp.getReceivedMessages()).map(EmailHistoryViewModelTest::toAndSubject).toList()).containsOnlyOnce("marcus.bell@example.org Your access to Momentum Membership is ready");
        assertThat(marcus.selectedProperty().get().id()).isEqualTo(marcus.rows().get(0).id());
    }

    private static String toAndSubject(MimeMessage message) {
        try {
            return message.getAllRecipients()[0] + " " + message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aRetryTheServiceRefusesIsShownAsAnError() {
        EmailHistoryViewModel priya = history("priya.natarajan@example.net");
        priya.selectedProperty().set(priya.rows().get(0));
        // Someone else (another agent, the command line) retried it meanwhile.
        services.emails().retry(priya.rows().get(0).id(), Actor.agent("Kim"));

        priya.retry();

        assertThat(dialogs.errors()).singleElement().satisfies(error -> {
            assertThat(error.title()).isEqualTo("Email not retried");
            assertThat(error.message()).isEqualTo("only a failed email can be retried; this one is queued");
        });
        assertThat(priya.notificationProperty().get()).isEmpty();
        assertThat(priya.rows().get(0).status()).as("reloaded after the refusal").isEqualTo("Queued");
    }

    @Test
    void pollsWhileAnEmailIsOnItsWayAndStopsWhenItArrived() {
        EmailHistoryViewModel hana = history("hana.kobayashi@example.com");
        assertThat(hana.rows().get(0).status()).isEqualTo("Retrying");
        assertThat(executor.heldTimers()).isEqualTo(1);

        // Delivered by another process: no event reaches this console, the poll sees it.
        clock.advance(Duration.ofMinutes(61)); // the greylisted welcome is due again
        try (Services other = TestServices.open(dir, clock, Map.of(
                "MEMBERDESK_SMTP_HOST", "127.0.0.1",
                "MEMBERDESK_SMTP_PORT", String.valueOf(smtp.getSmtp().getPort()),
                "MEMBERDESK_SMTP_SECURITY", "none"))) {
            other.emails().runOutbox(true);
        }
        assertThat(hana.rows().get(0).status()).isEqualTo("Retrying");
        executor.elapseTimers();

        assertThat(hana.rows().get(0).status()).isEqualTo("Sent");
        assertThat(executor.heldTimers()).as("nothing in flight: no more polling").isZero();
    }

    @Test
    void copyLoginDetailsPutsThemOnTheClipboardAndSaysWhatWithoutTheLink() {
        EmailHistoryViewModel dana = history("dana.whitfield@example.com");

        dana.copyLoginDetails();

        assertThat(clipboard.current()).contains("Login email: dana.whitfield@example.com")
                .containsPattern("/set-password/[A-Za-z0-9_-]{43}");
        String link = clipboard.current().replaceAll("(?s).*(http\\S+/set-password/\\S+).*", "$1");
        assertThat(dana.notificationProperty().get())
                .startsWith("Copied the login details of dana.whitfield@example.com: login URL, login email and a "
                        + "new set-password link (works once, until 5 Mar 2026, 09:00)")
                .doesNotContain(link).doesNotContain("/set-password/");
        assertThat(dialogs.errors()).isEmpty();

        EmailHistoryViewModel ben = history("ben.carter@example.com");
        ben.copyLoginDetails();
        assertThat(clipboard.current()).contains("ben.carter@example.com").doesNotContain("set-password");
        assertThat(ben.notificationProperty().get()).contains("already have a password");
        assertThat(clipboard.texts()).hasSize(2);
    }

    @Test
    void copyLoginDetailsAsksBeforeCancellingTheLinkOfAnEmailJustSentThenShowsItNoLongerLive() {
        Actor sam = Actor.agent("Sam (support)");
        services.credentials().sendResetLink("dana.whitfield@example.com", null, null, sam);
        services.emails().runOutbox(true);
        EmailView sent = services.emails().list("dana.whitfield@example.com").get(0);
        assertThat(sent.status()).isEqualTo(EmailView.Status.SENT);
        String when = new DisplayTime(ZoneOffset.UTC, messages.locale()).format(sent.sentAt());

        RecordingDialogService declining = RecordingDialogService.declining();
        EmailHistoryViewModel kept = history("dana.whitfield@example.com", declining);
        kept.copyLoginDetails();
        assertThat(declining.asked()).singleElement().satisfies(asked ->
                assertThat(asked.question()).contains(sent.subject()).contains(when).contains("stops working"));
        assertThat(clipboard.texts()).as("declined: nothing copied").isEmpty();
        assertThat(kept.openedProperty().get().id()).isEqualTo(sent.id());
        assertThat(kept.openedProperty().get().links()).extracting(LinkLine::state).containsExactly("Live");

        EmailHistoryViewModel dana = history("dana.whitfield@example.com");
        assertThat(dana.openedProperty().get().links()).extracting(LinkLine::state).containsExactly("Live");
        dana.copyLoginDetails();

        assertThat(dialogs.asked()).singleElement().satisfies(asked ->
                assertThat(asked.question()).contains(sent.subject()).contains(when));
        assertThat(clipboard.current()).containsPattern("/set-password/[A-Za-z0-9_-]{43}");
        assertThat(dana.openedProperty().get().id()).isEqualTo(sent.id());
        assertThat(dana.openedProperty().get().links()).extracting(LinkLine::state).containsExactly("Superseded");

        dana.copyLoginDetails();
        assertThat(dialogs.asked()).as("no emailed link is live any more: nothing to ask").hasSize(1);
        assertThat(clipboard.texts()).hasSize(2);
    }

    @Test
    void aClosedHistoryNoLongerFollowsDelivery() {
        EmailHistoryViewModel marcus = history("marcus.bell@example.org");
        marcus.selectedProperty().set(marcus.rows().get(0));
        marcus.retry();
        marcus.close();

        services.emails().runOutbox(true);
        executor.elapseTimers();

        assertThat(marcus.rows().get(0).status()).isEqualTo("Queued");
    }
}
