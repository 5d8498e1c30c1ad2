package org.memberdesk.ui.viewmodel.contact;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.memberdesk.service.Actor;
import org.memberdesk.service.credentials.LoginDetails;
import org.memberdesk.service.email.DeliveryProgress;
import org.memberdesk.service.email.EmailService;
import org.memberdesk.service.email.EmailedLink;
import org.memberdesk.service.email.EmailView;
import org.memberdesk.ui.common.BackgroundExecutor;
import org.memberdesk.ui.common.Cancellable;
import org.memberdesk.ui.common.DialogService;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.common.TextClipboard;
import org.memberdesk.ui.viewmodel.Command;
import org.memberdesk.ui.viewmodel.DeliveryFeed;
import org.memberdesk.ui.viewmodel.DisplayTime;
import org.memberdesk.ui.viewmodel.Failures;
import org.memberdesk.ui.viewmodel.Rereads;

/**
 * The Email History tab of one contact: every email newest first, filtered by kind and status, the
 * selected one opened below, Retry for a failed one and Copy login details. While any email is
 * still on its way the list is read again on each delivery event for this contact and every
 * {@link #POLL}, so statuses change in front of the agent.
 */
public final class EmailHistoryViewModel {

    public static final Duration POLL = Duration.ofSeconds(2);

    static final List<EmailView.Kind> KINDS = List.of(EmailView.Kind.WELCOME, EmailView.Kind.RESET_LINK,
            EmailView.Kind.PASSWORD_CHANGED, EmailView.Kind.COMMUNITY_WELCOME, EmailView.Kind.COMMUNITY_RESET_LINK,
            EmailView.Kind.COMMUNITY_PASSWORD_CHANGED, EmailView.Kind.ADDRESS_CHANGED);
    /** The status filter's choices; Failed shows the bounced emails too, as both need the agent. */
    static final List<EmailView.Status> STATUSES = List.of(EmailView.Status.QUEUED, EmailView.Status.SENDING,
            EmailView.Status.SENT, EmailView.Status.RETRYING, EmailView.Status.FAILED);

    private final EmailService emails;
    private final UUID contactId;
    private final DeliveryFeed feed;
    private final BackgroundExecutor executor;
    private final DialogService dialogs;
    private final TextClipboard clipboard;
    private final Messages messages;
    private final CardTexts texts;
    private final Tools tools;
    private final Actor agent;

    private final ObservableList<EmailFilter> kindChoices = FXCollections.observableArrayList();
    private final ObservableList<EmailFilter> statusChoices = FXCollections.observableArrayList();
    private final ObjectProperty<EmailFilter> kindFilter = new SimpleObjectProperty<>(this, "kindFilter");
    private final ObjectProperty<EmailFilter> statusFilter = new SimpleObjectProperty<>(this, "statusFilter");
    private final ObservableList<EmailRow> rows = FXCollections.observableArrayList();
    private final ObservableList<EmailRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ObjectProperty<EmailRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyObjectWrapper<OpenedEmail> opened = new ReadOnlyObjectWrapper<>(this, "opened");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final Command retryCommand;
    private final Command copyCommand;
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper(this, "countText", "");
    private final ReadOnlyStringWrapper emptyText = new ReadOnlyStringWrapper(this, "emptyText", "");
    private final ReadOnlyStringWrapper notification = new ReadOnlyStringWrapper(this, "notification", "");
    private final BooleanBinding canRetry;

    private List<EmailRow> all = List.of();
    private long latestLoad;
    private long latestDetail;
    private final Rereads listReads = new Rereads(this::readList);
    private Cancellable nextPoll = Cancellable.NONE;
    private Runnable stopListening;
    private boolean closed;
    private boolean firstShown = true;

    public EmailHistoryViewModel(EmailService emails, UUID contactId, DeliveryFeed feed, Tools tools) {
        this.emails = emails;
        this.contactId = contactId;
        this.feed = feed;
        this.executor = tools.executor();
        this.dialogs = tools.dialogs();
        this.clipboard = tools.clipboard();
        this.messages = tools.messages();
        this.texts = new CardTexts(messages, tools.time());
        this.agent = tools.agent();
        this.tools = tools;
        retryCommand = new Command(executor, failure -> {
            dialogs.showError(messages.get("history.retry.failed.title"), Failures.describe(failure, messages));
            reload();
        });
        copyCommand = new Command(executor, failure -> dialogs.showError(messages.get("history.copy.failed.title"),
                Failures.describe(failure, messages)));

        EmailFilter allKinds = new EmailFilter(null, messages.get("history.filter.all"));
        kindChoices.add(allKinds);
        KINDS.forEach(kind -> kindChoices.add(new EmailFilter(kind, texts.emailKind(kind))));
        EmailFilter allStatuses = new EmailFilter(null, messages.get("history.filter.all"));
        statusChoices.add(allStatuses);
        STATUSES.forEach(status -> statusChoices.add(new EmailFilter(status, texts.emailStatus(status))));
        kindFilter.set(allKinds);
        statusFilter.set(allStatuses);
        kindFilter.addListener((o, before, now) -> applyFilters());
        statusFilter.addListener((o, before, now) -> applyFilters());
        selected.addListener((o, before, now) -> {
            if (now == null || before == null || !now.id().equals(before.id())) {
                openSelected();
            }
        });
        canRetry = Bindings.createBooleanBinding(
                () -> selected.get() != null && selected.get().failed() && !retryCommand.isRunning(), selected,
                retryCommand.runningProperty());
    }

