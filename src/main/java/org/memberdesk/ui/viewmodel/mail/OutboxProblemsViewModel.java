package org.memberdesk.ui.viewmodel.mail;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.memberdesk.service.Actor;
import org.memberdesk.service.email.BulkRetryProgress;
import org.memberdesk.service.email.BulkRetryRequest;
import org.memberdesk.service.email.BulkRetryResult;
import org.memberdesk.service.email.BulkRetryStep;
import org.memberdesk.service.email.EmailView;
import org.memberdesk.service.email.OutboxProblem;
import org.memberdesk.service.email.OutboxProblems;
import org.memberdesk.service.email.ProblemWindow;
import org.memberdesk.ui.common.BackgroundExecutor;
import org.memberdesk.ui.common.DialogService;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.viewmodel.Command;
import org.memberdesk.ui.viewmodel.DisplayTime;
import org.memberdesk.ui.viewmodel.Failures;
import org.memberdesk.ui.viewmodel.Rereads;

/**
 * Outbox problems: the failed and retrying emails across contacts, filtered by kind and days, with
 * the server's last reply; opens a contact, retries the selected emails, or retries every failed
 * email of the days shown after a dry-run summary, with progress and Cancel.
 */
public final class OutboxProblemsViewModel {

    /** Opens a contact's window. */
    @FunctionalInterface
    public interface ContactOpener {
        void open(UUID contactId, String name, String email);
    }

    /** What the window works with besides the service. */
    public record Tools(BackgroundExecutor executor, DialogService dialogs, Messages messages, DisplayTime time,
                        Clock clock, Supplier<Actor> agent, ContactOpener contacts) {
    }

