package org.memberdesk.ui.viewmodel.workflow;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.memberdesk.service.Actor;
import org.memberdesk.service.offers.OfferService;
import org.memberdesk.service.workflow.WorkflowRunView;
import org.memberdesk.service.workflow.WorkflowService;
import org.memberdesk.service.workflow.WorkflowView;
import org.memberdesk.ui.common.BackgroundExecutor;
import org.memberdesk.ui.common.Cancellable;
import org.memberdesk.ui.common.DialogService;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.viewmodel.Command;
import org.memberdesk.ui.viewmodel.DisplayTime;
import org.memberdesk.ui.viewmodel.Failures;
import org.memberdesk.ui.viewmodel.Rereads;

/**
 * The Workflows window: every workflow with its trigger, state and runs; the run log of the selected
 * one (each run's contact, steps, outcomes and times); Enable/Disable; New… and Edit… open the
 * editor; Test on contact runs the selected workflow for one contact and shows each step's outcome.
 * The list and the log are read again after every pass of the workflow engine.
 */
public final class WorkflowsViewModel {

    /** How long the window waits after an engine pass before it reads the list again (passes come in bursts). */
    public static final Duration REFRESH_DELAY = Duration.ofMillis(400);
    static final int RUN_LOG = 200;
    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");

    private final WorkflowService workflows;
    private final OfferService offers;
    private final BackgroundExecutor executor;
    private final DialogService dialogs;
    private final WorkflowWindows windows;
    private final Messages messages;
    private final Actor agent;
    private final DisplayTime time;
    private final WorkflowTexts texts;

    private final ObservableList<WorkflowRow> rows = FXCollections.observableArrayList();
    private final ObservableList<WorkflowRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ObjectProperty<WorkflowRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObservableList<RunRow> runs = FXCollections.observableArrayList();
    private final ObservableList<RunRow> runsView = FXCollections.unmodifiableObservableList(runs);
    private final ObjectProperty<RunRow> selectedRun = new SimpleObjectProperty<>(this, "selectedRun");
    private final ObservableList<StepRow> runSteps = FXCollections.observableArrayList();
    private final ObservableList<StepRow> runStepsView = FXCollections.unmodifiableObservableList(runSteps);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper runLogTitle = new ReadOnlyStringWrapper(this, "runLogTitle", "");
    private final ReadOnlyStringWrapper runLogEmpty = new ReadOnlyStringWrapper(this, "runLogEmpty", "");
    private final ReadOnlyBooleanWrapper listing = new ReadOnlyBooleanWrapper(this, "listing");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final Command enableCommand;

    private final StringProperty testEmail = new SimpleStringProperty(this, "testEmail", "");
    private final ReadOnlyStringWrapper testError = new ReadOnlyStringWrapper(this, "testError", "");
    private final ReadOnlyStringWrapper testResult = new ReadOnlyStringWrapper(this, "testResult", "");
    private final ObservableList<StepRow> testSteps = FXCollections.observableArrayList();
    private final ObservableList<StepRow> testStepsView = FXCollections.unmodifiableObservableList(testSteps);
    private final Command testCommand;

    private long latestList;
    private long latestRuns;
    private Runnable stopListening;
    private Cancellable pendingRefresh = Cancellable.NONE;
    private boolean refreshPending;
    private boolean closed;
    private final Rereads rereads = new Rereads(this::read);

    public WorkflowsViewModel(WorkflowService workflows, OfferService offers, BackgroundExecutor executor,
                              DialogService dialogs, WorkflowWindows windows, Messages messages, DisplayTime time,
                              Actor agent) {
        this.workflows = workflows;
        this.offers = offers;
        this.executor = executor;
        this.dialogs = dialogs;
        this.windows = windows;
        this.messages = messages;
        this.agent = agent;
        this.texts = new WorkflowTexts(messages, time);
        this.time = time;
        enableCommand = new Command(executor, failure -> error.set(Failures.describe(failure, messages)));
        testCommand = new Command(executor, failure -> testError.set(Failures.describe(failure, messages)));
        busy.bind(listing.or(enableCommand.runningProperty()));
        runLogEmpty.set(messages.get("workflows.runLog.noSelection"));
        selected.addListener((o, before, now) -> {
            if (now == null || before == null || !now.name().equals(before.name())) {
                loadRuns();
                testSteps.clear();
                testResult.set("");
                testError.set("");
            }
        });
        selectedRun.addListener((o, before, now) -> runSteps.setAll(now == null ? List.of() : now.steps()));
        testEmail.addListener((o, before, now) -> testError.set(""));
    }