    /**
     * What every Email History of the console shares: the executor, dialogs, clipboard, texts, the
     * time format and the agent its actions are recorded for.
     */
    public record Tools(BackgroundExecutor executor, DialogService dialogs, TextClipboard clipboard,
                        Messages messages, DisplayTime time, Supplier<Actor> agents) {
        public Tools {
            Objects.requireNonNull(executor);
            Objects.requireNonNull(dialogs);
            Objects.requireNonNull(clipboard);
            Objects.requireNonNull(messages);
            Objects.requireNonNull(time);
            Objects.requireNonNull(agents);
        }

        /** With an agent that never changes (tests, the command line's view of one agent). */
        public Tools(BackgroundExecutor executor, DialogService dialogs, TextClipboard clipboard, Messages messages,
                     DisplayTime time, Actor agent) {
            this(executor, dialogs, clipboard, messages, time, () -> agent);
        }

        /** The agent as named now: Settings may rename them while a window is open. */
        public Actor agent() {
            return agents.get();
        }
    }

    /** Reads the history and starts following delivery for this contact. */
    public void load() {
        if (closed) {
            return;
        }
        if (stopListening == null) {
            stopListening = feed.listen(this::onDelivery);
        }
        reload();
    }

    /** Reads the list again (and the opened email with it); a read already under way is followed by one more. */
    public void reload() {
        if (!closed) {
            listReads.request();
        }
    }

    private void readList() {
        nextPoll.cancel();
        loading.set(true);
        long ticket = ++latestLoad;
        executor.submit(() -> emails.list(contactId), found -> {
            if (ticket == latestLoad) {
                show(found);
            }
            loaded();
        }, failure -> {
            if (ticket == latestLoad) {
                emptyText.set(Failures.describe(failure, messages));
                rows.clear();
                all = List.of();
            }
            loaded();
        });
    }

    private void loaded() {
        loading.set(false);
        listReads.finished();
        // a read asked for meanwhile has started (and sets loading) or polls itself when it is over
        if (!closed && !loading.get() && all.stream().anyMatch(EmailRow::inFlight)) {
            nextPoll.cancel();
            nextPoll = executor.schedule(POLL, this::reload);
        }
    }

    private void show(List<EmailView> found) {
        Set<UUID> originals = originalWelcomes(found);
        all = found.stream().map(e -> texts.email(e, originals.contains(e.id()))).toList();
        emptyText.set(messages.get(found.isEmpty() ? "emails.empty" : "history.noMatch"));
        applyFilters();
        if (firstShown) {
            firstShown = false;
            // The window opens on the newest email, so its story shows at once.
            if (selected.get() == null && !rows.isEmpty()) {
                selected.set(rows.get(0));
            }
        }
    }

    /**
     * The original membership welcome email of each offer: the first one that is not a resend, else
     * the first one (the service's rule for {@code originalWelcome}).
     */
    static Set<UUID> originalWelcomes(List<EmailView> newestFirst) {
        List<EmailView> oldestFirst = new ArrayList<>(newestFirst.stream()
                .filter(e -> e.kind() == EmailView.Kind.WELCOME && e.offer() != null)
                .toList());
        oldestFirst.sort(Comparator.comparing(EmailView::createdAt).thenComparing(EmailView::id));
        return oldestFirst.stream()
                .collect(Collectors.groupingBy(EmailView::offer, Collectors.toList()))
                .values().stream()
                .map(welcomes -> welcomes.stream().filter(e -> e.resendOfId() == null).findFirst()
                        .orElse(welcomes.get(0)))
                .map(EmailView::id)
                .collect(Collectors.toCollection(HashSet::new));
    }

    private void applyFilters() {
        EmailFilter kind = kindFilter.get();
        EmailFilter status = statusFilter.get();
        EmailRow before = selected.get();
        List<EmailRow> shown = all.stream()
                .filter(row -> kind == null || kind.matches(row.emailKind()))
                .filter(row -> status == null || status.matches(row.emailStatus())
                        || status.matches(EmailView.Status.FAILED) && row.emailStatus() == EmailView.Status.BOUNCED)
                .toList();
        rows.setAll(shown);
        countText.set(shown.size() == all.size() ? messages.get("history.count", all.size())
                : messages.get("history.countFiltered", shown.size(), all.size()));
        EmailRow now = before == null ? null : shown.stream().filter(r -> r.id().equals(before.id())).findFirst()
                .orElse(null);
        if (now == null) {
            selected.set(null);
        } else if (!now.equals(before)) {
            selected.set(now);
            openSelected();
        }
    }

