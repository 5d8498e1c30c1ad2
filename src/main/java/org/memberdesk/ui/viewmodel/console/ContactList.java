package org.memberdesk.ui.viewmodel.console;

import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.memberdesk.service.contacts.ContactSummary;

/**
 * The search field and the contact list under it, as the main window shows them from its first
 * frame: what was typed, the rows, the selected row and what an empty list says. The first page
 * read before the database opens shows here; once it is open, the session's
 * {@link ContactSearchViewModel} fills the list with what the agent types.
 */
public final class ContactList {

    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ObservableList<ContactRow> results = FXCollections.observableArrayList();
    private final ObservableList<ContactRow> readOnlyResults = FXCollections.unmodifiableObservableList(results);
    private final ObjectProperty<ContactRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyStringWrapper emptyText = new ReadOnlyStringWrapper(this, "emptyText", "");

    public StringProperty queryProperty() {
        return query;
    }

    /** What was typed, without the blanks around it. */
    public String typed() {
        return query.get() == null ? "" : query.get().trim();
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

    /** Shows the contacts found for {@code text}, keeping the selected one when it is still there. */
    void show(String text, List<ContactSummary> found, String empty) {
        ContactRow before = selected.get();
        List<ContactRow> rows = found.stream()
                .map(c -> new ContactRow(c.id(), c.name(), c.email(), String.join(", ", c.tags())))
                .toList();
        results.setAll(rows);
        emptyText.set(empty);
        selected.set(rows.stream()
                .filter(row -> before != null && row.id().equals(before.id()))
                .findFirst()
                .orElse(rows.isEmpty() ? null : rows.get(0)));
    }

    /** The search failed: an empty list that says why. */
    void showFailure(String reason) {
        results.clear();
        emptyText.set(reason);
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
