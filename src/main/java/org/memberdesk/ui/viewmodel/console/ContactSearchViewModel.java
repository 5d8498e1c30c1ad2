package org.memberdesk.ui.viewmodel.console;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
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
import org.memberdesk.service.contacts.ContactService;
import org.memberdesk.service.contacts.ContactSummary;
import org.memberdesk.ui.common.BackgroundExecutor;
import org.memberdesk.ui.common.Cancellable;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.viewmodel.Failures;

/**
 * The search field and the contact list under it: the list narrows while the agent types. Each
 * query waits {@link #DEBOUNCE} for the next keystroke; an answer that arrives after a newer query
 * was sent is dropped.
 */
public final class ContactSearchViewModel {

    public static final Duration DEBOUNCE = Duration.ofMillis(150);

    private final BackgroundExecutor executor;
    private final Messages messages;
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ObservableList<ContactRow> results = FXCollections.observableArrayList();
    private final ObservableList<ContactRow> readOnlyResults = FXCollections.unmodifiableObservableList(results);
    private final ObjectProperty<ContactRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyBooleanWrapper searching = new ReadOnlyBooleanWrapper(this, "searching");
    private final ReadOnlyStringWrapper emptyText = new ReadOnlyStringWrapper(this, "emptyText", "");
    private ContactService contacts;
    private long latestQuery;
    private Cancellable pendingKeystrokes = Cancellable.NONE;
    private boolean keystrokesPending;
    private Runnable afterSettled;

    public ContactSearchViewModel(BackgroundExecutor executor, Messages messages) {
        this.executor = executor;
        this.messages = messages;
        query.addListener((observable, before, now) -> searchSoon());
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<ContactRow> results() {
        return readOnlyResults;
    }

    public ObjectProperty<ContactRow> selectedProperty() {
        return selected;
    }

    public Optional<ContactRow> selected() {
        return Optional.ofNullable(selected.get());
    }

    public ReadOnlyBooleanProperty searchingProperty() {
        return searching.getReadOnlyProperty();
    }

    /** What the list says when it shows nothing. */
    public ReadOnlyStringProperty emptyTextProperty() {
        return emptyText.getReadOnlyProperty();
    }

    public void clearQuery() {
        query.set("");
    }

    public void selectNext() {
        moveSelection(1);
    }

    public void selectPrevious() {
        moveSelection(-1);
    }

    /** Starts searching the given contacts (once the database is open) with whatever was typed so far. */
    void connect(ContactService contactService) {
        this.contacts = contactService;
        searchNow();
    }

    /**
     * Runs {@code action} once the list shows the answer to what was typed: at once when it already
     * does, else when that answer arrives. Enter pressed right after typing opens the new match, not
     * whatever was selected a keystroke ago.
     */
    public void whenSettled(Runnable action) {
        if (keystrokesPending || searching.get()) {
            afterSettled = action;
        } else {
            action.run();
        }
    }

    void disconnect() {
        afterSettled = null;
        keystrokesPending = false;
        pendingKeystrokes.cancel();
        contacts = null;
        latestQuery++;
    }

    /**
     * Shows a page read before the search service was there (the console's start): only while not
     * connected and nothing has been typed; the first real search replaces it. Returns whether it did.
     */
    public boolean showPreview(List<ContactSummary> page) {
        String text = query.get() == null ? "" : query.get().trim();
        if (contacts != null || !text.isEmpty()) {
            return false;
        }
        show(text, page);
        return true;
    }

    public void refresh() {
        searchNow();
    }

    private void searchSoon() {
        pendingKeystrokes.cancel();
        keystrokesPending = contacts != null;
        pendingKeystrokes = executor.schedule(DEBOUNCE, this::searchNow);
    }

    private void searchNow() {
        pendingKeystrokes.cancel();
        keystrokesPending = false;
        ContactService service = contacts;
        if (service == null) {
            return;
        }
        long ticket = ++latestQuery;
        String text = query.get() == null ? "" : query.get().trim();
        searching.set(true);
        executor.submit(() -> service.find(text),
                found -> {
                    if (ticket == latestQuery) {
                        show(text, found);
                    }
                },
                failure -> {
                    if (ticket == latestQuery) {
                        afterSettled = null;
                        searching.set(false);
                        results.clear();
                        emptyText.set(Failures.describe(failure, messages));
                    }
                });
    }

    private void show(String text, List<ContactSummary> found) {
        ContactRow before = selected.get();
        List<ContactRow> rows = found.stream()
                .map(c -> new ContactRow(c.id(), c.name(), c.email(), String.join(", ", c.tags())))
                .toList();
        results.setAll(rows);
        emptyText.set(text.isEmpty() ? messages.get("search.noContacts") : messages.get("search.noMatch", text));
        searching.set(false);
        selected.set(rows.stream()
                .filter(row -> before != null && row.id().equals(before.id()))
                .findFirst()
                .orElse(rows.isEmpty() ? null : rows.get(0)));
        Runnable action = afterSettled;
        afterSettled = null;
        if (action != null) {
            action.run();
        }
    }

    private void moveSelection(int step) {
        if (results.isEmpty()) {
            return;
        }
        int index = results.indexOf(selected.get());
        int next = index < 0 ? 0 : Math.max(0, Math.min(results.size() - 1, index + step));
        selected.set(results.get(next));
    }
}
