package org.memberdesk.ui.viewmodel.insight;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
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
import org.memberdesk.service.AuditLog;
import org.memberdesk.service.activity.ActivityFilter;
import org.memberdesk.service.activity.ActivityPage;
import org.memberdesk.service.activity.ActivityService;
import org.memberdesk.ui.common.BackgroundExecutor;
import org.memberdesk.ui.common.Cancellable;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.viewmodel.Command;
import org.memberdesk.ui.viewmodel.Failures;
import org.memberdesk.ui.viewmodel.Rereads;
import org.memberdesk.ui.viewmodel.Tone;

/**
 * The Activity window: the audit log newest first, filtered by agent, contact, action and days,
 * read a page at a time ("Load more"), and exported to CSV with the same filter.
 */
public final class ActivityViewModel {

    /** Events read per page. */
    public static final int PAGE = 200;
    /** Typing in the contact filter waits this long before reading. */
    public static final Duration DEBOUNCE = Duration.ofMillis(250);

    private final ActivityService activity;
    private final InsightTools tools;
    private final BackgroundExecutor executor;
    private final Messages messages;
    private final ZoneId zone;

    private final ObservableList<String> agentChoices = FXCollections.observableArrayList();
    private final ObservableList<String> actionChoices = FXCollections.observableArrayList();
    private final ObjectProperty<String> agent = new SimpleObjectProperty<>(this, "agent");
    private final ObjectProperty<String> action = new SimpleObjectProperty<>(this, "action");
    private final StringProperty contact = new SimpleStringProperty(this, "contact", "");
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>(this, "from");
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>(this, "to");

