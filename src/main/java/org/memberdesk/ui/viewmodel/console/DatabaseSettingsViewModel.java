package org.memberdesk.ui.viewmodel.console;

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import org.memberdesk.service.storage.DatabaseSettingsService;
import org.memberdesk.service.storage.DatabaseSettingsService.Choice;
import org.memberdesk.service.storage.DatabaseSettingsService.ConnectionTest;
import org.memberdesk.ui.common.BackgroundExecutor;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.viewmodel.Command;
import org.memberdesk.ui.viewmodel.Failures;
import org.memberdesk.ui.viewmodel.Tone;

/**
 * Settings → Database: this desk's own SQLite database or a shared PostgreSQL server (URL and
 * password), Test connection with the server's version or its exact error, and Save, which applies
 * when MemberDesk starts again. Works before any database is open. A URL that cannot be used (a
 * password in it) is marked on the URL field and nothing is saved.
 */
public final class DatabaseSettingsViewModel {

    private final DatabaseSettingsService settings;
    private final Messages messages;
    private final Command call;

    private final BooleanProperty shared = new SimpleBooleanProperty(this, "shared");
    private final StringProperty url = new SimpleStringProperty(this, "url", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final ReadOnlyBooleanWrapper passwordStored = new ReadOnlyBooleanWrapper(this, "passwordStored");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private final ReadOnlyStringWrapper urlError = new ReadOnlyStringWrapper(this, "urlError", "");
    private final ReadOnlyStringWrapper environmentNote = new ReadOnlyStringWrapper(this, "environmentNote", "");
    private final ReadOnlyStringWrapper inUse = new ReadOnlyStringWrapper(this, "inUse", "");
    private final ReadOnlyStringWrapper busyText = new ReadOnlyStringWrapper(this, "busyText", "");
    private final ReadOnlyStringWrapper testOutcome = new ReadOnlyStringWrapper(this, "testOutcome", "");
    private final ReadOnlyObjectWrapper<Tone> testTone = new ReadOnlyObjectWrapper<>(this, "testTone", Tone.NEUTRAL);
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper(this, "outcome", "");
    private final ReadOnlyObjectWrapper<Tone> outcomeTone = new ReadOnlyObjectWrapper<>(this, "outcomeTone", Tone.NEUTRAL);
    private final BooleanBinding canSave;
    private final BooleanBinding canTest;

    public DatabaseSettingsViewModel(DatabaseSettingsService settings, BackgroundExecutor executor, Messages messages) {
        this.settings = settings;
        this.messages = messages;
        this.call = new Command(executor, failure -> {
            busyText.set("");
            showOutcome(messages.get("database.notSaved", Failures.describe(failure, messages)), Tone.BAD);
        });
        canSave = loaded.and(call.runningProperty().not());
        canTest = canSave.and(shared);
        url.addListener((o, before, now) -> urlError.set(""));
        shared.addListener((o, before, now) -> urlError.set(""));
    }

    /** Reads what is saved and what the environment sets. */
    public void load() {
        run(messages.get("database.busy.loading"), settings::choice, choice -> {
            fill(choice);
            loaded.set(true);
        });
    }

    /** Connects to the server the form names (the saved password when none is typed) and shows its answer. */
    public void testConnection() {
        if (!canTest.get()) {
            return;
        }
        String typedUrl = url.get();
        Optional<String> typedPassword = typedPassword();
        testOutcome.set("");
        Optional<String> problem = DatabaseSettingsService.urlProblem(typedUrl);
        if (problem.isPresent()) {
            showTest(new ConnectionTest(false, problem.get()));
            return;
        }
        run(messages.get("database.busy.testing"), () -> settings.test(typedUrl, typedPassword), this::showTest);
    }

    /** Saves the choice for the next start; a URL that cannot be used is marked and nothing is saved. */
    public void save() {
        if (!canSave.get()) {
            return;
        }
        if (!shared.get()) {
            run(messages.get("database.busy.saving"), settings::useOwnDatabase, choice -> {
                fill(choice);
                showOutcome(messages.get("database.saved.own"), Tone.GOOD);
            });
            return;
        }
        String typedUrl = url.get();
        Optional<String> problem = DatabaseSettingsService.urlProblem(typedUrl);
        if (problem.isPresent()) {
            urlError.set(problem.get());
            showOutcome(messages.get("database.notSaved", problem.get()), Tone.BAD);
            return;
        }
        Optional<String> typedPassword = typedPassword();
        run(messages.get("database.busy.saving"), () -> settings.saveServer(typedUrl, typedPassword, false), choice -> {
            fill(choice);
            showOutcome(messages.get("database.saved.shared", DatabaseSettingsService.server(typedUrl).where()),
                    Tone.GOOD);
        });
    }

    /** "SQLite: file" or "PostgreSQL: host:port/database": how the console names a database. */
    public static String describe(DatabaseSettingsService.InUse database, Messages messages) {
        return messages.get(database.shared() ? "database.inUse.postgresql" : "database.inUse.sqlite", database.where());
    }

    private String describe(DatabaseSettingsService.InUse database) {
        return describe(database, messages);
    }

    private void showTest(ConnectionTest test) {
        if (test.connected()) {
            testOutcome.set(messages.get("database.test.ok", test.line()));
            testTone.set(Tone.GOOD);
        } else {
            testOutcome.set(messages.get("database.test.failed", test.line()));
            testTone.set(Tone.BAD);
            urlError.set(test.line());
        }
    }

    private void fill(Choice choice) {
        shared.set(choice.savedUrl().isPresent());
        url.set(choice.savedUrl().orElse(""));
        password.set("");
        passwordStored.set(choice.passwordStored());
        inUse.set(messages.get("database.inUse", describe(choice.inUse())));
        environmentNote.set(choice.environmentUrl()
                .map(envUrl -> messages.get("database.environment", envUrl)).orElse(""));
    }

    private Optional<String> typedPassword() {
        return Optional.ofNullable(password.get()).filter(p -> !p.isEmpty());
    }

    private <T> void run(String what, Callable<T> work, Consumer<T> done) {
        busyText.set(what);
        outcome.set("");
        call.run(work, result -> {
            busyText.set("");
            done.accept(result);
        });
    }

    private void showOutcome(String text, Tone tone) {
        outcome.set(text);
        outcomeTone.set(tone);
    }

    /** False: this desk's own SQLite file; true: the shared PostgreSQL server in {@link #urlProperty()}. */
    public BooleanProperty sharedProperty() {
        return shared;
    }

    public StringProperty urlProperty() {
        return url;
    }

    /** A new password; empty keeps the stored one. */
    public StringProperty passwordProperty() {
        return password;
    }

    public ReadOnlyBooleanProperty passwordStoredProperty() {
        return passwordStored.getReadOnlyProperty();
    }

    /** Why the URL cannot be used or the server did not answer; empty when nothing is wrong with it. */
    public ReadOnlyStringProperty urlErrorProperty() {
        return urlError.getReadOnlyProperty();
    }

    /** Says that MEMBERDESK_DATABASE_URL is set and wins; empty when it is not. */
    public ReadOnlyStringProperty environmentNoteProperty() {
        return environmentNote.getReadOnlyProperty();
    }

    /** The database this desk uses as things stand ("In use now: PostgreSQL: host:5432/db"). */
    public ReadOnlyStringProperty inUseProperty() {
        return inUse.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return call.runningProperty();
    }

    public ReadOnlyStringProperty busyTextProperty() {
        return busyText.getReadOnlyProperty();
    }

    /** The server's version, or why it could not be reached; empty before a test. */
    public ReadOnlyStringProperty testOutcomeProperty() {
        return testOutcome.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Tone> testToneProperty() {
        return testTone.getReadOnlyProperty();
    }

    /** The outcome of Save, or empty. */
    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Tone> outcomeToneProperty() {
        return outcomeTone.getReadOnlyProperty();
    }

    public ObservableBooleanValue canSave() {
        return canSave;
    }

    public ObservableBooleanValue canTest() {
        return canTest;
    }
}
