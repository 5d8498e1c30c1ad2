package org.memberdesk.ui.viewmodel.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.service.Services;
import org.memberdesk.service.storage.DataDirectory;
import org.memberdesk.testsupport.TestClock;
import org.memberdesk.testsupport.TestServices;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.common.RecordingLinkOpener;
import org.memberdesk.ui.common.TestExecutor;
import org.memberdesk.ui.viewmodel.DeliveryFeed;
import org.memberdesk.ui.viewmodel.DisplayTime;

/**
 * Inbox (demo) open in this console while a second {@code Services} on the same data directory (the
 * command line, another desk) delivers to the demo mail server: a refresh shows the new email and
 * keeps the message the agent is reading.
 */
class DemoInboxRefreshTest {

    @TempDir
    Path dir;
    final TestClock clock = TestClock.at(TestServices.START);
    final Messages messages = Messages.load();
    Services console;
    Services other;

    @BeforeEach
    void openTwiceInDemoMode() {
        console = TestServices.open(dir, clock, Map.of());
        console.demo().seed();
        other = TestServices.open(dir, clock, Map.of());
    }

    @AfterEach
    void close() {
        other.close();
        console.close();
    }

    private DemoInboxViewModel open(TestExecutor executor) {
        DemoInboxViewModel inbox = new DemoInboxViewModel(console.demoInbox(), new DeliveryFeed(executor), executor,
                new RecordingLinkOpener(), messages, new DisplayTime(ZoneOffset.UTC, messages.locale()));
        inbox.load();
        return inbox;
    }

    @Test
    void anEmailDeliveredByAnotherProcessShowsAndTheChosenMessageStays() {
        console.mailSettings().sendTestEmail("sam@example.com");
        clock.advance(Duration.ofMinutes(1));
        console.mailSettings().sendTestEmail("kim@example.com");
        DemoInboxViewModel inbox = open(TestExecutor.currentThread().holdTimers());
        InboxRow chosen = inbox.rows().get(1);
        inbox.selectedProperty().set(chosen);
        assertThat(inbox.openedProperty().get().to()).isEqualTo("sam@example.com");

        clock.advance(Duration.ofMinutes(1));
        assertThat(other.mailSettings().sendTestEmail("robin@example.com").sent()).isTrue();
        assertThat(inbox.rows()).as("nothing reads by itself").hasSize(2);

        inbox.refresh();

        assertThat(inbox.rows()).extracting(InboxRow::to)
                .containsExactly("robin@example.com", "kim@example.com", "sam@example.com");
        assertThat(inbox.selectedProperty().get().id()).isEqualTo(chosen.id());
        assertThat(inbox.openedProperty().get().to()).isEqualTo("sam@example.com");
        assertThat(inbox.countTextProperty().get()).isEqualTo("3 messages");
    }

    @Test
    void refreshesAskedForWhileOneReadsReadOnceMoreAfterIt() {
        console.mailSettings().sendTestEmail("sam@example.com");
        TestExecutor held = TestExecutor.currentThread().holdTimers();
        DemoInboxViewModel inbox = open(held);
        InboxRow chosen = inbox.rows().get(0);
        held.holdWork();

        inbox.refresh();
        inbox.refresh();
        inbox.refresh();
        assertThat(held.heldWork()).as("one read under way").isEqualTo(1);
        clock.advance(Duration.ofMinutes(1));
        other.mailSettings().sendTestEmail("robin@example.com");

        held.runHeldWork();
        assertThat(inbox.rows()).as("the first answer shows at once").hasSize(2);
        assertThat(held.heldWork()).as("one more read after it").isEqualTo(1);
        held.runHeldWork();

        assertThat(held.heldWork()).isZero();
        assertThat(inbox.rows()).extracting(InboxRow::to).containsExactly("robin@example.com", "sam@example.com");
        assertThat(inbox.selectedProperty().get().id()).isEqualTo(chosen.id());
    }
}
