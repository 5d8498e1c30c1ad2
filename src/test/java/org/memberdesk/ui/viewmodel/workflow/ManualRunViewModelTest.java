package org.memberdesk.ui.viewmodel.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.service.Actor;
import org.memberdesk.service.Services;
import org.memberdesk.service.contacts.ContactSummary;
import org.memberdesk.service.workflow.ActionSpec;
import org.memberdesk.service.workflow.TriggerSpec;
import org.memberdesk.service.workflow.WorkflowDefinition;
import org.memberdesk.testsupport.TestClock;
import org.memberdesk.testsupport.TestServices;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.common.TestExecutor;
import org.memberdesk.ui.viewmodel.DemoDirectory;

class ManualRunViewModelTest {

    static final Actor SAM = Actor.agent("Sam (support)");
    static final String DANA = "dana.whitfield@example.com";

    @TempDir
    Path dir;
    final TestClock clock = TestClock.at(TestServices.START);
    final Messages messages = Messages.load();
    final TestExecutor executor = TestExecutor.currentThread();
    int afterRuns;
    Services services;

    @BeforeEach
    void seed() {
        services = DemoDirectory.seeded(dir, clock);
    }

    @AfterEach
    void close() {
        services.close();
    }

    private void manualWorkflow(String name, String tag) {
        services.workflows().create(new WorkflowDefinition(name, true, TriggerSpec.manual(), List.of(),
                List.of(ActionSpec.addTag(tag))), SAM);
    }

    private ManualRunViewModel run(List<String> chosen, String search) {
        ManualRunViewModel run = new ManualRunViewModel(services.workflows(), executor, messages, SAM, chosen, search,
                () -> afterRuns++);
        run.load();
        return run;
    }

    @Test
    void withoutAManualWorkflowThereIsNothingToRun() {
        ManualRunViewModel run = run(List.of(DANA), "");

        assertThat(run.manualWorkflows()).isEmpty();
        assertThat(run.errorProperty().get()).startsWith("There is no workflow with the trigger Manual yet.");
        run.run();
        assertThat(run.errorProperty().get()).isEqualTo("Choose a workflow.");
        assertThat(afterRuns).isZero();
    }

    @Test
    void runsAManualWorkflowOnTheChosenContacts() {
        manualWorkflow("Flag for review", "review");
        ManualRunViewModel run = run(List.of(DANA, "aisha.rahman@example.org"), "da");

        assertThat(run.manualWorkflows()).containsExactly("Flag for review");
        assertThat(run.workflowProperty().get()).isEqualTo("Flag for review");
        assertThat(run.onSearchProperty().get()).isFalse();
        assertThat(run.chosenTextProperty().get()).isEqualTo("The 2 selected contacts");
        List<Double> bar = new ArrayList<>();
        run.progressProperty().addListener((o, before, now) -> bar.add(now.doubleValue()));

        run.run();

        assertThat(run.runningProperty().get()).isFalse();
        assertThat(run.finishedProperty().get()).isTrue();
        assertThat(run.errorProperty().get()).isEmpty();
        assertThat(run.summaryProperty().get()).isEqualTo(
                "Ran \u201cFlag for review\u201d on 2 contacts: 2 done, 0 stopped by a filter, 0 failed, 0 waiting.");
        assertThat(bar).first().isEqualTo(-1.0);
        assertThat(bar).last().isEqualTo(1.0);
        assertThat(services.contacts().byEmail(DANA).tags()).contains("review");
        assertThat(services.contacts().byEmail("aisha.rahman@example.org").tags()).contains("review");
        assertThat(services.workflows().runs("Flag for review", 10)).hasSize(2);
        assertThat(afterRuns).isEqualTo(1);
    }

    @Test
    void runsOnEveryoneTheSearchFindsWithProgressBatchByBatch() {
        manualWorkflow("Flag everyone", "flagged");
        long everyone = services.contacts().find("example", Integer.MAX_VALUE).size();
        assertThat(everyone).isGreaterThan(40);
        ManualRunViewModel run = run(List.of(), "example");
        assertThat(run.onSearchProperty().get()).as("nothing chosen: the search").isTrue();
        assertThat(run.searchTextProperty().get()).isEqualTo("Everyone the search \u201cexample\u201d finds");
        List<String> stages = new ArrayList<>();
        run.progressTextProperty().addListener((o, before, now) -> stages.add(now));

        run.run();

        assertThat(stages).anyMatch(s -> s.startsWith("Recording " + everyone + " of " + everyone));
        assertThat(stages).anyMatch(s -> s.startsWith("Running: "));
        assertThat(run.summaryProperty().get()).startsWith("Ran \u201cFlag everyone\u201d on " + everyone + " contacts: "
                + everyone + " done");
        assertThat(services.contacts().find("example", Integer.MAX_VALUE))
                .allSatisfy((ContactSummary c) -> assertThat(c.tags()).contains("flagged"));
    }

    @Test
    void aRunWithoutAScopeSaysWhatToDo() {
        manualWorkflow("Flag for review", "review");
        ManualRunViewModel run = run(List.of(), "");

        assertThat(run.chosenAvailableProperty().get()).isFalse();
        assertThat(run.searchAvailableProperty().get()).isFalse();
        run.run();

        assertThat(run.errorProperty().get()).isEqualTo("Select contacts in the contact list first.");
        run.onSearchProperty().set(true);
        run.run();
        assertThat(run.errorProperty().get()).startsWith("Type a search in the contact list");
        assertThat(services.workflows().runs("Flag for review", 10)).isEmpty();
    }

    @Test
    void theRunHappensInTheBackgroundWhileTheWindowSaysSo() {
        manualWorkflow("Flag for review", "review");
        executor.holdWork();
        ManualRunViewModel run = new ManualRunViewModel(services.workflows(), executor, messages, SAM, List.of(DANA),
                "", () -> afterRuns++);
        run.load();
        executor.runHeldWork();

        run.run();

        assertThat(executor.heldWork()).isEqualTo(1);
        assertThat(run.runningProperty().get()).isTrue();
        assertThat(run.progressProperty().get()).as("indeterminate until the engine reports").isEqualTo(-1.0);
        assertThat(run.progressTextProperty().get()).isEqualTo("Starting\u2026");
        run.run();
        assertThat(executor.heldWork()).as("a second click while it runs starts nothing").isEqualTo(1);
        assertThat(services.workflows().runs("Flag for review", 10)).isEmpty();

        executor.runHeldWork();

        assertThat(run.runningProperty().get()).isFalse();
        assertThat(run.summaryProperty().get()).startsWith("Ran \u201cFlag for review\u201d on 1 contact: 1 done");
        assertThat(services.workflows().runs("Flag for review", 10)).hasSize(1);
        assertThat(afterRuns).isEqualTo(1);
    }
}
