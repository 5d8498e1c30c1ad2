package org.memberdesk.ui.viewmodel.contact;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import org.memberdesk.service.Actor;
import org.memberdesk.service.contacts.ContactEdit;
import org.memberdesk.service.contacts.ContactService;
import org.memberdesk.service.contacts.ContactSummary;
import org.memberdesk.ui.common.BackgroundExecutor;
import org.memberdesk.ui.common.Messages;

/**
 * New contact and Edit contact: name, email and tags (separated by commas). The service checks
 * them as it does for the command line; its refusal shows next to the form and nothing changes.
 */
public final class ContactFormViewModel extends ActionDialogViewModel {

    private final ContactService contacts;
    private final String editedEmail;
    private final Actor agent;
    private final Consumer<ContactEdit> onSaved;

    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty email = new SimpleStringProperty(this, "email", "");
    private final StringProperty tags = new SimpleStringProperty(this, "tags", "");
    private final BooleanBinding canSave;

    private ContactFormViewModel(ContactService contacts, String editedEmail, BackgroundExecutor executor,
                                 Messages messages, Actor agent, Consumer<ContactEdit> onSaved) {
        super(executor, messages, messages.get(editedEmail == null ? "contactForm.newTitle" : "contactForm.editTitle"),
                messages.get(editedEmail == null ? "contactForm.newWhen" : "contactForm.editWhen"));
        this.contacts = contacts;
        this.editedEmail = editedEmail;
        this.agent = agent;
        this.onSaved = onSaved;
        canSave = busyProperty().not();
    }

    /** An empty form that adds a contact. */
    public static ContactFormViewModel create(ContactService contacts, BackgroundExecutor executor, Messages messages,
                                              Actor agent, Consumer<ContactSummary> onSaved) {
        return new ContactFormViewModel(contacts, null, executor, messages, agent,
                added -> onSaved.accept(added.contact()));
    }

    /**
     * The contact's name, email and tags, to change. {@code onSaved} learns also what a new email
     * address did to the account (links cancelled, sign-ins ended), to offer what comes next.
     */
    public static ContactFormViewModel edit(ContactService contacts, String name, String email, List<String> tags,
                                            BackgroundExecutor executor, Messages messages, Actor agent,
                                            Consumer<ContactEdit> onSaved) {
        ContactFormViewModel form = new ContactFormViewModel(contacts, email, executor, messages, agent, onSaved);
        form.name.set(name);
        form.email.set(email);
        form.tags.set(String.join(", ", tags));
        return form;
    }

    public boolean editing() {
        return editedEmail != null;
    }

    public void save() {
        if (!canSave.get()) {
            return;
        }
        String newName = name.get() == null ? "" : name.get();
        String newEmail = email.get() == null ? "" : email.get();
        List<String> newTags = tags(tags.get());
        run(() -> editedEmail == null
                ? new ContactEdit(contacts.add(newEmail, newName, newTags, agent), null)
                : contacts.change(editedEmail, newEmail, newName, newTags, agent), saved -> {
            finish();
            onSaved.accept(saved);
        });
    }

    /** Tags as typed: separated by commas, blanks between commas ignored. */
    static List<String> tags(String typed) {
        if (typed == null || typed.isBlank()) {
            return List.of();
        }
        return Arrays.stream(typed.split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList();
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty emailProperty() {
        return email;
    }

    /** Tags separated by commas. */
    public StringProperty tagsProperty() {
        return tags;
    }

    public ObservableBooleanValue canSave() {
        return canSave;
    }
}
