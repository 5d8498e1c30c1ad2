package org.memberdesk.ui.viewmodel.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.service.Actor;
import org.memberdesk.service.Services;
import org.memberdesk.service.demo.DemoData;
import org.memberdesk.service.workflow.ActionSpec;
import org.memberdesk.service.workflow.TriggerSpec;
import org.memberdesk.service.workflow.WorkflowDefinition;
import org.memberdesk.service.workflow.WorkflowService;
import org.memberdesk.testsupport.TestClock;
import org.memberdesk.testsupport.TestServices;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.common.RecordingDialogService;
import org.memberdesk.ui.common.TestExecutor;
import org.memberdesk.ui.viewmodel.DemoDirectory;
import org.memberdesk.ui.viewmodel.DisplayTime;
import org.memberdesk.ui.viewmodel.Tone;

class WorkflowsViewModelTest {

    static final Actor SAM = Actor.agent("Sam (support)");
    static final String DANA = "dana.whitfield@example.com";

    @TempDir
    Path dir;
    final TestClock clock = TestClock.at(TestServices.START);
    final Messages messages = Messages.load();
    final TestExecutor executor = TestExecutor.currentThread();
    final RecordingWorkflowWindows windows = new RecordingWorkflowWindows();
    Services services;

    @BeforeEach
    void seed() {
        services = DemoDirectory.seeded(dir, clock);
    }

    @AfterEach
    void close() {
        services.close();
    }

    private WorkflowsViewModel list(RecordingDialogService dialogs) {
        WorkflowsViewModel list = new WorkflowsViewModel(services.workflows(), services.offers(), executor, dialogs,
                windows, messages, new DisplayTime(ZoneOffset.UTC, messages.locale()), SAM);
        list.load();
        return list;
    }

    @Test
    void listsTheDefaultWorkflowAndTheRunLogOfTheSelectedOne() {
        services.contacts().add("new.member@example.com", "New Member", List.of(), SAM);
        services.offers().grant("new.member@example.com", DemoData.MEMBERSHIP, null, SAM);
        services.workflows().runDue();

        WorkflowsViewModel list = list(RecordingDialogService.accepting());

        assertThat(list.rows()).singleElement().satisfies(row -> {
            assertThat(row.name()).isEqualTo(WorkflowService.DEFAULT_NAME);
            assertThat(row.trigger()).isEqualTo("Offer Access Granted");
            assertThat(row.state()).isEqualTo("Enabled");
            assertThat(row.stateTone()).isEqualTo(Tone.GOOD);
            assertThat(row.runs()).isEqualTo("1 run");
            assertThat(row.lastRun()).isEqualTo("2 Mar 2026, 09:00");
            assertThat(row.summary()).contains("Send Membership Welcome Email");
        });
        assertThat(list.selectedProperty().get().name()).isEqualTo(WorkflowService.DEFAULT_NAME);
        assertThat(list.runLogTitleProperty().get()).isEqualTo("Run log: Welcome new members");
        assertThat(list.runs()).singleElement().satisfies(run -> {
            assertThat(run.contact()).isEqualTo("New Member <new.member@example.com>");
            assertThat(run.mode()).isEqualTo("Trigger");
            assertThat(run.status()).isEqualTo("Done");
            assertThat(run.statusTone()).isEqualTo(Tone.GOOD);
            assertThat(run.started()).isEqualTo("2 Mar 2026, 09:00");
            assertThat(run.finished()).isEqualTo("2 Mar 2026, 09:00");
        });
        assertThat(list.runSteps()).singleElement().satisfies(step -> {
            assertThat(step.number()).isEqualTo("1");
            assertThat(step.step()).startsWith("Action: Send Membership Welcome Email");
            assertThat(step.status()).isEqualTo("Done");
            assertThat(step.outcome()).isNotBlank();
        });
        assertThat(list.errorProperty().get()).isEmpty();
    }

    @Test
    void anEmptyRunLogSaysSoAndFollowsTheSelection() {
        services.workflows().create(new WorkflowDefinition("Reset on request", true,
                TriggerSpec.tagAdded("cant-login"), List.of(), List.of(ActionSpec.sendResetLink())), SAM);
        WorkflowsViewModel list = list(RecordingDialogService.accepting());
        assertThat(list.rows()).extracting(WorkflowRow::name).contains("Reset on request", WorkflowService.DEFAULT_NAME);

        list.selectedProperty().set(list.rows().stream().filter(r -> r.name().equals("Reset on request")).findFirst()
                .orElseThrow());

        assertThat(list.runs()).isEmpty();
        assertThat(list.runLogEmptyProperty().get()).isEqualTo("This workflow has not run yet.");
        assertThat(list.runLogTitleProperty().get()).isEqualTo("Run log: Reset on request");
        assertThat(list.selectedProperty().get().trigger()).isEqualTo("Tag Added: cant-login");
        assertThat(list.selectedProperty().get().runs()).isEqualTo("No runs");
    }

