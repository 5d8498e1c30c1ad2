package org.memberdesk.ui.viewmodel.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.service.Actor;
import org.memberdesk.service.Services;
import org.memberdesk.service.storage.DataDirectory;
import org.memberdesk.testsupport.TestClock;
import org.memberdesk.testsupport.TestServices;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.common.RecordingLinkOpener;
import org.memberdesk.ui.common.TestExecutor;
import org.memberdesk.ui.viewmodel.DeliveryFeed;
import org.memberdesk.ui.viewmodel.DisplayTime;

/** Inbox (demo) in demo mode on a real data directory: the demo server writes, the inbox reads. */
class DemoInboxViewModelTest {

    static final String RESET_LINK = "http://localhost:7321/reset/Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb7dEf0hIj3";

    @TempDir
    Path dir;
    final TestClock clock = TestClock.at(TestServices.START);
    final Messages messages = Messages.load();
    final TestExecutor executor = TestExecutor.currentThread().holdTimers();
    final RecordingLinkOpener browser = new RecordingLinkOpener();
    Services services;
    DeliveryFeed feed;
    DemoInboxViewModel inbox;

    @BeforeEach
    void openInDemoMode() {
        services = TestServices.open(dir, clock, Map.of());
        services.demo().seed();
        feed = new DeliveryFeed(executor, services.emails());
        inbox = new DemoInboxViewModel(services.demoInbox(), feed, executor, browser, messages,
                new DisplayTime(ZoneOffset.UTC, messages.locale()));
    }

    @AfterEach
    void close() {
        inbox.close();
        feed.close();
        services.close();
    }

    @Test
    void anEmptyInboxSaysHowMailGetsThere() {
        inbox.load();

        assertThat(inbox.rows()).isEmpty();
        assertThat(inbox.countTextProperty().get()).isEqualTo("no messages");
        assertThat(inbox.emptyTextProperty().get()).startsWith("The demo inbox is empty.");
        assertThat(inbox.openedProperty().get()).isNull();
    }

    @Test
    void listsNewestFirstOpensTheNewestAndItsLinksOpenInTheBrowser() throws IOException {
        assertThat(services.mailSettings().sendTestEmail("sam@example.com").sent()).isTrue();
        clock.advance(Duration.ofMinutes(1));
        writeDemoMessage("20260302T090100000Z-0a1b2c3d.eml", "dana.whitfield@example.com",
                "Reset your membership password", RESET_LINK);

        inbox.load();

        assertThat(inbox.rows()).extracting(InboxRow::to)
                .containsExactly("dana.whitfield@example.com", "sam@example.com");
        InboxRow newest = inbox.rows().get(0);
        assertThat(newest.received()).isEqualTo("2 Mar 2026, 09:01");
        assertThat(newest.subject()).isEqualTo("Reset your membership password");
        assertThat(inbox.countTextProperty().get()).isEqualTo("2 messages");
        assertThat(inbox.selectedProperty().get()).isEqualTo(newest);
        InboxMessage opened = inbox.openedProperty().get();
        assertThat(opened.subject()).isEqualTo("Reset your membership password");
        assertThat(opened.from()).contains("support@example.com");
        assertThat(opened.html()).contains("<a href=\"" + RESET_LINK + "\"");
        assertThat(opened.text()).contains(RESET_LINK);
        assertThat(opened.links()).containsExactly(RESET_LINK);

        inbox.openLink(opened.links().get(0));
        assertThat(browser.opened()).containsExactly(RESET_LINK);

        inbox.selectedProperty().set(inbox.rows().get(1));
        assertThat(inbox.openedProperty().get().to()).isEqualTo("sam@example.com");
        assertThat(inbox.openedProperty().get().text()).contains("This is a test email from MemberDesk");
        assertThat(inbox.openedProperty().get().links()).isEmpty();
        assertThat(inbox.errorProperty().get()).isEmpty();
    }

    @Test
    void mailDeliveredByThisConsoleShowsUpAfterTheBatch() {
        inbox.load();
        assertThat(inbox.rows()).isEmpty();
        var marcus = services.emails().list(services.contacts().byEmail("marcus.bell@example.org").id()).get(0);
        services.emails().retry(marcus.id(), Actor.agent("Sam (support)"));

        services.emails().runOutbox(true);

        assertThat(inbox.rows()).extracting(InboxRow::to).contains("marcus.bell@example.org");
        assertThat(inbox.openedProperty().get()).isNotNull();
    }

    @Test
    void refreshShowsMailOtherProcessesSentAndKeepsTheSelection() throws IOException {
        services.mailSettings().sendTestEmail("sam@example.com");
        inbox.load();
        InboxRow first = inbox.rows().get(0);
        writeDemoMessage("20260302T100000000Z-0f0e0d0c.eml", "hana.kobayashi@example.com", "Your access is ready",
                "http://localhost:7321/");
        assertThat(inbox.rows()).hasSize(1);

        inbox.refresh();

        assertThat(inbox.rows()).extracting(InboxRow::subject).containsExactly("Your access is ready",
                first.subject());
        assertThat(inbox.selectedProperty().get()).isEqualTo(first);
    }

    /** What a demo server of another process (the command line) leaves in the shared mailbox. */
    private void writeDemoMessage(String name, String to, String subject, String link) throws IOException {
        Path mailbox = new DataDirectory(dir).demoMailbox();
        Files.createDirectories(mailbox);
        String eml = String.join("\r\n",
                "From: Support <support@example.com>",
                "To: " + to,
                "Subject: " + subject,
                "MIME-Version: 1.0",
                "Content-Type: multipart/alternative; boundary=\"b1\"",
                "",
                "--b1",
                "Content-Type: text/plain; charset=UTF-8",
                "",
                "Hi,",
                "",
                "Choose a new password: " + link,
                "",
                "--b1",
                "Content-Type: text/html; charset=UTF-8",
                "",
                "<p>Hi,</p><p><a href=\"" + link + "\">Choose a new password</a></p>",
                "",
                "--b1--",
                "");
        Files.writeString(mailbox.resolve(name), eml, StandardCharsets.UTF_8);
    }
}