    private final ObservableList<ActivityRow> rows = FXCollections.observableArrayList();
    private final ObservableList<ActivityRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyBooleanWrapper hasMore = new ReadOnlyBooleanWrapper(this, "hasMore");
    private final Command exportCommand;
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper(this, "countText", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");

    private ActivityFilter shown = ActivityFilter.all();
    private long total;
    private long latestRead;
    private Cancellable pendingTyping = Cancellable.NONE;
    private boolean closed;
    private boolean settingChoices;
    private final Rereads rereads = new Rereads(this::reread);

    public ActivityViewModel(ActivityService activity, ZoneId zone, InsightTools tools) {
        this.activity = activity;
        this.zone = zone;
        this.tools = tools;
        this.executor = tools.executor();
        this.messages = tools.messages();
        this.exportCommand = new Command(executor, failure -> {
            status.set("");
            tools.dialogs().showError(messages.get("activity.export.failed"), Failures.describe(failure, messages));
        });
        agent.addListener((o, before, now) -> filterChanged());
        action.addListener((o, before, now) -> filterChanged());
        from.addListener((o, before, now) -> filterChanged());
        to.addListener((o, before, now) -> filterChanged());
        contact.addListener((o, before, now) -> {
            if (settingChoices) {
                return;
            }
            pendingTyping.cancel();
            pendingTyping = executor.schedule(DEBOUNCE, this::reload);
        });
    }

    /** Reads the filter's choices and the first page. */
    public void load() {
        readChoices();
        reload();
    }

    /**
     * Reads the log again with the filter as it is, as many events as are shown (at least a page),
     * and the filter's choices: events recorded since, by anyone, show. Asked for while a read is
     * under way, it reads once more after it. Nothing once the window has closed.
     */
    public void refresh() {
        if (!closed) {
            rereads.request();
        }
    }

    private void reread() {
        readChoices();
        pendingTyping.cancel();
        ActivityFilter filter;
        try {
            filter = filter();
        } catch (RuntimeException e) {
            error.set(Failures.describe(e, messages));
            rereads.finished();
            return;
        }
        read(filter, 0, Math.max(PAGE, rows.size()), rereads::finished);
    }

    private void readChoices() {
        executor.submit(() -> new Choices(activity.agents(), activity.actions()), choices -> {
            String keptAgent = agent.get();
            String keptAction = action.get();
            settingChoices = true;
            try {
                replaceIfChanged(agentChoices, withAny(choices.agents()), keptAgent);
                replaceIfChanged(actionChoices, withAny(families(choices.actions())), keptAction);
                agent.set(keptAgent == null ? agentChoices.get(0) : keptAgent);
                action.set(keptAction == null ? actionChoices.get(0) : keptAction);
            } finally {
                settingChoices = false;
            }
        }, failure -> error.set(Failures.describe(failure, messages)));
    }

    /**
     * The chosen value stays a choice (its events may have been pruned meanwhile: the filter the
     * agent chose stays as it was), and an unchanged list is left alone, so an open list does not close.
     */
    private static void replaceIfChanged(ObservableList<String> choices, List<String> read, String chosen) {
        List<String> now = new ArrayList<>(read);
        if (chosen != null && !now.contains(chosen)) {
            now.add(chosen);
        }
        if (!choices.equals(now)) {
            choices.setAll(now);
        }
    }

    private void filterChanged() {
        if (!settingChoices) {
            reload();
        }
    }

    private record Choices(List<String> agents, List<String> actions) {
    }

    private List<String> withAny(List<String> values) {
        List<String> all = new ArrayList<>();
        all.add(any());
        all.addAll(values);
        return all;
    }

    /** Each family ("credentials") before its actions ("credentials.unlocked"). */
    static List<String> families(List<String> actions) {
        List<String> out = new ArrayList<>();
        for (String a : actions.stream().sorted().toList()) {
            int dot = a.indexOf('.');
            if (dot > 0) {
                String family = a.substring(0, dot);
                if (!out.contains(family)) {
                    out.add(family);
                }
            }
            if (!out.contains(a)) {
                out.add(a);
            }
        }
        return out;
    }

    /**
     * An action code ("credentials.reset-link-sent") or family ("credentials") in the agent's words; a
     * code with no text yet shows as it is.
     */
    public String actionText(String action) {
        return action == null ? "" : messages.getOrDefault("activity.action." + action, action);
    }

    private String any() {
        return messages.get("activity.filter.any");
    }

    /** The filter as chosen; throws the service's error when the days are the wrong way round. */
    ActivityFilter filter() {
        String a = agent.get();
        String act = action.get();
        return new ActivityFilter(a == null || a.equals(any()) ? null : a, contact.get(),
                act == null || act.equals(any()) ? null : act, null, null)
                .days(from.get(), to.get(), zone);
    }

    /** Reads the first page again with the current filter. */
    public void reload() {
        pendingTyping.cancel();
        if (closed) {
            return;
        }
        ActivityFilter filter;
        try {
            filter = filter();
        } catch (RuntimeException e) {
            error.set(Failures.describe(e, messages));
            return;
        }
        read(filter, 0, PAGE, () -> { });
    }

    /** Reads the next page and adds it under the rows shown. */
    public void loadMore() {
        if (!hasMore.get() || loading.get()) {
            return;
        }
        read(shown, rows.size(), PAGE, () -> { });
    }

    private void read(ActivityFilter filter, int offset, int limit, Runnable done) {
        long request = ++latestRead;
        loading.set(true);
        // This answer shows before a reread asked for meanwhile starts (and makes it the latest).
        executor.submit(() -> page(filter, offset, limit), page -> {
            if (request == latestRead && !closed) {
                show(filter, page);
            }
            done.run();
        }, failure -> {
            if (request == latestRead) {
                loading.set(false);
                error.set(Failures.describe(failure, messages));
            }
            done.run();
        });
    }

    /** One page of up to {@code limit} events, read as several when it holds more than the service's largest. */
    private ActivityPage page(ActivityFilter filter, int offset, int limit) {
        List<AuditLog.Entry> entries = new ArrayList<>();
        ActivityPage part;
        do {
            int next = offset + entries.size();
            part = activity.page(filter, next, Math.min(ActivityService.MAX_PAGE, limit - entries.size()));
            entries.addAll(part.entries());
        } while (entries.size() < limit && part.hasMore() && !part.entries().isEmpty());
        return new ActivityPage(entries, part.total(), offset, limit);
    }

    private void show(ActivityFilter filter, ActivityPage page) {
        List<ActivityRow> read = page.entries().stream().map(this::row).toList();
        if (page.offset() == 0) {
            rows.setAll(read);
        } else {
            rows.addAll(read);
        }
        shown = filter;
        total = page.total();
        hasMore.set(page.hasMore());
        countText.set(messages.get("activity.count", rows.size(), total));
        error.set("");
        loading.set(false);
    }

    private ActivityRow row(AuditLog.Entry e) {
        String who = e.origin() == AuditLog.Origin.AGENT ? e.agent()
                : messages.get("activity.origin." + e.origin().code(), e.agent());
        boolean ok = e.outcome() == AuditLog.Outcome.OK;
        return new ActivityRow(tools.time().format(e.at()), who, e.action(), actionText(e.action()),
                e.contactEmail() == null ? "" : e.contactEmail(), e.detail() == null ? "" : e.detail(),
                messages.getOrDefault("activity.outcome." + e.outcome().code(), e.outcome().code()),
                ok ? Tone.GOOD : Tone.BAD);
    }

    /**
     * Asks where to save, then writes every event matching the filter shown as CSV in the
     * background: first to a temporary file next to the target, moved into place when complete.
     */
    public void exportCsv() {
        if (exportCommand.isRunning()) {
            return;
        }
        ActivityFilter filter = shown;
        String suggested = "memberdesk-activity-" + LocalDate.now(zone) + ".csv";
        tools.files().saveCsv(messages.get("activity.export.title"), suggested).ifPresent(target -> {
            status.set(messages.get("activity.export.running"));
            exportCommand.run(() -> write(filter, target),
                    written -> status.set(messages.get("activity.export.done", written, target.toString())));
        });
    }

    private long write(ActivityFilter filter, Path target) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Path partial = Files.createTempFile(folder, ".memberdesk-export-", ".csv.part");
        try {
            long written;
            try (BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                written = activity.exportCsv(filter, out);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            return written;
        } catch (IOException | UncheckedIOException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
    }

    /** Every filter back to "any"; reads once. */
    public void clearFilters() {
        settingChoices = true;
        try {
            agent.set(agentChoices.isEmpty() ? null : agentChoices.get(0));
            action.set(actionChoices.isEmpty() ? null : actionChoices.get(0));
            contact.set("");
            from.set(null);
            to.set(null);
        } finally {
            settingChoices = false;
        }
        reload();
    }

    public void close() {
        closed = true;
        rereads.cancel();
        pendingTyping.cancel();
    }

    public ObservableList<String> agentChoices() {
        return agentChoices;
    }

    public ObservableList<String> actionChoices() {
        return actionChoices;
    }

    public ObjectProperty<String> agentProperty() {
        return agent;
    }

    public ObjectProperty<String> actionProperty() {
        return action;
    }

    /** Part of the contact's email. */
    public StringProperty contactProperty() {
        return contact;
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    /** Newest first. */
    public ObservableList<ActivityRow> rows() {
        return rowsView;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasMoreProperty() {
        return hasMore.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty exportingProperty() {
        return exportCommand.runningProperty();
    }

    /** "Showing 200 of 1,234 events". */
    public ReadOnlyStringProperty countTextProperty() {
        return countText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** What the last export did. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
