package org.memberdesk.ui.viewmodel.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.service.Actor;
import org.memberdesk.service.Services;
import org.memberdesk.service.activity.ActivityService;
import org.memberdesk.service.demo.DemoData;
import org.memberdesk.testsupport.TestClock;
import org.memberdesk.testsupport.TestServices;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.common.RecordingDialogService;
import org.memberdesk.ui.common.RecordingFilePicker;
import org.memberdesk.ui.common.TestExecutor;
import org.memberdesk.ui.viewmodel.DemoDirectory;
import org.memberdesk.ui.viewmodel.DisplayTime;

/**
 * An open Activity window and a second {@code Services} on the same SQLite file, standing for another
 * process: what the other one records shows once the window is refreshed, under the filter as it was.
 */
class ActivityRefreshTest {

    static final Actor ELSEWHERE = Actor.agent("Robin (other desk)");

    @TempDir
    Path dir;
    final TestClock clock = TestClock.at(TestServices.START);
    final Messages messages = Messages.load();
    final TestExecutor executor = TestExecutor.currentThread().holdTimers();
    Services console;
    Services other;

    @BeforeEach
    void openTwice() {
        console = DemoDirectory.seeded(dir, clock);
        console.contacts().add("first.member@example.com", "First Member", List.of(), Actor.agent("Sam (support)"));
        other = TestServices.open(dir, clock);
        clock.advance(Duration.ofMinutes(5));
    }

    @AfterEach
    void close() {
        other.close();
        console.close();
    }

    private ActivityViewModel open(TestExecutor executor) {
        InsightTools tools = new InsightTools(executor, RecordingDialogService.accepting(),
                RecordingFilePicker.cancelling(), messages, new DisplayTime(ZoneOffset.UTC, messages.locale()),
                Actor.agent("Sam (support)"));
        ActivityViewModel activity = new ActivityViewModel(console.activity(), ZoneOffset.UTC, tools);
        activity.load();
        return activity;
    }

    @Test
    void eventsRecordedByAnotherProcessShowUnderTheSameFilter() {
        ActivityViewModel activity = open(executor);
        activity.actionProperty().set("contact");
        List<ActivityRow> before = List.copyOf(activity.rows());
        assertThat(before).isNotEmpty().allMatch(row -> row.action().startsWith("contact"));
        assertThat(activity.agentChoices()).doesNotContain(ELSEWHERE.name());

        other.contacts().add("new.member@example.com", "New Member", List.of(), ELSEWHERE);
        other.offers().grant("new.member@example.com", DemoData.MEMBERSHIP, null, ELSEWHERE);
        assertThat(activity.rows()).as("nothing reads by itself").containsExactlyElementsOf(before);

        activity.refresh();

        assertThat(activity.actionProperty().get()).isEqualTo("contact");
        assertThat(activity.rows()).hasSize(before.size() + 1).allMatch(row -> row.action().startsWith("contact"));
        ActivityRow newest = activity.rows().get(0);
        assertThat(newest.agent()).isEqualTo(ELSEWHERE.name());
        assertThat(newest.action()).isEqualTo("contact.created");
        assertThat(newest.contact()).isEqualTo("new.member@example.com");
        assertThat(activity.agentChoices()).as("the filter's choices are read again").contains(ELSEWHERE.name());
        assertThat(activity.errorProperty().get()).isEmpty();
    }

    @Test
    void refreshesAskedForWhileOneReadsReadOnceMoreAfterIt() {
        TestExecutor held = TestExecutor.currentThread().holdTimers();
        ActivityViewModel activity = open(held);
        held.holdWork();

        activity.refresh();
        activity.refresh();
        activity.refresh();
        assertThat(held.heldWork()).as("the choices and one page under way").isEqualTo(2);
        other.contacts().add("new.member@example.com", "New Member", List.of(), ELSEWHERE);

        held.runHeldWork();
        assertThat(activity.rows().get(0).contact()).as("the first answer shows at once")
                .isEqualTo("new.member@example.com");
        assertThat(held.heldWork()).as("once more: the choices and the page").isEqualTo(2);
        held.runHeldWork();

        assertThat(held.heldWork()).isZero();
        assertThat(activity.rows().get(0).contact()).isEqualTo("new.member@example.com");
    }

    @Test
    void aRefreshKeepsEveryRowLoadedBeyondTheLargestPage() {
        other.transactions().write(t -> {
            for (int i = 0; i < ActivityService.MAX_PAGE + 100; i++) {
                other.audit().record(t, ELSEWHERE, "contact.noted", null, "note " + i);
            }
            return null;
        });
        ActivityViewModel activity = open(executor);
        while (activity.rows().size() <= ActivityService.MAX_PAGE) {
            activity.loadMore();
        }
        int loaded = activity.rows().size();

        activity.refresh();

        assertThat(activity.rows()).as("as many rows as the agent had loaded").hasSize(loaded);
    }

    @Test
    void aRefreshWithNothingNewLeavesTheFilterChoicesAndTheChosenValueAlone() {
        ActivityViewModel activity = open(executor);
        activity.agentProperty().set("Sam (support)");
        activity.actionProperty().set("contact");
        AtomicInteger choiceChanges = new AtomicInteger();
        activity.agentChoices().addListener((ListChangeListener<String>) change -> choiceChanges.incrementAndGet());
        activity.actionChoices().addListener((ListChangeListener<String>) change -> choiceChanges.incrementAndGet());

        activity.refresh();

        assertThat(choiceChanges.get()).as("the lists are as they were").isZero();
        assertThat(activity.agentProperty().get()).isEqualTo("Sam (support)");
        assertThat(activity.actionProperty().get()).isEqualTo("contact");
    }
}
