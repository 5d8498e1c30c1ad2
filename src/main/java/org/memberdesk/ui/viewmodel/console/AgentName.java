package org.memberdesk.ui.viewmodel.console;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.memberdesk.service.Actor;
import org.memberdesk.service.UserError;
import org.memberdesk.service.storage.ConsolePreferences;
import org.memberdesk.ui.common.BackgroundExecutor;
import org.memberdesk.ui.common.DialogService;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.viewmodel.Failures;

/**
 * The agent stamped on what this console does: the name remembered in the data directory (from
 * the welcome or Settings → Agent name), else MEMBERDESK_AGENT or the OS user.
 */
public final class AgentName {

    private final ConsolePreferences preferences;
    private final BackgroundExecutor executor;
    private final DialogService dialogs;
    private final Messages messages;
    private final ConsoleStatus status;
    private final ShellWindows windows;
    private final ReadOnlyObjectWrapper<Actor> agent;

    AgentName(ConsolePreferences preferences, ConsoleShell shell, ConsoleStatus status,
              BackgroundExecutor executor, DialogService dialogs, Messages messages) {
        this.preferences = preferences;
        this.windows = shell.windows();
        this.executor = executor;
        this.dialogs = dialogs;
        this.messages = messages;
        this.status = status;
        this.agent = new ReadOnlyObjectWrapper<>(this, "agent",
                Actor.agent(ConsolePreferences.defaultAgentName(shell.environment())));
    }

    /** Reads the remembered name in the background. */
    void load() {
        executor.submit(preferences::agentName, stored -> stored.ifPresent(this::use), failure -> { });
    }

    /** The name chosen in the welcome (which saved it). */
    void use(String name) {
        agent.set(Actor.agent(name));
    }

    /** Settings → Agent name…: the name recorded with every action from this console. */
    public void change() {
        windows.askText(messages.get("agent.title"), messages.get("agent.question"), messages.get("agent.label"),
                agent.get().name()).ifPresent(this::save);
    }

    /** Checks and saves the name in the background; the new name applies at once. */
    public void save(String raw) {
        String name;
        try {
            name = ConsolePreferences.checkAgentName(raw);
        } catch (UserError e) {
            dialogs.showError(messages.get("agent.title"), Failures.describe(e, messages));
            return;
        }
        executor.submit(() -> preferences.saveAgentName(name), saved -> {
            use(saved);
            status.say(messages.get("agent.saved", saved));
        }, failure -> dialogs.showError(messages.get("agent.title"), Failures.describe(failure, messages)));
    }

    /** UI thread. */
    public Actor get() {
        return agent.get();
    }

    public ReadOnlyObjectProperty<Actor> property() {
        return agent.getReadOnlyProperty();
    }
}