    @Test
    void disableAndEnableChangeTheStoredStateAndTheList() {
        WorkflowsViewModel list = list(RecordingDialogService.accepting());

        list.disableSelected();

        assertThat(services.workflows().get(WorkflowService.DEFAULT_NAME).enabled()).isFalse();
        assertThat(list.selectedProperty().get().state()).isEqualTo("Disabled");
        assertThat(list.selectedProperty().get().enabled()).isFalse();
        assertThat(list.rows()).singleElement().extracting(WorkflowRow::stateTone).isEqualTo(Tone.NEUTRAL);

        list.enableSelected();

        assertThat(services.workflows().get(WorkflowService.DEFAULT_NAME).enabled()).isTrue();
        assertThat(list.selectedProperty().get().state()).isEqualTo("Enabled");
    }

    @Test
    void testOnContactChecksTheEmailThenShowsEachStepsOutcome() {
        RecordingDialogService dialogs = RecordingDialogService.accepting();
        WorkflowsViewModel list = list(dialogs);
        int before = services.emails().list(DANA).size();

        list.testOnContact();
        assertThat(list.testErrorProperty().get()).isEqualTo("Enter the email of the contact to test on.");
        list.testEmailProperty().set("not an email");
        list.testOnContact();
        assertThat(list.testErrorProperty().get()).isEqualTo("This is not an email address.");
        list.testEmailProperty().set("nobody@example.com");
        list.testOnContact();
        assertThat(list.testErrorProperty().get()).contains("nobody@example.com");
        assertThat(list.testSteps()).isEmpty();

        list.testEmailProperty().set(DANA);
        assertThat(list.testErrorProperty().get()).isEmpty();
        list.testOnContact();

        assertThat(dialogs.asked()).last().satisfies(asked ->
                assertThat(asked.question()).isEqualTo("Run \u201cWelcome new members\u201d for " + DANA + " now?"));
        assertThat(list.testErrorProperty().get()).isEmpty();
        assertThat(list.testResultProperty().get())
                .isEqualTo("Tested \u201cWelcome new members\u201d on Dana Whitfield <" + DANA + ">: Done");
        assertThat(list.testSteps()).singleElement().satisfies(step -> {
            assertThat(step.step()).startsWith("Action: Send Membership Welcome Email");
            assertThat(step.status()).isEqualTo("Done");
        });
        assertThat(services.emails().list(DANA)).hasSize(before + 1);
        assertThat(list.runs()).singleElement().satisfies(run -> assertThat(run.mode()).isEqualTo("Test"));
    }

    @Test
    void aDeclinedTestRunsNothing() {
        WorkflowsViewModel list = list(RecordingDialogService.declining());
        int before = services.emails().list(DANA).size();
        list.testEmailProperty().set(DANA);

        list.testOnContact();

        assertThat(services.emails().list(DANA)).hasSize(before);
        assertThat(list.testSteps()).isEmpty();
        assertThat(services.workflows().runs(WorkflowService.DEFAULT_NAME, 10)).isEmpty();
    }

    @Test
    void theListFollowsEnginePassesAfterAShortDelay() {
        executor.holdTimers();
        WorkflowsViewModel list = list(RecordingDialogService.accepting());
        assertThat(list.runs()).isEmpty();
        services.contacts().add("new.member@example.com", "New Member", List.of(), SAM);
        services.offers().grant("new.member@example.com", DemoData.MEMBERSHIP, null, SAM);

        services.workflows().runDue();
        assertThat(executor.heldTimers()).isEqualTo(1);
        executor.elapseTimers();

        assertThat(list.runs()).hasSize(1);
        assertThat(list.rows().get(0).runs()).isEqualTo("1 run");

        list.close();
        services.contacts().add("second.member@example.com", "Second Member", List.of(), SAM);
        services.offers().grant("second.member@example.com", DemoData.MEMBERSHIP, null, SAM);
        assertThat(services.workflows().runDue().runsStarted()).isEqualTo(1);
        assertThat(executor.heldTimers()).as("closed: no longer following the engine").isZero();
    }

    @Test
    void newAndEditOpenTheEditorEmptyOrFilled() {
        WorkflowsViewModel list = list(RecordingDialogService.accepting());

        list.newWorkflow();
        assertThat(windows.lastEditor().titleProperty().get()).isEqualTo("New workflow");
        assertThat(windows.lastEditor().nameProperty().get()).isEmpty();

        list.editSelected();
        WorkflowEditorViewModel editor = windows.lastEditor();
        assertThat(editor.titleProperty().get()).isEqualTo("Edit workflow: Welcome new members");
        assertThat(editor.nameProperty().get()).isEqualTo(WorkflowService.DEFAULT_NAME);
        assertThat(editor.triggerProperty().get().label()).isEqualTo("Offer Access Granted");
        assertThat(editor.actions()).singleElement().satisfies(a -> {
            assertThat(a.kindProperty().get().label()).isEqualTo("Send Membership Welcome Email");
            assertThat(a.welcomeForProperty().get().label()).isEqualTo("for the triggering offer");
        });

        editor.nameProperty().set("Welcome everyone");
        editor.save();

        assertThat(editor.savedProperty().get()).isTrue();
        assertThat(list.rows()).extracting(WorkflowRow::name).containsExactly("Welcome everyone");
        assertThat(list.selectedProperty().get().name()).isEqualTo("Welcome everyone");
    }
}
