package org.memberdesk.ui.viewmodel.insight;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.memberdesk.service.importing.ContactImport;
import org.memberdesk.service.importing.ImportPreview;
import org.memberdesk.service.importing.ImportProgress;
import org.memberdesk.service.importing.ImportResult;
import org.memberdesk.service.importing.RowNotice;
import org.memberdesk.service.importing.RowProblem;
import org.memberdesk.ui.common.BackgroundExecutor;
import org.memberdesk.ui.common.Cancellable;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.viewmodel.Failures;

/**
 * Import contacts from CSV: choose a file, read a preview that writes nothing (counts, refused
 * rows with line and reason, unknown columns, welcome emails it will trigger), then import the
 * valid rows in the background (all or nothing, in short transactions that leave the desk working). Progress reaches the UI thread at most once per
 * percent; Cancel (or closing the window) stops the work and nothing is written.
 */
public final class ImportViewModel {

    /** Where the window is. */
    public enum State { CHOOSING, PREVIEWING, PREVIEWED, IMPORTING, IMPORTED, CANCELLED, FAILED }

    private final ContactImport importer;
    private final InsightTools tools;
    private final BackgroundExecutor executor;
    private final Messages messages;
    private final Runnable onImported;

    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.CHOOSING);
    private final ReadOnlyStringWrapper file = new ReadOnlyStringWrapper(this, "file", "");
    private final BooleanProperty noTriggers = new SimpleBooleanProperty(this, "noTriggers");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper unknownColumns = new ReadOnlyStringWrapper(this, "unknownColumns", "");
    private final ReadOnlyStringWrapper welcomeEmails = new ReadOnlyStringWrapper(this, "welcomeEmails", "");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper(this, "result", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ObservableList<ProblemRow> problems = FXCollections.observableArrayList();
    private final ObservableList<ProblemRow> problemsView = FXCollections.unmodifiableObservableList(problems);
    private final BooleanBinding busy;
    private final BooleanBinding canImport;

    private Path chosen;
    private ImportPreview preview;
    /** Lines whose suggested address (gmial.com → gmail.com) the agent took; cleared with a new file. */
    private final Set<Integer> taken = new TreeSet<>();
    private AtomicBoolean stop = new AtomicBoolean();
    private Cancellable running = Cancellable.NONE;
    private boolean closed;

    public ImportViewModel(ContactImport importer, InsightTools tools, Runnable onImported) {
        this.importer = importer;
        this.tools = tools;
        this.executor = tools.executor();
        this.messages = tools.messages();
        this.onImported = onImported;
        busy = Bindings.createBooleanBinding(
                () -> state.get() == State.PREVIEWING || state.get() == State.IMPORTING, state);
        canImport = Bindings.createBooleanBinding(
                () -> state.get() == State.PREVIEWED && preview != null && preview.validRows() > 0, state);
        noTriggers.addListener((o, before, now) -> showWelcomeEmails());
    }

    /** Asks for a CSV file and previews it; nothing happens when the agent cancels. */
    public void chooseFile() {
        if (busy.get()) {
            return;
        }
        tools.files().openCsv(messages.get("import.choose.title")).ifPresent(this::previewFile);
    }

    /** Reads and judges {@code path} in the background; writes nothing. */
    public void previewFile(Path path) {
        if (busy.get() || closed) {
            return;
        }
        taken.clear();
        read(path);
    }

    /**
     * Takes the suggested address of a row whose domain looks mistyped, and reads the file again: the
     * row is then judged, and imported, with the suggested address. The file is not changed.
     */
    public void takeSuggestion(ProblemRow row) {
        if (row == null || row.suggestedEmail() == null || state.get() != State.PREVIEWED || closed) {
            return;
        }
        taken.add(row.line());
        read(chosen);
    }

    /** Takes every suggested address of the preview at once. */
    public void takeAllSuggestions() {
        if (state.get() != State.PREVIEWED || closed) {
            return;
        }
        boolean any = false;
        for (ProblemRow row : problems) {
            any |= row.suggestedEmail() != null && taken.add(row.line());
        }
        if (any) {
            read(chosen);
        }
    }

    private void read(Path path) {
        chosen = path;
        preview = null;
        file.set(path.toString());
        problems.clear();
        summary.set("");
        unknownColumns.set("");
        welcomeEmails.set("");
        result.set("");
        error.set("");
        start(State.PREVIEWING, messages.get("import.progress.start"));
        ImportProgress report = reporter(false);
        Set<Integer> suggestions = Set.copyOf(taken);
        running = executor.submit(() -> importer.preview(path, suggestions, report), this::showPreview,
                failure -> failed(failure, State.CHOOSING));
    }

    private void showPreview(ImportPreview read) {
        preview = read;
        List<ProblemRow> rows = new ArrayList<>(read.problems().size() + read.notices().size());
        for (RowProblem p : read.problems()) {
            rows.add(new ProblemRow(p.line(), p.email(), p.reason(), true));
        }
        for (RowNotice n : read.notices()) {
            rows.add(new ProblemRow(n.line(), n.email(), noticeText(n), false, n.suggestedEmail()));
        }
        rows.sort((a, b) -> Integer.compare(a.line(), b.line()));
        problems.setAll(rows);
        summary.set(messages.get("import.preview.summary", read.totalRows(), read.validRows(), read.refusedRows(),
                read.newContacts(), read.existingContacts(), read.grantsToAdd(), read.alreadyActive())
                + (taken.isEmpty() ? "" : " " + messages.get("import.preview.suggestionsTaken", taken.size(),
                        taken.stream().map(String::valueOf).collect(Collectors.joining(", ")))));
        unknownColumns.set(read.unknownColumns().isEmpty() ? ""
                : messages.get("import.preview.unknownColumns", String.join(", ", read.unknownColumns())));
        showWelcomeEmails();
        finish(State.PREVIEWED);
    }

    /** A likely typo is told in the console's words, naming the address the row most likely meant. */
    private String noticeText(RowNotice notice) {
        if (notice.suggestedEmail() == null) {
            return notice.message();
        }
        return messages.get("import.notice.typo", domain(notice.email()), domain(notice.suggestedEmail()),
                notice.suggestedEmail());
    }

    private static String domain(String email) {
        return email.substring(email.lastIndexOf('@') + 1);
    }

    private void showWelcomeEmails() {
        if (preview == null) {
            return;
        }
        welcomeEmails.set(noTriggers.get() ? messages.get("import.preview.noTriggers", preview.grantsToAdd())
                : messages.get("import.preview.welcome", preview.welcomeEmails(), preview.welcomeEmailsNote()));
    }

    /** Imports the valid rows of the previewed file in the background: all of them, or none. */
    public void importRows() {
        if (!canImport.get() || closed) {
            return;
        }
        Path path = chosen;
        boolean fire = !noTriggers.get();
        start(State.IMPORTING, messages.get("import.progress.start"));
        ImportProgress report = reporter(true);
        AtomicBoolean stopped = stop;
        Set<Integer> suggestions = Set.copyOf(taken);
        running = executor.submit(() -> importer.run(path, suggestions, fire, tools.agent(), report), this::imported,
                failure -> importFailed(failure, stopped));
    }

    private void importFailed(Exception failure, AtomicBoolean stopped) {
        if (stopped.get() && cancelled(failure)) {
            progress.set(0);
            progressText.set("");
            result.set(messages.get("import.cancelled"));
            state.set(State.CANCELLED);
        } else {
            failed(failure, State.PREVIEWED);
        }
    }

    private void imported(ImportResult done) {
        result.set(messages.get("import.result", done.importedRows(), done.newContacts(), done.grantsAdded(),
                done.refusedRows(), done.triggersFired(), done.millis() / 1000.0));
        finish(State.IMPORTED);
        onImported.run();
    }

    /**
     * Stops a preview or an import under way. A preview is dropped at once; an import stops at its
     * next progress report and rolls back, and the window says so when the rollback is done (an
     * import that finished first is reported as imported: nothing is claimed that did not happen).
     */
    public void cancel() {
        if (state.get() == State.PREVIEWING) {
            stop.set(true);
            running.cancel();
            progress.set(0);
            progressText.set("");
            result.set(messages.get("import.previewCancelled"));
            state.set(State.CHOOSING);
        } else if (state.get() == State.IMPORTING && !stop.get()) {
            stop.set(true);
            progress.set(-1);
            progressText.set(messages.get("import.cancelling"));
        }
    }

    /** The window closed: whatever runs stops (an import then writes nothing). */
    public void close() {
        cancel();
        closed = true;
    }

    private static boolean cancelled(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CancellationException) {
                return true;
            }
        }
        return false;
    }

    private void start(State next, String text) {
        stop = new AtomicBoolean();
        progress.set(-1);
        progressText.set(text);
        state.set(next);
    }

    private void finish(State next) {
        progress.set(1);
        progressText.set("");
        state.set(next);
    }

    private void failed(Exception failure, State back) {
        progress.set(0);
        progressText.set("");
        error.set(Failures.describe(failure, messages));
        state.set(back == State.PREVIEWED && preview != null ? State.PREVIEWED : State.FAILED);
    }

    /**
     * The service's progress, from its own thread: throws to stop once cancelled, and hands a new
     * figure to the UI thread only when it moved by a percent or the phase changed.
     */
    private ImportProgress reporter(boolean importing) {
        AtomicBoolean stopped = stop;
        AtomicLong lastShown = new AtomicLong(-1);
        return (phase, done, total) -> {
            if (stopped.get()) {
                throw new CancellationException("cancelled by the agent");
            }
            double fraction = overall(importing, phase, total <= 0 ? 1 : Math.min(1.0, (double) done / total));
            long permille = Math.round(fraction * 100) + phaseIndex(phase) * 1000L;
            if (lastShown.getAndSet(permille) == permille) {
                return;
            }
            String text = messages.getOrDefault("import.progress." + phase.code(), phase.code());
            executor.publish(() -> {
                if (!stopped.get() && busy.get() && !closed) {
                    progress.set(fraction);
                    progressText.set(messages.get("import.progress", text, Math.round(fraction * 100)));
                }
            });
        };
    }

    private static int phaseIndex(ImportProgress.Phase phase) {
        return switch (phase) {
            case READING -> 0;
            case CHECKING -> 1;
            case WRITING -> 2;
        };
    }

    /** One bar for the phases: a preview reads then checks; an import also writes. */
    static double overall(boolean importing, ImportProgress.Phase phase, double part) {
        double[] start = importing ? new double[] {0, 0.25, 0.4} : new double[] {0, 0.6, 1};
        double[] span = importing ? new double[] {0.25, 0.15, 0.6} : new double[] {0.6, 0.4, 0};
        int i = phaseIndex(phase);
        return Math.min(1, start[i] + span[i] * part);
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty fileProperty() {
        return file.getReadOnlyProperty();
    }

    /** "Don't fire workflows": no "Offer Access Granted" events, so no welcome emails. */
    public BooleanProperty noTriggersProperty() {
        return noTriggers;
    }

    /** 0 to 1; -1 while the size of the work is not known yet. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** The preview's counts in one sentence. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty unknownColumnsProperty() {
        return unknownColumns.getReadOnlyProperty();
    }

    /** How many welcome emails the import will trigger (none with "Don't fire workflows"). */
    public ReadOnlyStringProperty welcomeEmailsProperty() {
        return welcomeEmails.getReadOnlyProperty();
    }

    /** What the import wrote, or that it was cancelled. */
    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Refused rows and notices, by line. */
    public ObservableList<ProblemRow> problems() {
        return problemsView;
    }

    public ObservableBooleanValue busyProperty() {
        return busy;
    }

    public ObservableBooleanValue canImportProperty() {
        return canImport;
    }
}
