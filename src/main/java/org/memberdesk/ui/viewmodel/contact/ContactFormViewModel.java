package org.memberdesk.ui.viewmodel.contact;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import org.memberdesk.service.Actor;
import org.memberdesk.service.contacts.AddressTypo;
import org.memberdesk.service.contacts.ContactCard;
import org.memberdesk.service.contacts.ContactEdit;
import org.memberdesk.service.contacts.ContactFields;
import org.memberdesk.service.contacts.ContactService;
import org.memberdesk.service.contacts.ContactSummary;
import org.memberdesk.service.credentials.IdentityCheck;
import org.memberdesk.service.credentials.IdentityChecks;
import org.memberdesk.ui.common.BackgroundExecutor;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.viewmodel.ChangedMeanwhileState;
import org.memberdesk.ui.viewmodel.DisplayTime;

/**
 * New contact and Edit contact: name, email and tags (separated by commas). The service checks
 * them as it does for the command line; its refusal shows next to the form and nothing changes.
 */
public final class ContactFormViewModel extends ActionDialogViewModel {

    private final ContactService contacts;
    private final String editedEmail;
    private String onFile;
    private final CallerVerification verification;
    private final BooleanBinding emailChanging;
    private final UUID contactId;
    private long version;
    private final Actor agent;
    private final Consumer<ContactEdit> onSaved;

    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty email = new SimpleStringProperty(this, "email", "");
    private final StringProperty tags = new SimpleStringProperty(this, "tags", "");
    private final BooleanBinding canSave;
    private final BooleanProperty saveTried = new SimpleBooleanProperty(this, "saveTried");
    private final StringProperty takenEmail = new SimpleStringProperty(this, "takenEmail", "");
    private final StringProperty takenReason = new SimpleStringProperty(this, "takenReason", "");
    private final StringBinding nameError;
    private final StringBinding emailError;
    private final ObjectBinding<AddressTypo> typo;
    private final StringBinding emailWarning;
    private final StringBinding suggestedEmail;
    private final StringBinding useSuggestionText;

    private ContactFormViewModel(ContactService contacts, CallerVerification.EmailCode emailCode, UUID contactId,
                                 long version, String editedEmail, BackgroundExecutor executor, Messages messages,
                                 DisplayTime time, Actor agent, Consumer<ContactEdit> onSaved) {
        super(executor, messages, new ChangedMeanwhileState(messages, time, "meanwhile.contact", "meanwhile.keepsTyped"),
                messages.get(editedEmail == null ? "contactForm.newTitle" : "contactForm.editTitle"),
                messages.get(editedEmail == null ? "contactForm.newWhen" : "contactForm.editWhen"));
        this.contacts = contacts;
        this.contactId = contactId;
        this.version = version;
        this.editedEmail = editedEmail;
        this.onFile = editedEmail;
        this.agent = agent;
        this.onSaved = onSaved;
        this.verification = new CallerVerification(messages, emailCode);
        emailChanging = Bindings.createBooleanBinding(() -> editedEmail != null && email.get() != null
                && !email.get().strip().equalsIgnoreCase(onFile), email);
        canSave = busyProperty().not().and(emailChanging.not().or(verification.usable()));
        nameError = Bindings.createStringBinding(() -> fieldError(name.get(), ContactFields.nameProblem(name.get())
                .orElse("")), name, saveTried);
        emailError = Bindings.createStringBinding(() -> {
            String typed = email.get() == null ? "" : email.get();
            if (!takenEmail.get().isEmpty() && takenEmail.get().equals(typed.trim())) {
                return sentence(takenReason.get());
            }
            return fieldError(typed, ContactFields.emailProblem(typed).orElse(""));
        }, email, saveTried, takenEmail, takenReason);
        // A pure in-memory check, so it follows every keystroke; an address with an error gets no warning too.
        typo = Bindings.createObjectBinding(() -> emailError.get().isEmpty()
                ? AddressTypo.of(email.get()).orElse(null) : null, email, emailError);
        emailWarning = Bindings.createStringBinding(() -> typo.get() == null ? ""
                : messages.get("contactForm.typo", typo.get().domain(), typo.get().likelyDomain()), typo);
        suggestedEmail = Bindings.createStringBinding(() -> typo.get() == null ? "" : typo.get().suggestedEmail(),
                typo);
        useSuggestionText = Bindings.createStringBinding(() -> typo.get() == null ? ""
                : messages.get("contactForm.useSuggestion", typo.get().suggestedEmail()), typo);
    }

    /** An empty field is marked only once Save was pressed: a new form does not open all red. */
    private String fieldError(String typed, String problem) {
        if (problem.isEmpty() || ((typed == null || typed.isBlank()) && !saveTried.get())) {
            return "";
        }
        return sentence(problem);
    }

