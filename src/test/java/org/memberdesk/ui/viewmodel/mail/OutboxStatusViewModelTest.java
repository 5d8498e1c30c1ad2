package org.memberdesk.ui.viewmodel.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.service.Services;
import org.memberdesk.service.email.DeliveryProgress;
import org.memberdesk.service.email.EmailView;
import org.memberdesk.service.storage.DataDirectory;
import org.memberdesk.testsupport.TestClock;
import org.memberdesk.testsupport.TestServices;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.common.TestExecutor;
import org.memberdesk.ui.viewmodel.DeliveryFeed;
import org.memberdesk.ui.viewmodel.Tone;

/** The outbox in the status bar: counts from the real outbox, progress from delivery events. */
class OutboxStatusViewModelTest {

    @TempDir
    Path dir;
    final TestClock clock = TestClock.at(TestServices.START);
    final TestExecutor executor = TestExecutor.currentThread().holdTimers();
    Services services;
    DeliveryFeed feed;
    OutboxStatusViewModel outbox;

    @BeforeEach
    void connectToDemoData() {
        services = TestServices.open(dir, clock, Map.of());
        services.demo().seed();
        feed = new DeliveryFeed(executor, services.emails());
        outbox = new OutboxStatusViewModel(services.emails(), feed, executor, Messages.load());
        outbox.recount();
    }

    @AfterEach
    void close() {
        outbox.close();
        feed.close();
        services.close();
    }

    @Test
    void countsWhatIsWaitingAndWhatFailed() {
        assertThat(outbox.textProperty().get()).isEqualTo("Outbox: 1 retrying \u00b7 4 failed");
        assertThat(outbox.toneProperty().get()).isEqualTo(Tone.CAUTION);
        assertThat(outbox.detailsProperty().get()).startsWith("Failed emails wait for an agent");
        assertThat(outbox.sendingProperty().get()).isFalse();
        assertThat(executor.heldTimers()).as("counts again every few seconds").isEqualTo(1);
    }

    @Test
    void theFailedCountStandsApartSoThatItCanOpenOutboxProblems() {
        assertThat(outbox.summaryProperty().get()).isEqualTo("Outbox: 1 retrying \u00b7");
        assertThat(outbox.failedTextProperty().get()).isEqualTo("4 failed");

        clock.advance(java.time.Duration.ofMinutes(61)); // the demo's greylisted welcome is due again
        services.emails().runOutbox(true);

        assertThat(outbox.summaryProperty().get()).isEqualTo("Outbox:");
        assertThat(outbox.failedTextProperty().get()).isEqualTo("4 failed");
    }

    @Test
    void saysSendingNOfMWhileABatchGoesOutThenCountsAgain() {
        feed.fire(new DeliveryProgress(DeliveryProgress.Phase.BATCH_STARTED, null, null, null, 12, 0));
        assertThat(outbox.textProperty().get()).isEqualTo("Sending 1 of 12\u2026");
        assertThat(outbox.sendingProperty().get()).isTrue();
        assertThat(outbox.progressProperty().get()).isZero();

        feed.fire(new DeliveryProgress(DeliveryProgress.Phase.MESSAGE_UPDATED, UUID.randomUUID(), UUID.randomUUID(),
                EmailView.Status.SENDING, 0, 0));
        assertThat(outbox.textProperty().get()).as("the sending mark carries no batch").isEqualTo("Sending 1 of 12\u2026");
        feed.fire(new DeliveryProgress(DeliveryProgress.Phase.MESSAGE_UPDATED, UUID.randomUUID(), UUID.randomUUID(),
                EmailView.Status.SENT, 12, 2));
        assertThat(outbox.textProperty().get()).isEqualTo("Sending 3 of 12\u2026");
        assertThat(outbox.progressProperty().get()).isEqualTo(2.0 / 12);
        assertThat(outbox.toneProperty().get()).isEqualTo(Tone.PENDING);

        feed.fire(new DeliveryProgress(DeliveryProgress.Phase.BATCH_FINISHED, null, null, null, 12, 12));
        assertThat(outbox.sendingProperty().get()).isFalse();
        assertThat(outbox.textProperty().get()).isEqualTo("Outbox: 1 retrying \u00b7 4 failed");
    }

    @Test
    void aRealBatchEndsWithFreshCounts() {
        clock.advance(java.time.Duration.ofMinutes(61)); // the demo's greylisted welcome is due again
        services.emails().runOutbox(true);

        assertThat(outbox.sendingProperty().get()).isFalse();
        assertThat(outbox.textProperty().get()).isEqualTo("Outbox: 4 failed");
    }

    @Test
    void followsMailSentByOtherProcessesOnTheNextCount() {
        clock.advance(java.time.Duration.ofMinutes(61)); // the demo's greylisted welcome is due again
        try (Services other = TestServices.open(dir, clock, Map.of())) {
            other.emails().runOutbox(true);
        }
        assertThat(outbox.textProperty().get()).isEqualTo("Outbox: 1 retrying \u00b7 4 failed");

        executor.elapseTimers();

        assertThat(outbox.textProperty().get()).isEqualTo("Outbox: 4 failed");
    }
}