    private void openSelected() {
        EmailRow row = selected.get();
        long ticket = ++latestDetail;
        if (row == null) {
            opened.set(null);
            return;
        }
        boolean original = row.original();
        executor.submit(() -> emails.detail(row.id()), detail -> {
            if (ticket == latestDetail) {
                opened.set(texts.opened(detail, original));
            }
        }, failure -> {
            if (ticket == latestDetail) {
                opened.set(null);
                emptyText.set(Failures.describe(failure, messages));
            }
        });
    }

    void onDelivery(DeliveryProgress event) {
        if (event.phase() == DeliveryProgress.Phase.MESSAGE_UPDATED && contactId.equals(event.contactId())) {
            reload();
        }
    }

    /** Sends the selected failed email again; the list follows it from queued to sent. */
    public void retry() {
        EmailRow row = selected.get();
        if (row == null || !row.failed()) {
            return;
        }
        retryCommand.run(() -> emails.retry(row.id(), agent), retried -> {
            notification.set(messages.get("history.retry.queued", retried.subject(), retried.recipient()));
            reload();
        });
    }

    /**
     * Puts the contact's login details on the clipboard (with a fresh set-password link when they have
     * no password yet) and says what was copied, without showing the link. When that new link would
     * cancel the link of an email the contact was sent, it asks first, naming the email; afterwards the
     * history shows that email, its link no longer live.
     */
    public void copyLoginDetails() {
        copyCommand.run(() -> emails.linksCopyingCancels(contactId), cancels -> {
            if (cancels.isEmpty() || confirmCancelling(cancels)) {
                copy(cancels);
            }
        });
    }

    private boolean confirmCancelling(List<EmailedLink> cancels) {
        String which = cancels.stream()
                .map(link -> messages.get("history.copy.cancels.email", link.subject(), texts.format(link.sentAt())))
                .collect(Collectors.joining(messages.get("history.copy.cancels.and")));
        return dialogs.confirm(messages.get("history.copy.cancels.title"),
                messages.get("history.copy.cancels.question", which),
                messages.get("history.copy.cancels.details"), messages.get("history.copy.cancels.accept"),
                messages.get("history.copy.cancels.decline"));
    }

    private void copy(List<EmailedLink> cancels) {
        copyCommand.run(() -> emails.copyLoginDetails(contactId, agent), details -> {
            clipboard.putText(details.clipboardText());
            notification.set(copiedText(details));
            if (!cancels.isEmpty()) {
                showCancelled(cancels.get(0).emailId());
            }
            reload();
        });
    }

    /** The email whose link was cancelled, opened anew so its link shows as no longer live. */
    private void showCancelled(UUID emailId) {
        EmailRow row = rows.stream().filter(r -> r.id().equals(emailId)).findFirst().orElse(null);
        if (row == null) {
            openSelected();
        } else if (row.equals(selected.get())) {
            openSelected();
        } else {
            selected.set(row);
        }
    }

    private String copiedText(LoginDetails details) {
        return details.includesSetPasswordLink()
                ? messages.get("history.copy.doneWithLink", details.loginEmail(),
                texts.format(details.setPasswordLinkExpiresAt()))
                : messages.get("history.copy.done", details.loginEmail());
    }

    public void dismissNotification() {
        notification.set("");
    }

    /** Stops following delivery; nothing more is read. */
    public void close() {
        closed = true;
        listReads.cancel();
        nextPoll.cancel();
        if (stopListening != null) {
            stopListening.run();
        }
        latestLoad++;
        latestDetail++;
    }

    public UUID contactId() {
        return contactId;
    }

    /** The executor, dialogs, clipboard, texts and agent the contact window's actions share. */
    Tools tools() {
        return tools;
    }

    public ObservableList<EmailFilter> kindChoices() {
        return kindChoices;
    }

    public ObservableList<EmailFilter> statusChoices() {
        return statusChoices;
    }

    public ObjectProperty<EmailFilter> kindFilterProperty() {
        return kindFilter;
    }

    public ObjectProperty<EmailFilter> statusFilterProperty() {
        return statusFilter;
    }

    /** Newest first, as the filters let through. */
    public ObservableList<EmailRow> rows() {
        return rowsView;
    }

    public ObjectProperty<EmailRow> selectedProperty() {
        return selected;
    }

    /** The selected email opened; null while none is selected. */
    public ReadOnlyObjectProperty<OpenedEmail> openedProperty() {
        return opened.getReadOnlyProperty();
    }

    public ObservableBooleanValue canRetry() {
        return canRetry;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty retryingProperty() {
        return retryCommand.runningProperty();
    }

    public ReadOnlyBooleanProperty copyingProperty() {
        return copyCommand.runningProperty();
    }

    /** "3 of 5 emails". */
    public ReadOnlyStringProperty countTextProperty() {
        return countText.getReadOnlyProperty();
    }

    /** What the table says when it shows nothing. */
    public ReadOnlyStringProperty emptyTextProperty() {
        return emptyText.getReadOnlyProperty();
    }

    /** A message to pop up once; empty when there is none. */
    public ReadOnlyStringProperty notificationProperty() {
        return notification.getReadOnlyProperty();
    }
}