    private static String sentence(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1) + ".";
    }

    /** An empty form that adds a contact. */
    public static ContactFormViewModel create(ContactService contacts, BackgroundExecutor executor, Messages messages,
                                              Actor agent, Consumer<ContactSummary> onSaved) {
        return new ContactFormViewModel(contacts, null, null, 0, null, executor, messages, null, agent,
                added -> onSaved.accept(added.contact()));
    }

    /**
     * The contact's name, email and tags as the agent saw them at {@code version} (a {@link
     * ContactCard#version()}), to change. Saving over a change made since is refused, saying who
     * made it and when, and the form keeps what was typed until {@link #reload()}. {@code onSaved}
     * learns also what a new email address did to the account (links cancelled, sign-ins ended),
     * to offer what comes next. A new email address asks how the caller was verified ({@link
     * #verification()}); {@code identityChecks} sends and checks the emailed code.
     */
    public static ContactFormViewModel edit(ContactService contacts, IdentityChecks identityChecks, UUID contactId,
                                            long version, String name, String email, List<String> tags,
                                            BackgroundExecutor executor, Messages messages, DisplayTime time,
                                            Actor agent, Consumer<ContactEdit> onSaved) {
        ContactFormViewModel[] form = new ContactFormViewModel[1];
        CallerVerification.EmailCode emailCode = identityChecks == null ? null
                : new CallerVerification.EmailCode(identityChecks, executor, agent, time, () -> form[0].onFile);
        form[0] = new ContactFormViewModel(contacts, emailCode, contactId, version, email, executor, messages,
                time, agent, onSaved);
        ContactFormViewModel made = form[0];
        made.fill(name, email, tags);
        return made;
    }

    private void fill(String name, String email, List<String> tags) {
        this.name.set(name);
        this.email.set(email);
        this.tags.set(String.join(", ", tags));
    }

    public boolean editing() {
        return editedEmail != null;
    }

    public void save() {
        if (!canSave.get()) {
            return;
        }
        saveTried.set(true);
        if (!nameError.get().isEmpty() || !emailError.get().isEmpty()) {
            showError(messages.get("contactForm.fixMarked"));
            return;
        }
        String newName = name.get() == null ? "" : name.get();
        String newEmail = email.get() == null ? "" : email.get();
        List<String> newTags = tags(tags.get());
        long seen = version;
        IdentityCheck identity = emailChanging.get() ? verification.identity() : null;
        run(() -> editedEmail == null
                ? new ContactEdit(contacts.add(newEmail, newName, newTags, agent), null, 0)
                : contacts.change(contactId, seen, newEmail, newName, newTags, identity, agent), saved -> {
            finish();
            onSaved.accept(saved);
        });
    }

    /** Replaces the email as typed with the one the warning suggests (nothing without a warning). */
    public void useSuggestion() {
        if (!suggestedEmail.get().isEmpty()) {
            email.set(suggestedEmail.get());
        }
    }

    @Override
    protected void refused(Exception failure) {
        if (failure instanceof ContactFields.EmailTaken) {
            takenEmail.set(email.get() == null ? "" : email.get().trim());
            takenReason.set(failure.getMessage());
        }
    }

    /** After a refused save: the contact's name, email and tags as they are now replace what was typed. */
    public void reload() {
        if (!editing()) {
            return;
        }
        run(() -> contacts.card(contactId), card -> {
            version = card.version();
            onFile = card.contact().email();
            fill(card.contact().name(), card.contact().email(), card.contact().tags());
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

    /** What is wrong with the name as typed (required, too long); empty when nothing is. */
    public ObservableStringValue nameError() {
        return nameError;
    }

    /**
     * What is wrong with the email as typed: not an address, or (after a refused save, until it is
     * changed) already another contact's; empty when nothing is.
     */
    public ObservableStringValue emailError() {
        return emailError;
    }

    /**
     * That the email as typed looks like a typo of a common mail domain (gmial.com for gmail.com):
     * a warning only, saving keeps what was typed; empty when it does not (or has an error).
     */
    public ObservableStringValue emailWarning() {
        return emailWarning;
    }

    /** The address the warning suggests; empty without a warning. */
    public ObservableStringValue suggestedEmail() {
        return suggestedEmail;
    }

    /** The one-click action's text, naming the suggested address; empty without a warning. */
    public ObservableStringValue useSuggestionText() {
        return useSuggestionText;
    }

    /** True while the email typed differs from the one on file: the form asks how the caller was verified. */
    public ObservableBooleanValue emailChanging() {
        return emailChanging;
    }

    /** How the caller was verified, for an email change. */
    public CallerVerification verification() {
        return verification;
    }

    public ObservableBooleanValue canSave() {
        return canSave;
    }
}
