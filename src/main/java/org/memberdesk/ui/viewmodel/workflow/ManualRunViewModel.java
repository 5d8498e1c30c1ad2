package org.memberdesk.ui.viewmodel.workflow;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.memberdesk.service.Actor;
import org.memberdesk.service.workflow.ManualRunResult;
import org.memberdesk.service.workflow.TriggerKind;
import org.memberdesk.service.workflow.WorkflowProgress;
import org.memberdesk.service.workflow.WorkflowService;
import org.memberdesk.service.workflow.WorkflowView;
import org.memberdesk.ui.common.BackgroundExecutor;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.viewmodel.Command;
import org.memberdesk.ui.viewmodel.Failures;

/**
 * Run workflow…: a Manual workflow on the contacts chosen in the contact list, or on everyone the
 * current search finds (the saved search, without the list's 50-row limit). It runs in the
 * background; the bar follows the engine's progress batch by batch and a summary says what happened.
 */
public final class ManualRunViewModel {

    private final WorkflowService workflows;
    private final BackgroundExecutor executor;
    private final Messages messages;
    private final Actor agent;
    private final List<String> chosen;
    private final String search;
    private final Runnable afterRun;

    private final ObservableList<String> manualWorkflows = FXCollections.observableArrayList();
    private final ObjectProperty<String> workflow = new SimpleObjectProperty<>(this, "workflow");
    private final BooleanProperty onSearch = new SimpleBooleanProperty(this, "onSearch");
    private final ReadOnlyBooleanWrapper searchAvailable = new ReadOnlyBooleanWrapper(this, "searchAvailable");
    private final ReadOnlyBooleanWrapper chosenAvailable = new ReadOnlyBooleanWrapper(this, "chosenAvailable");
    private final ReadOnlyStringWrapper chosenText = new ReadOnlyStringWrapper(this, "chosenText", "");
    private final ReadOnlyStringWrapper searchText = new ReadOnlyStringWrapper(this, "searchText", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper finished = new ReadOnlyBooleanWrapper(this, "finished");
    private final Command runCommand;

    /**
     * {@code chosen} are the emails of the contacts selected in the list; {@code search} is what the
     * search field holds; {@code afterRun} runs on the UI thread once the run is over.
     */
    public ManualRunViewModel(WorkflowService workflows, BackgroundExecutor executor, Messages messages, Actor agent,
                              List<String> chosen, String search, Runnable afterRun) {
        this.workflows = workflows;
        this.executor = executor;
        this.messages = messages;
        this.agent = agent;
        this.chosen = List.copyOf(chosen);
        this.search = search.trim();
        this.afterRun = afterRun;
        this.runCommand = new Command(executor, failure -> {
            progress.set(0);
            progressText.set("");
            error.set(Failures.describe(failure, messages));
        });
        chosenAvailable.set(!this.chosen.isEmpty());
        searchAvailable.set(!this.search.isEmpty());
        chosenText.set(this.chosen.size() == 1 ? messages.get("manualRun.chosen.one", this.chosen.get(0))
                : messages.get("manualRun.chosen", this.chosen.size()));
        searchText.set(this.search.isEmpty() ? messages.get("manualRun.search.none")
                : messages.get("manualRun.search", this.search));
        onSearch.set(this.chosen.isEmpty() && !this.search.isEmpty());
        workflow.addListener((o, before, now) -> error.set(""));
        onSearch.addListener((o, before, now) -> error.set(""));
    }

    /** Reads the Manual workflows to choose from. */
    public void load() {
        executor.submit(() -> workflows.list().stream()
                .filter(w -> w.definition().trigger() != null && w.definition().trigger().kind() == TriggerKind.MANUAL)
                .map(WorkflowView::name).toList(), names -> {
                    manualWorkflows.setAll(names);
                    if (names.isEmpty()) {
                        error.set(messages.get("manualRun.noManualWorkflow"));
                    } else if (workflow.get() == null || !names.contains(workflow.get())) {
                        workflow.set(names.get(0));
                    }
                }, failure -> error.set(Failures.describe(failure, messages)));
    }

    /** Starts the run in the background; the bar and the summary follow it. */
    public void run() {
        if (runCommand.isRunning()) {
            return;
        }
        String name = workflow.get();
        if (name == null || name.isBlank()) {
            error.set(messages.get("manualRun.chooseWorkflow"));
            return;
        }
        boolean searchScope = onSearch.get();
        if (searchScope ? search.isEmpty() : chosen.isEmpty()) {
            error.set(messages.get(searchScope ? "manualRun.search.none" : "manualRun.chosen.none"));
            return;
        }
        finished.set(false);
        error.set("");
        summary.set("");
        progress.set(-1);
        progressText.set(messages.get("manualRun.starting"));
        runCommand.run(() -> searchScope
                        ? workflows.runManualOnSearch(name, search, agent, this::report)
                        : workflows.runManual(name, chosen, agent, this::report),
                this::done);
    }

    /** Called on the engine's thread after each committed batch. */
    private void report(WorkflowProgress p) {
        executor.publish(() -> {
            if (!runCommand.isRunning()) {
                return;
            }
            progress.set(p.total() <= 0 ? -1 : Math.min(1.0, (double) p.done() / p.total()));
            progressText.set(messages.get("manualRun.progress." + p.stage(), p.done(), p.total()));
        });
    }

    private void done(ManualRunResult result) {
        finished.set(true);
        progress.set(1);
        progressText.set("");
        var pass = result.pass();
        summary.set(messages.get("manualRun.summary", result.workflow(), result.contacts(), pass.done(), pass.stopped(),
                pass.failed(), pass.waiting()));
        afterRun.run();
    }

    public ObservableList<String> manualWorkflows() {
        return manualWorkflows;
    }

    public ObjectProperty<String> workflowProperty() {
        return workflow;
    }

    /** True: run on everyone the search finds; false: on the chosen contacts. */
    public BooleanProperty onSearchProperty() {
        return onSearch;
    }

    public ReadOnlyBooleanProperty searchAvailableProperty() {
        return searchAvailable.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty chosenAvailableProperty() {
        return chosenAvailable.getReadOnlyProperty();
    }

    /** "The 3 selected contacts". */
    public ReadOnlyStringProperty chosenTextProperty() {
        return chosenText.getReadOnlyProperty();
    }

    /** "Everyone the search “gold” finds". */
    public ReadOnlyStringProperty searchTextProperty() {
        return searchText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return runCommand.runningProperty();
    }

    /** 0 to 1; -1 while it is not known how much there is. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** What the run did, once it is over. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty finishedProperty() {
        return finished.getReadOnlyProperty();
    }
}
