package org.memberdesk.ui.viewmodel.insight;

import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.memberdesk.service.Actor;
import org.memberdesk.service.Services;
import org.memberdesk.ui.common.BackgroundExecutor;
import org.memberdesk.ui.common.DialogService;
import org.memberdesk.ui.common.FilePicker;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.viewmodel.DisplayTime;

/**
 * The console's "why can't they log in?" side: Diagnose for a contact, the Activity log and
 * Import contacts from CSV. Knows the open database once the console has one.
 */
public final class InsightViewModel {

    private final BackgroundExecutor executor;
    private final DialogService dialogs;
    private final InsightWindows windows;
    private final FilePicker files;
    private final Messages messages;

    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper(this, "connected");

    private Services services;
    private DisplayTime time;
    private Supplier<Actor> agent = Actor::localAgent;

    public InsightViewModel(BackgroundExecutor executor, DialogService dialogs, InsightWindows windows,
                            FilePicker files, Messages messages) {
        this.executor = Objects.requireNonNull(executor);
        this.dialogs = Objects.requireNonNull(dialogs);
        this.windows = Objects.requireNonNull(windows);
        this.files = Objects.requireNonNull(files);
        this.messages = Objects.requireNonNull(messages);
    }

    /** The database is open. Called once, on the UI thread. */
    public void connect(Services opened, DisplayTime time) {
        connect(opened, time, Actor::localAgent);
    }

    /** As {@link #connect(Services, DisplayTime)}, recording actions for the console's agent (asked each time). */
    public void connect(Services opened, DisplayTime time, Supplier<Actor> agent) {
        this.services = opened;
        this.time = time;
        this.agent = agent;
        connected.set(true);
    }

    public void disconnect() {
        connected.set(false);
        services = null;
    }

    /** Opens the Diagnose window of a contact, asking its window to reload after a fix. */
    public void diagnose(UUID contactId, String name, DiagnoseViewModel.ContactHooks contact) {
        Services current = services;
        if (current == null) {
            return;
        }
        InsightTools shared = tools();
        windows.showDiagnose(contactId, () -> {
            DiagnoseViewModel model = new DiagnoseViewModel(current, contactId, name, contact, shared);
            model.load();
            return model;
        });
    }

    public void openActivity() {
        Services current = services;
        if (current == null) {
            return;
        }
        InsightTools shared = tools();
        windows.showActivity(() -> {
            ActivityViewModel model = new ActivityViewModel(current.activity(), current.clock().getZone(), shared);
            model.load();
            return model;
        });
    }

    /** Opens Import contacts; {@code onImported} runs on the UI thread after each import that wrote rows. */
    public void openImport(Runnable onImported) {
        Services current = services;
        if (current == null) {
            return;
        }
        InsightTools shared = tools();
        windows.showImport(() -> new ImportViewModel(current.contactImport(), shared, onImported));
    }

    /** True once the database is open: the menu items work. */
    public ReadOnlyBooleanProperty connectedProperty() {
        return connected.getReadOnlyProperty();
    }

    /** For a window about to open; its actions ask for the agent's name each time. */
    private InsightTools tools() {
        return new InsightTools(executor, dialogs, files, messages, time, agent);
    }
}
