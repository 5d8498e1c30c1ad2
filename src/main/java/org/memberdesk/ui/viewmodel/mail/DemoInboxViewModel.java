package org.memberdesk.ui.viewmodel.mail;

import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.memberdesk.service.demo.DemoInboxService.DemoMailSummary;
import org.memberdesk.service.demo.DemoInboxService.DemoMailView;
import org.memberdesk.service.demo.DemoInboxService;
import org.memberdesk.service.email.DeliveryProgress;
import org.memberdesk.ui.common.BackgroundExecutor;
import org.memberdesk.ui.common.LinkOpener;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.viewmodel.DeliveryFeed;
import org.memberdesk.ui.viewmodel.DisplayTime;
import org.memberdesk.ui.viewmodel.Failures;
import org.memberdesk.ui.viewmodel.Rereads;

/**
 * Inbox (demo): what the demo mail server received, newest first, read from the data directory, so
 * mail the command line sent shows too. The list is read again after every delivery batch of this
 * console and on Refresh; the selected message opens as its recipient would see it.
 */
public final class DemoInboxViewModel {

    private final DemoInboxService inbox;
    private final DeliveryFeed feed;
    private final BackgroundExecutor executor;
    private final LinkOpener browser;
    private final Messages messages;
    private final DisplayTime time;

    private final ObservableList<InboxRow> rows = FXCollections.observableArrayList();
    private final ObservableList<InboxRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ObjectProperty<InboxRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyObjectWrapper<InboxMessage> opened = new ReadOnlyObjectWrapper<>(this, "opened");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper(this, "countText", "");
    private final ReadOnlyStringWrapper emptyText = new ReadOnlyStringWrapper(this, "emptyText", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    private long latestList;
    private long latestOpen;
    private Runnable stopListening;
    private boolean closed;
    private final Rereads rereads = new Rereads(this::read);

    public DemoInboxViewModel(DemoInboxService inbox, DeliveryFeed feed, BackgroundExecutor executor,
                              LinkOpener browser, Messages messages, DisplayTime time) {
        this.inbox = inbox;
        this.feed = feed;
        this.executor = executor;
        this.browser = browser;
        this.messages = messages;
        this.time = time;
        emptyText.set(messages.get("inbox.loading"));
        selected.addListener((o, before, now) -> {
            if (now == null || before == null || !now.id().equals(before.id())) {
                openSelected();
            }
        });
    }

    /** Reads the inbox and follows this console's deliveries from now on. */
    public void load() {
        if (closed) {
            return;
        }
        if (stopListening == null) {
            stopListening = feed.listen(this::onDelivery);
        }
        refresh();
    }

    /**
     * Reads the inbox again; the selection stays on the same message, or moves to the newest. Asked
     * for while a read is under way, it reads once more after it.
     */
    public void refresh() {
        if (!closed) {
            rereads.request();
        }
    }

    private void read() {
        long ticket = ++latestList;
        loading.set(true);
        // This answer shows before a reread asked for meanwhile starts (and makes it the latest).
        executor.submit(inbox::list, found -> {
            if (ticket == latestList) {
                show(found);
            }
            rereads.finished();
        }, failure -> {
            if (ticket == latestList) {
                loading.set(false);
                rows.clear();
                emptyText.set(Failures.describe(failure, messages));
            }
            rereads.finished();
        });
    }

    private void show(List<DemoMailSummary> found) {
        InboxRow before = selected.get();
        List<InboxRow> shown = found.stream().map(this::row).toList();
        rows.setAll(shown);
        countText.set(messages.get("inbox.count", shown.size()));
        emptyText.set(messages.get("inbox.empty"));
        loading.set(false);
        Optional<InboxRow> same = before == null ? Optional.empty()
                : shown.stream().filter(r -> r.id().equals(before.id())).findFirst();
        selected.set(same.orElse(shown.isEmpty() ? null : shown.get(0)));
    }

    private InboxRow row(DemoMailSummary mail) {
        return new InboxRow(mail.id(), time.format(mail.receivedAt()), orEmpty(mail.from()), orEmpty(mail.to()),
                mail.subject() == null || mail.subject().isBlank() ? messages.get("inbox.noSubject") : mail.subject());
    }

    private void openSelected() {
        InboxRow row = selected.get();
        long ticket = ++latestOpen;
        if (row == null) {
            opened.set(null);
            return;
        }
        executor.submit(() -> inbox.open(row.id()), found -> {
            if (ticket == latestOpen) {
                opened.set(found.map(this::message).orElse(null));
                error.set(found.isPresent() ? "" : messages.get("inbox.gone"));
            }
        }, failure -> {
            if (ticket == latestOpen) {
                opened.set(null);
                error.set(Failures.describe(failure, messages));
            }
        });
    }

    private InboxMessage message(DemoMailView mail) {
        InboxRow row = row(mail.summary());
        return new InboxMessage(row.id(), row.subject(), row.from(), row.to(), row.received(), orEmpty(mail.html()),
                orEmpty(mail.text()), List.copyOf(mail.links()));
    }

    void onDelivery(DeliveryProgress event) {
        if (event.phase() == DeliveryProgress.Phase.BATCH_FINISHED) {
            refresh();
        }
    }

    /** Opens a link of the message in the system browser, as the recipient's click would. */
    public void openLink(String url) {
        if (url != null && !url.isBlank()) {
            browser.open(url);
        }
    }

    /** The window closed: stop following deliveries. */
    public void close() {
        closed = true;
        rereads.cancel();
        latestList++;
        latestOpen++;
        if (stopListening != null) {
            stopListening.run();
        }
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    /** Newest first. */
    public ObservableList<InboxRow> rows() {
        return rowsView;
    }

    public ObjectProperty<InboxRow> selectedProperty() {
        return selected;
    }

    /** The selected message opened; null while none is. */
    public ReadOnlyObjectProperty<InboxMessage> openedProperty() {
        return opened.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** "3 messages". */
    public ReadOnlyStringProperty countTextProperty() {
        return countText.getReadOnlyProperty();
    }

    /** What the list says when it shows nothing. */
    public ReadOnlyStringProperty emptyTextProperty() {
        return emptyText.getReadOnlyProperty();
    }

    /** Why the selected message cannot be shown, or empty. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
