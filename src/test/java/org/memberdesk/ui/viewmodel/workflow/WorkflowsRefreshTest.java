package org.memberdesk.ui.viewmodel.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.service.Actor;
import org.memberdesk.service.Services;
import org.memberdesk.service.workflow.ActionSpec;
import org.memberdesk.service.workflow.TriggerSpec;
import org.memberdesk.service.workflow.WorkflowDefinition;
import org.memberdesk.testsupport.TestClock;
import org.memberdesk.testsupport.TestServices;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.common.RecordingDialogService;
import org.memberdesk.ui.common.TestExecutor;
import org.memberdesk.ui.viewmodel.DemoDirectory;
import org.memberdesk.ui.viewmodel.DisplayTime;

/**
 * The Workflows window open in this console while a second {@code Services} on the same file runs a
 * workflow: a refresh shows the new run and keeps the workflow and the run the agent chose.
 */
class WorkflowsRefreshTest {

    static final Actor SAM = Actor.agent("Sam (support)");
    static final Actor ELSEWHERE = Actor.agent("Robin (other desk)");
    static final String DANA = "dana.whitfield@example.com";

    @TempDir
    Path dir;
    final TestClock clock = TestClock.at(TestServices.START);
    final Messages messages = Messages.load();
    Services console;
    Services other;

    @BeforeEach
    void openTwice() {
        console = DemoDirectory.seeded(dir, clock);
        console.workflows().create(new WorkflowDefinition("Reset on request", true,
                TriggerSpec.tagAdded("cant-login"), List.of(), List.of(ActionSpec.sendResetLink())), SAM);
        other = TestServices.open(dir, clock);
    }

    @AfterEach
    void close() {
        other.close();
        console.close();
    }

    private WorkflowsViewModel open(TestExecutor executor) {
        WorkflowsViewModel list = new WorkflowsViewModel(console.workflows(), console.offers(), executor,
                RecordingDialogService.accepting(), new RecordingWorkflowWindows(), messages,
                new DisplayTime(ZoneOffset.UTC, messages.locale()), SAM);
        list.load();
        return list;
    }

    @Test
    void aRunByAnotherProcessShowsAndTheChosenWorkflowAndRunStay() {
        WorkflowsViewModel list = open(TestExecutor.currentThread().holdTimers());
        assertThat(list.rows()).hasSize(2);
        WorkflowRow chosen = list.rows().get(1);
        console.workflows().testOnContact(chosen.name(), DANA, SAM);
        clock.advance(Duration.ofMinutes(1));
        console.workflows().testOnContact(chosen.name(), DANA, SAM);
        list.selectedProperty().set(chosen);
        list.refresh();
        assertThat(list.runs()).hasSize(2);
        RunRow olderRun = list.runs().get(1);
        list.selectedRunProperty().set(olderRun);

        clock.advance(Duration.ofMinutes(1));
        other.workflows().testOnContact(chosen.name(), DANA, ELSEWHERE);
        assertThat(list.runs()).as("nothing reads by itself").hasSize(2);

        list.refresh();

        assertThat(list.selectedProperty().get().name()).isEqualTo(chosen.name());
        assertThat(list.selectedProperty().get().runs()).isEqualTo("3 runs");
        assertThat(list.runs()).hasSize(3);
        assertThat(list.selectedRunProperty().get().id()).isEqualTo(olderRun.id());
        assertThat(list.runSteps()).isNotEmpty();
        assertThat(list.errorProperty().get()).isEmpty();
    }

    @Test
    void refreshesAskedForWhileOneReadsReadOnceMoreAfterIt() {
        TestExecutor held = TestExecutor.currentThread().holdTimers();
        WorkflowsViewModel list = open(held);
        WorkflowRow chosen = list.rows().get(1);
        list.selectedProperty().set(chosen);
        held.holdWork();

        list.refresh();
        list.refresh();
        list.refresh();
        assertThat(held.heldWork()).as("one read of the list under way").isEqualTo(1);
        other.workflows().testOnContact(chosen.name(), DANA, ELSEWHERE);

        held.runHeldWork();
        assertThat(list.selectedProperty().get().runs()).as("the first answer shows at once").isEqualTo("1 run");
        assertThat(held.heldWork()).as("the run log, and the list once more").isEqualTo(2);
        held.runHeldWork();
        held.runHeldWork();

        assertThat(held.heldWork()).isZero();
        assertThat(list.selectedProperty().get().name()).isEqualTo(chosen.name());
        assertThat(list.runs()).hasSize(1);
    }
}