    /** A kind to filter by; {@code kind} null is every kind. */
    public record KindChoice(EmailView.Kind kind, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    /** How fast Retry all queues: {@code perMinute} 0 is as fast as the outbox goes. */
    public record PaceChoice(int perMinute, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    /** Paces a large retry so a recovering server or a provider's rate limit is not flooded at once. */
    static final List<Integer> PACES = List.of(0, 10, 30, 60, 120);

    /** Days shown when the window opens: the last week, today included. */
    static final int DAYS_SHOWN = 7;

    private final OutboxProblems problems;
    private final Tools tools;
    private final Messages messages;
    private final ZoneId zone;

    private final ObservableList<KindChoice> kinds = FXCollections.observableArrayList();
    private final ObservableList<PaceChoice> paces = FXCollections.observableArrayList();
    private final ObjectProperty<PaceChoice> pace = new SimpleObjectProperty<>(this, "pace");
    private final ObjectProperty<KindChoice> kind = new SimpleObjectProperty<>(this, "kind");
    private final ObjectProperty<LocalDate> since = new SimpleObjectProperty<>(this, "since");
    private final ObjectProperty<LocalDate> until = new SimpleObjectProperty<>(this, "until");
    private final ObservableList<OutboxProblemRow> rows = FXCollections.observableArrayList();
    private final ObservableList<OutboxProblemRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ObservableList<OutboxProblemRow> selected = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper(this, "countText", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyBooleanWrapper cancelling = new ReadOnlyBooleanWrapper(this, "cancelling");
    private final AtomicBoolean cancelRequested = new AtomicBoolean();
    private final Command retrySelectedCommand;
    private final Command planCommand;
    private final Command retryAllCommand;
    private final Rereads rereads = new Rereads(this::read);
    private boolean closed;

    public OutboxProblemsViewModel(OutboxProblems problems, Tools tools) {
        this.problems = problems;
        this.tools = tools;
        this.messages = tools.messages();
        this.zone = tools.clock().getZone();
        kinds.add(new KindChoice(null, messages.get("outboxProblems.kind.any")));
        for (EmailView.Kind k : EmailView.Kind.values()) {
            kinds.add(new KindChoice(k, messages.getOrDefault("email.kind." + k.code(), k.code())));
        }
        kind.set(kinds.get(0));
        for (int perMinute : PACES) {
            paces.add(new PaceChoice(perMinute, perMinute == 0 ? messages.get("outboxProblems.pace.asFast")
                    : messages.get("outboxProblems.pace.perMinute", perMinute)));
        }
        pace.set(paces.get(0));
        LocalDate today = LocalDate.now(tools.clock());
        since.set(today.minusDays(DAYS_SHOWN - 1));
        until.set(today);
        Consumer<Exception> failure = e -> {
            status.set("");
            tools.dialogs().showError(messages.get("outboxProblems.retryFailed"), Failures.describe(e, messages));
        };
        retrySelectedCommand = new Command(tools.executor(),
                Bindings.createBooleanBinding(() -> selected.stream().anyMatch(OutboxProblemRow::failed), selected),
                failure);
        BooleanBinding windowGiven = Bindings.createBooleanBinding(() -> since.get() != null && until.get() != null
                && !since.get().isAfter(until.get()), since, until);
        planCommand = new Command(tools.executor(), windowGiven, failure);
        retryAllCommand = new Command(tools.executor(), windowGiven, failure);
        kind.addListener((o, before, now) -> refresh());
        since.addListener((o, before, now) -> refresh());
        until.addListener((o, before, now) -> refresh());
    }

    /** Reads the list. */
    public void load() {
        refresh();
    }

    /** Reads the list again, keeping the selection where the emails are still listed; nothing once closed. */
    public void refresh() {
        if (!closed) {
            rereads.request();
        }
    }

    private void read() {
        ProblemWindow window;
        try {
            window = window();
        } catch (RuntimeException e) {
            error.set(Failures.describe(e, messages));
            rereads.finished();
            return;
        }
        tools.executor().submit(() -> problems.list(window), list -> {
            rereads.finished();
            error.set("");
            List<UUID> kept = selected.stream().map(OutboxProblemRow::emailId).toList();
            rows.setAll(list.stream().map(this::row).toList());
            selected.setAll(rows.stream().filter(r -> kept.contains(r.emailId())).toList());
            countText.set(messages.get("outboxProblems.count", list.size(),
                    list.stream().filter(p -> p.email().status() == EmailView.Status.FAILED).count(),
                    list.stream().filter(p -> p.email().status() == EmailView.Status.BOUNCED).count()));
        }, e -> {
            rereads.finished();
            error.set(Failures.describe(e, messages));
        });
    }

    private ProblemWindow window() {
        Instant from = since.get() == null ? null : since.get().atStartOfDay(zone).toInstant();
        Instant to = until.get() == null ? null : until.get().plusDays(1).atStartOfDay(zone).toInstant();
        return new ProblemWindow(from, to, kind.get() == null ? null : kind.get().kind());
    }

    private OutboxProblemRow row(OutboxProblem p) {
        EmailView e = p.email();
        String name = p.contactName() == null || p.contactName().isBlank() ? p.contactEmail() : p.contactName();
        return new OutboxProblemRow(e.id(), p.contactId(), name, p.contactEmail(),
                name.equals(p.contactEmail()) ? name : name + " <" + p.contactEmail() + ">",
                messages.getOrDefault("email.kind." + e.kind().code(), e.kind().code()),
                messages.get("email.status." + e.status().code()), messages.get("emails.attempts", e.attempts()),
                e.lastReply() == null ? "" : e.lastReply(), tools.time().format(e.createdAt()), e.status(),
                p.hardBounce());
    }

    /** The rows the agent selected (the view keeps it in step with the table). */
    public ObservableList<OutboxProblemRow> selected() {
        return selected;
    }

    /** Opens the contact of the first selected row (Enter, double-click, Open contact). */
    public void openContact() {
        if (!selected.isEmpty()) {
            OutboxProblemRow row = selected.get(0);
            tools.contacts().open(row.contactId(), row.contactName(), row.contactEmail());
        }
    }

    /** Retry selected: every selected failed email goes back in the queue now. */
    public void retrySelected() {
        List<UUID> ids = selected.stream().filter(OutboxProblemRow::failed).map(OutboxProblemRow::emailId).toList();
        status.set(messages.get("outboxProblems.retrying", ids.size()));
        retrySelectedCommand.run(() -> problems.retry(ids, tools.agent().get()), this::finished);
    }

    /**
     * Retry all in window: says first what it would retry and skip (the dry run), then retries on
     * the agent's word, showing progress until done or cancelled.
     */
    public void retryAll() {
        if (retryAllCommand.isRunning()) {
            return;
        }
        BulkRetryRequest request;
        try {
            request = new BulkRetryRequest(window(), false, pace.get() == null ? 0 : pace.get().perMinute());
        } catch (RuntimeException e) {
            error.set(Failures.describe(e, messages));
            return;
        }
        planCommand.run(() -> problems.plan(request), plan -> confirmAndRetry(request, plan));
    }

    private void confirmAndRetry(BulkRetryRequest request, BulkRetryResult plan) {
        if (plan.retried().isEmpty()) {
            status.set(messages.get("outboxProblems.nothingToRetry", plan.skipped().size()));
            return;
        }
        if (!tools.dialogs().confirm(messages.get("outboxProblems.confirm.title"),
                messages.get("outboxProblems.confirm.question", plan.retried().size(), plan.skipped().size())
                        + (request.perMinute() == 0 ? "" : " " + messages.get("outboxProblems.confirm.paced",
                        request.perMinute(), (plan.retried().size() - 1) / request.perMinute() + 1)),
                skipSummary(plan), messages.get("outboxProblems.confirm.accept", plan.retried().size()),
                messages.get("outboxProblems.confirm.decline"))) {
            return;
        }
        cancelRequested.set(false);
        cancelling.set(false);
        progress.set(0);
        status.set(messages.get("outboxProblems.progress", 0, plan.retried().size()));
        Actor actor = tools.agent().get();
        retryAllCommand.run(() -> problems.retry(request, actor, new BulkRetryProgress() {
            @Override
            public void step(BulkRetryStep step, int done, int total) {
                tools.executor().publish(() -> {
                    progress.set((double) done / total);
                    status.set(messages.get("outboxProblems.progress", done, total));
                });
            }

            @Override
            public boolean cancelled() {
                return cancelRequested.get();
            }
        }), this::finished);
    }

    /** Why the emails of the dry run would be skipped, one line per reason. */
    private String skipSummary(BulkRetryResult plan) {
        List<String> lines = new ArrayList<>();
        for (BulkRetryStep.Skip reason : BulkRetryStep.Skip.values()) {
            long n = plan.skipped().stream().filter(s -> s.skipped() == reason).count();
            if (n > 0) {
                lines.add(messages.get("outboxProblems.skip." + reason.code(), n));
            }
        }
        return lines.isEmpty() ? messages.get("outboxProblems.skip.none") : String.join("\n", lines);
    }

    /** Stops Retry all between two emails; what it had not reached stays failed. */
    public void cancel() {
        if (retryAllCommand.isRunning()) {
            cancelRequested.set(true);
            cancelling.set(true);
        }
    }

    private void finished(BulkRetryResult result) {
        cancelling.set(false);
        progress.set(0);
        status.set(result.cancelled()
                ? messages.get("outboxProblems.cancelled", result.retried().size(), result.notReached().size())
                : messages.get("outboxProblems.done", result.retried().size(), result.skipped().size()));
        refresh();
    }

    public void close() {
        closed = true;
        rereads.cancel();
        cancel();
    }

    public ObservableList<OutboxProblemRow> rows() {
        return rowsView;
    }

    public ObservableList<PaceChoice> paces() {
        return paces;
    }

    /** How fast Retry all goes; as fast as the outbox goes unless chosen. */
    public ObjectProperty<PaceChoice> paceProperty() {
        return pace;
    }

    public ObservableList<KindChoice> kinds() {
        return kinds;
    }

    public ObjectProperty<KindChoice> kindProperty() {
        return kind;
    }

    /** First day shown. */
    public ObjectProperty<LocalDate> sinceProperty() {
        return since;
    }

    /** Last day shown, whole. */
    public ObjectProperty<LocalDate> untilProperty() {
        return until;
    }

    public ReadOnlyStringProperty countTextProperty() {
        return countText.getReadOnlyProperty();
    }

    /** What the last retry did, or how far Retry all is. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Share of Retry all done, 0 to 1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** Cancel was pressed and Retry all stops after the email under way. */
    public ReadOnlyBooleanProperty cancellingProperty() {
        return cancelling.getReadOnlyProperty();
    }

    public Command retrySelectedCommand() {
        return retrySelectedCommand;
    }

    /** The dry run before Retry all. */
    public Command planCommand() {
        return planCommand;
    }

    public Command retryAllCommand() {
        return retryAllCommand;
    }
}
