package org.memberdesk.ui.viewmodel.console;

import java.time.Duration;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.memberdesk.service.contacts.ContactService;
import org.memberdesk.service.contacts.ContactSummary;
import org.memberdesk.ui.common.BackgroundExecutor;
import org.memberdesk.ui.common.Cancellable;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.viewmodel.Failures;

/**
 * Searches the open data directory for what is typed in the {@link ContactList}: the list narrows
 * while the agent types. Each query waits {@link #DEBOUNCE} for the next keystroke; an answer that
 * arrives after a newer query was sent is dropped.
 */
public final class ContactSearchViewModel {

    public static final Duration DEBOUNCE = Duration.ofMillis(150);

    private final ContactService contacts;
    private final ContactList list;
    private final BackgroundExecutor executor;
    private final Messages messages;
    private final ReadOnlyBooleanWrapper searching = new ReadOnlyBooleanWrapper(this, "searching");
    private final InvalidationListener onTyped = observable -> searchSoon();
    private long latestQuery;
    private Cancellable pendingKeystrokes = Cancellable.NONE;
    private boolean keystrokesPending;
    private boolean closed;
    // Not Rereads: what is typed starts a search at once and the newest answer wins, so searches
    // overlap; only a refresh (nothing typed) waits for the search under way.
    private boolean searchAgain;
    private Runnable afterSettled;

    /** Follows what is typed from now on; {@link #refresh()} searches for what was typed so far. */
    public ContactSearchViewModel(ContactService contacts, ContactList list, BackgroundExecutor executor,
                                  Messages messages) {
        this.contacts = contacts;
        this.list = list;
        this.executor = executor;
        this.messages = messages;
        list.queryProperty().addListener(onTyped);
    }

    public ReadOnlyBooleanProperty searchingProperty() {
        return searching.getReadOnlyProperty();
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

    /**
     * Searches again for what was typed (the contacts changed): the selected contact stays selected
     * while it is still found. Asked for while a search is under way, it searches once more after it.
     */
    public void refresh() {
        if (searching.get() && !keystrokesPending) {
            searchAgain = true;
            return;
        }
        searchNow();
    }

    /** Stops following the search field; an answer still under way is dropped. */
    void close() {
        closed = true;
        list.queryProperty().removeListener(onTyped);
        afterSettled = null;
        keystrokesPending = false;
        pendingKeystrokes.cancel();
        latestQuery++;
    }

    private void searchSoon() {
        pendingKeystrokes.cancel();
        keystrokesPending = true;
        pendingKeystrokes = executor.schedule(DEBOUNCE, this::searchNow);
    }

    private void searchNow() {
        pendingKeystrokes.cancel();
        keystrokesPending = false;
        searchAgain = false;
        if (closed) {
            return;
        }
        long ticket = ++latestQuery;
        String text = list.typed();
        searching.set(true);
        executor.submit(() -> contacts.find(text),
                found -> {
                    if (ticket == latestQuery) {
                        show(text, found);
                        if (searchAgain) {
                            searchNow();
                        }
                    }
                },
                failure -> {
                    if (ticket == latestQuery) {
                        afterSettled = null;
                        searching.set(false);
                        list.showFailure(Failures.describe(failure, messages));
                        if (searchAgain) {
                            searchNow();
                        }
                    }
                });
    }

    private void show(String text, List<ContactSummary> found) {
        list.show(text, found, text.isEmpty() ? messages.get("search.noContacts")
                : messages.get("search.noMatch", text));
        searching.set(false);
        Runnable action = afterSettled;
        afterSettled = null;
        if (action != null) {
            action.run();
        }
    }
}