    /** Reads the list and follows the workflow engine from now on. */
    public void load() {
        if (closed) {
            return;
        }
        if (stopListening == null) {
            stopListening = workflows.onProgress(progress -> executor.publish(this::refreshSoon));
        }
        refresh();
    }

    /**
     * Reads the list and the selected workflow's run log again; the selection stays. Asked for while
     * a read is under way, it reads once more after it.
     */
    public void refresh() {
        if (!closed) {
            rereads.request();
        }
    }

    private void read() {
        long ticket = ++latestList;
        listing.set(true);
        // This answer shows before a reread asked for meanwhile starts (and makes it the latest).
        executor.submit(workflows::list, found -> {
            if (ticket == latestList) {
                show(found);
            }
            rereads.finished();
        }, failure -> {
            if (ticket == latestList) {
                listing.set(false);
                error.set(Failures.describe(failure, messages));
            }
            rereads.finished();
        });
    }

    private void refreshSoon() {
        if (closed || refreshPending) {
            return;
        }
        refreshPending = true;
        pendingRefresh = executor.schedule(REFRESH_DELAY, () -> {
            refreshPending = false;
            refresh();
        });
    }

    private void show(List<WorkflowView> found) {
        listing.set(false);
        error.set("");
        WorkflowRow before = selected.get();
        List<WorkflowRow> shown = found.stream().map(texts::row).toList();
        rows.setAll(shown);
        Optional<WorkflowRow> same = before == null ? Optional.empty()
                : shown.stream().filter(r -> r.name().equals(before.name())).findFirst();
        WorkflowRow next = same.orElse(shown.isEmpty() ? null : shown.get(0));
        if (next != null && before != null && next.name().equals(before.name())) {
            selected.set(next);
            loadRuns();
        } else {
            selected.set(next);
        }
    }

    private void loadRuns() {
        WorkflowRow row = selected.get();
        long ticket = ++latestRuns;
        if (row == null) {
            runs.clear();
            runLogTitle.set("");
            runLogEmpty.set(messages.get("workflows.runLog.noSelection"));
            return;
        }
        runLogTitle.set(messages.get("workflows.runLog.title", row.name()));
        executor.submit(() -> workflows.runs(row.name(), RUN_LOG), found -> {
            if (ticket == latestRuns) {
                showRuns(found);
            }
        }, failure -> {
            if (ticket == latestRuns) {
                runs.clear();
                runLogEmpty.set(Failures.describe(failure, messages));
            }
        });
    }

    private void showRuns(List<WorkflowRunView> found) {
        RunRow before = selectedRun.get();
        List<RunRow> shown = found.stream().map(texts::run).toList();
        runs.setAll(shown);
        runLogEmpty.set(messages.get("workflows.runLog.empty"));
        selectedRun.set(shown.stream().filter(r -> before != null && r.id().equals(before.id())).findFirst()
                .orElse(shown.isEmpty() ? null : shown.get(0)));
    }

    public void enableSelected() {
        setEnabled(true);
    }

    public void disableSelected() {
        setEnabled(false);
    }

    private void setEnabled(boolean enabled) {
        WorkflowRow row = selected.get();
        if (row == null || row.enabled() == enabled) {
            return;
        }
        enableCommand.run(() -> enabled ? workflows.enable(row.name(), agent) : workflows.disable(row.name(), agent),
                changed -> refresh());
    }

    /** New…: an empty editor. */
    public void newWorkflow() {
        windows.showEditor(() -> editor(null));
    }

