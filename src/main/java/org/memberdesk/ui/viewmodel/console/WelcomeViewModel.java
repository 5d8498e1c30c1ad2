package org.memberdesk.ui.viewmodel.console;

import java.util.function.BiConsumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.memberdesk.service.storage.ConsolePreferences;
import org.memberdesk.ui.common.BackgroundExecutor;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.viewmodel.Command;
import org.memberdesk.ui.viewmodel.Failures;

/**
 * The first-run welcome of a new data directory: asks for the agent's name (the OS user by default),
 * then "Try with demo data", "Connect your mail server" or start empty. The name is saved before
 * the console goes on; closing the window starts empty under the name typed (or the suggested one).
 */
public final class WelcomeViewModel {

    /** What the agent chose. */
    public enum Choice { DEMO, MAIL, EMPTY }

    private final ConsolePreferences preferences;
    private final Messages messages;
    private final BiConsumer<Choice, String> onChosen;
    private final String suggested;

    private final StringProperty agentName = new SimpleStringProperty(this, "agentName", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper demoAvailable = new ReadOnlyBooleanWrapper(this, "demoAvailable");
    private final Command saveName;
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper(this, "done");

    public WelcomeViewModel(ConsolePreferences preferences, BackgroundExecutor executor, Messages messages,
                            String suggestedName, boolean demoAvailable, BiConsumer<Choice, String> onChosen) {
        this.preferences = preferences;
        this.messages = messages;
        this.onChosen = onChosen;
        this.suggested = suggestedName;
        this.agentName.set(suggestedName);
        this.demoAvailable.set(demoAvailable);
        this.saveName = new Command(executor, failure -> error.set(Failures.describe(failure, messages)));
        agentName.addListener((o, before, now) -> error.set(""));
    }

    public void tryDemo() {
        if (demoAvailable.get()) {
            choose(Choice.DEMO, agentName.get());
        }
    }

    public void connectMail() {
        choose(Choice.MAIL, agentName.get());
    }

    public void startEmpty() {
        choose(Choice.EMPTY, agentName.get());
    }

    /** The window was closed without a choice: start empty, under the typed name when it is usable. */
    public void dismiss() {
        if (done.get() || saveName.isRunning()) {
            return;
        }
        String typed = agentName.get() == null ? "" : agentName.get().strip();
        choose(Choice.EMPTY, problem(typed) == null ? typed : suggested);
    }

    private void choose(Choice choice, String rawName) {
        if (done.get() || saveName.isRunning()) {
            return;
        }
        String name = rawName == null ? "" : rawName.strip();
        String problem = problem(name);
        if (problem != null) {
            error.set(problem);
            return;
        }
        error.set("");
        saveName.run(() -> preferences.saveAgentName(name), saved -> {
            done.set(true);
            onChosen.accept(choice, saved);
        });
    }

    private String problem(String name) {
        if (name.isEmpty()) {
            return messages.get("welcome.error.nameRequired");
        }
        if (name.length() > ConsolePreferences.MAX_AGENT_NAME) {
            return messages.get("welcome.error.nameTooLong", ConsolePreferences.MAX_AGENT_NAME);
        }
        return null;
    }

    /** The agent's name as typed. */
    public StringProperty agentNameProperty() {
        return agentName;
    }

    /** Why the name cannot be used; empty when it can. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Demo data goes only into an empty database. */
    public ReadOnlyBooleanProperty demoAvailableProperty() {
        return demoAvailable.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return saveName.runningProperty();
    }

    /** True once a choice was made and saved: the window closes. */
    public ReadOnlyBooleanProperty doneProperty() {
        return done.getReadOnlyProperty();
    }
}