    /** Edit…: the editor with the selected workflow. */
    public void editSelected() {
        WorkflowRow row = selected.get();
        if (row == null) {
            return;
        }
        executor.submit(() -> workflows.get(row.name()),
                view -> windows.showEditor(() -> editor(view)),
                failure -> error.set(Failures.describe(failure, messages)));
    }

    private WorkflowEditorViewModel editor(WorkflowView existing) {
        WorkflowEditorViewModel editor = new WorkflowEditorViewModel(workflows, offers, executor, messages, time,
                agent, existing, this::saved);
        editor.load();
        return editor;
    }

    private void saved(String name) {
        selected.set(rows.stream().filter(r -> r.name().equals(name)).findFirst()
                .orElse(new WorkflowRow(name, false, "", null, "", "", "", "", false)));
        refresh();
    }

    /** Runs the selected workflow for the contact whose email was entered, and shows each step's outcome. */
    public void testOnContact() {
        if (testCommand.isRunning()) {
            return; // the button waits for the test under way; so does Enter in the email field
        }
        WorkflowRow row = selected.get();
        String email = testEmail.get() == null ? "" : testEmail.get().trim();
        if (row == null) {
            testError.set(messages.get("workflows.test.noWorkflow"));
            return;
        }
        if (email.isEmpty()) {
            testError.set(messages.get("workflows.test.emailRequired"));
            return;
        }
        if (!EMAIL.matcher(email).matches()) {
            testError.set(messages.get("workflows.test.emailInvalid"));
            return;
        }
        boolean confirmed = dialogs.confirm(messages.get("workflows.test.title"),
                messages.get("workflows.test.question", row.name(), email), messages.get("workflows.test.details"),
                messages.get("workflows.test.accept"), messages.get("workflows.test.decline"));
        if (!confirmed) {
            return;
        }
        testError.set("");
        testResult.set("");
        testSteps.clear();
        testCommand.run(() -> workflows.testOnContact(row.name(), email, agent), run -> {
            RunRow shown = texts.run(run);
            testSteps.setAll(shown.steps());
            testResult.set(messages.get("workflows.test.result", row.name(), shown.contact(), shown.status()));
            refresh();
        });
    }

    /** The window closed: stop following the engine. */
    public void close() {
        closed = true;
        rereads.cancel();
        latestList++;
        latestRuns++;
        pendingRefresh.cancel();
        if (stopListening != null) {
            stopListening.run();
            stopListening = null;
        }
    }

    public ObservableList<WorkflowRow> rows() {
        return rowsView;
    }

    public ObjectProperty<WorkflowRow> selectedProperty() {
        return selected;
    }

    /** The selected workflow's runs, newest first. */
    public ObservableList<RunRow> runs() {
        return runsView;
    }

    public ObjectProperty<RunRow> selectedRunProperty() {
        return selectedRun;
    }

    /** The steps of the selected run. */
    public ObservableList<StepRow> runSteps() {
        return runStepsView;
    }

    /** "Run log: Welcome new members". */
    public ReadOnlyStringProperty runLogTitleProperty() {
        return runLogTitle.getReadOnlyProperty();
    }

    /** What the run log says when it shows nothing. */
    public ReadOnlyStringProperty runLogEmptyProperty() {
        return runLogEmpty.getReadOnlyProperty();
    }

    /** Why the list or a change failed; empty when all is well. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The email of the contact to test the selected workflow on. */
    public StringProperty testEmailProperty() {
        return testEmail;
    }

    /** What is wrong with the test's contact, or why the test failed; empty when nothing is. */
    public ReadOnlyStringProperty testErrorProperty() {
        return testError.getReadOnlyProperty();
    }

    /** "Tested Reset on Dana <dana@…>: Done". */
    public ReadOnlyStringProperty testResultProperty() {
        return testResult.getReadOnlyProperty();
    }

    /** Each step of the last test run with its outcome. */
    public ObservableList<StepRow> testSteps() {
        return testStepsView;
    }

    public ReadOnlyBooleanProperty testingProperty() {
        return testCommand.runningProperty();
    }
}
