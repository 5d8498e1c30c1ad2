package org.memberdesk.ui.viewmodel.console;

import java.time.Duration;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.memberdesk.service.Actor;
import org.memberdesk.service.Services;
import org.memberdesk.service.contacts.ContactPreview;
import org.memberdesk.service.storage.ConsolePreferences;
import org.memberdesk.service.storage.DatabaseSettingsService;
import org.memberdesk.ui.common.BackgroundExecutor;
import org.memberdesk.ui.common.DialogService;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.viewmodel.Failures;

/**
 * The main window before and around an open data directory: the start-up (first page, opening the
 * database, demo data or the welcome), appearance and the agent's name. Once the database is open,
 * {@link #sessionProperty()} holds the {@link ConsoleSession} that serves it; Reset demo replaces it.
 */
public final class ConsoleViewModel {

    /** Where the console is in its start-up. */
    public enum Phase { OPENING, LOADING_DEMO, READY, FAILED, WELCOME }

    private static final Duration PREVIEW_FRAME_WAIT = Duration.ofSeconds(2);

    private final ConsoleStartup startup;
    private final ConsoleTools tools;
    private final ConsoleShell shell;
    private final BackgroundExecutor executor;
    private final DialogService dialogs;
    private final Messages messages;
    private final ConsolePreferences preferences;
    private final AppearanceViewModel appearance;
    private final ConsoleStatus status;
    private final ContactList list = new ContactList();

    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(this, "phase", Phase.OPENING);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyBooleanWrapper demoData = new ReadOnlyBooleanWrapper(this, "demoData");
    private final ReadOnlyBooleanWrapper preview = new ReadOnlyBooleanWrapper(this, "preview");
    private final ReadOnlyStringWrapper database = new ReadOnlyStringWrapper(this, "database", "");
    private final AgentName agent;
    private final ReadOnlyObjectWrapper<ConsoleSession> session = new ReadOnlyObjectWrapper<>(this, "session");
    private static final Runnable NOTHING_TO_OPEN = () -> { };
    private Runnable openWhenReady = NOTHING_TO_OPEN;
    private Runnable closeUnclaimed = () -> { };
    private boolean opening;
    private boolean viewReportsFrames;
    private volatile boolean closed;

    public ConsoleViewModel(ConsoleStartup startup, ConsoleTools tools, ConsoleShell shell) {
        this.startup = startup;
        this.tools = tools;
        this.shell = shell;
        this.executor = tools.executor();
        this.dialogs = tools.dialogs();
        this.messages = tools.messages();
        this.preferences = new ConsolePreferences(startup.directory());
        this.appearance = new AppearanceViewModel(preferences, executor, shell.systemPrefersDark());
        this.status = new ConsoleStatus(messages);
        this.agent = new AgentName(preferences, shell, status, executor, dialogs, messages);
        this.database.set(messages.get("console.dataDirectory", dataDirectory()));
    }

    /** Opens the database in the background; the window is already showing "Opening database…". */
    public void start() {
        appearance.load();
        agent.load();
        executor.submit(databaseSettings()::inUse,
                inUse -> database.set(DatabaseSettingsViewModel.describe(inUse, messages)), failure -> { });
        showProgress(Phase.OPENING, "console.opening");
        executor.submit(startup.firstPage(), this::showPreview, failure -> openDatabase());
    }

    private void showProgress(Phase now, String key) {
        phase.set(now);
        progressText.set(messages.get(key));
        status.say(messages.get(key));
    }

    private void showPreview(Optional<ContactPreview.Page> page) {
        if (phase.get() != Phase.OPENING || page.isEmpty() || !list.typed().isEmpty()) {
            openDatabase(); // nothing to draw first, or the agent typed already
            return;
        }
        status.showContactCount(page.get().total());
        list.show("", page.get().contacts(), messages.get("search.noContacts"));
        preview.set(true);
        if (viewReportsFrames) {
            // The database's cold start would compete with drawing the first page: it waits for that frame.
            executor.schedule(PREVIEW_FRAME_WAIT, this::openDatabase);
        } else {
            openDatabase();
        }
    }

    /** A view that will call {@link #previewShown()} once it has drawn the first page; the database waits for it. */
    public void awaitFirstFrame() {
        viewReportsFrames = true;
    }

    /** The view drew the first page: open the database now rather than when the wait runs out. */
    public void previewShown() {
        openDatabase();
    }

    private void openDatabase() {
        if (opening || closed) {
            return;
        }
        opening = true;
        executor.submit(() -> OpenedDirectory.of(startup.opener().call()), this::opened, this::failedToOpen);
    }

    private void opened(OpenedDirectory opened) {
        preview.set(false);
        if (closed) {
            closeInBackground(opened.services());
        } else if (!opened.empty()) {
            ready(opened.services(), opened.contacts(), opened.demo(), messages.get("console.ready"));
        } else if (shell.windows().welcomes()) {
            showWelcome(opened.services());
        } else if (dialogs.confirm(messages.get("demo.title"), messages.get("demo.question"),
                messages.get("demo.details"), messages.get("demo.load"), messages.get("demo.startEmpty"))) {
            loadDemoData(opened.services());
        } else {
            ready(opened.services(), 0, false, messages.get("console.startedEmpty"));
        }
    }

    private void failedToOpen(Exception failure) {
        preview.set(false);
        if (closed) {
            return;
        }
        String reason = Failures.describe(failure, messages);
        phase.set(Phase.FAILED);
        progressText.set(messages.get("console.openFailed", reason));
        status.say(messages.get("console.openFailed", reason));
        dialogs.showError(messages.get("console.openFailed.title"), messages.get("console.openFailed", reason));
    }

    private void showWelcome(Services services) {
        showProgress(Phase.WELCOME, "welcome.waiting");
        closeUnclaimed = () -> closeInBackground(services);
        shell.windows().showWelcome(new WelcomeViewModel(preferences, executor, messages, agent.get().name(), true,
                (choice, name) -> welcomed(services, choice, name)));
    }

    private void welcomed(Services services, WelcomeViewModel.Choice choice, String name) {
        agent.use(name);
        if (closed) {
            return;
        }
        closeUnclaimed = () -> { };
        switch (choice) {
            case DEMO -> loadDemoData(services);
            case MAIL -> {
                ready(services, 0, false, messages.get("console.startedEmpty"));
                session.get().mail().openSmtpSettings();
            }
            case EMPTY -> ready(services, 0, false, messages.get("console.startedEmpty"));
        }
    }

    private void loadDemoData(Services services) {
        showProgress(Phase.LOADING_DEMO, "demo.loading");
        executor.submit(() -> new SeededDemo(services, services.demo().seed(), services.contacts().count()), seeded -> {
            String loadedText = messages.get("demo.loaded", seeded.loaded());
            status.popUp(loadedText);
            ready(services, seeded.total(), true, loadedText);
        }, failure -> {
            String reason = Failures.describe(failure, messages);
            dialogs.showError(messages.get("demo.failed.title"), reason);
            ready(services, 0, false, reason);
        });
    }

    private void ready(Services services, long contacts, boolean demo, String statusText) {
        if (closed) {
            closeInBackground(services); // demo data finished loading after the window closed
            return;
        }
        status.showContactCount(contacts);
        demoData.set(demo);
        status.say(statusText);
        progressText.set("");
        phase.set(Phase.READY);
        ConsoleSession opened = new ConsoleSession(services, list, status, tools, shell, agent::get);
        session.set(opened);
        Runnable waiting = openWhenReady;
        openWhenReady = NOTHING_TO_OPEN;
        opened.start(waiting != NOTHING_TO_OPEN);
        waiting.run();
    }

    /** The UI thread does no I/O: a database nobody took over closes in the background. */
    private void closeInBackground(Services services) {
        executor.submit(() -> {
            services.close();
            return null;
        }, closed -> { }, failure -> { });
    }

    /** Opens the selected contact's window (or brings it to the front), once the list matches what was typed. */
    public void openSelected() {
        ConsoleSession current = session.get();
        if (current != null) {
            current.search().whenSettled(() -> list.selected().ifPresent(current::open));
        } else if (preview.get()) {
            openWhenReady = this::openSelected;
        }
    }

    /** Opens the contact's window; asked for while the first page shows, it opens once the database is ready. */
    public void open(ContactRow row) {
        ConsoleSession current = session.get();
        if (current != null) {
            current.open(row);
        } else if (preview.get()) {
            openWhenReady = () -> open(row);
        }
    }

    /** File → Reset demo: after a confirmation, the session closes, the demo data is set as new and a new session opens. */
    public void resetDemo() {
        ConsoleSession current = session.get(); // there is one while the console is READY
        if (!demoData.get() || phase.get() != Phase.READY
                || !dialogs.confirm(messages.get("demo.reset.title"), messages.get("demo.reset.question"),
                messages.get("demo.reset.details"), messages.get("demo.reset.accept"),
                messages.get("demo.reset.decline"))) {
            return;
        }
        showProgress(Phase.LOADING_DEMO, "demo.resetting");
        session.set(null);
        current.close(() -> {
            // Nothing else writes while the demo data is replaced: no delivery, no workflow pass, no portal.
            return SeededDemo.reset(startup.opener().call());
        }, seeded -> {
            String text = messages.get("demo.reset.done", seeded.loaded());
            status.popUp(text);
            ready(seeded.services(), seeded.total(), true, text);
        }, failure -> {
            dialogs.showError(messages.get("demo.reset.failed.title"), Failures.describe(failure, messages));
            opening = false;
            openDatabase();
        });
    }

    /** Closes the open session (stops delivery, the engine and the portal, closes the database), in the background. */
    public void close() {
        closed = true;
        closeUnclaimed.run();
        closeUnclaimed = () -> { };
        ConsoleSession current = session.get();
        session.set(null);
        if (current != null) {
            current.close();
        }
    }

    /**
     * Settings → Database: this desk's own SQLite file or a shared PostgreSQL server, from the next
     * start. Also while the database cannot be opened, which is when the agent most needs it.
     */
    public void openDatabaseSettings() {
        shell.windows().showDatabaseSettings(new DatabaseSettingsViewModel(databaseSettings(), executor, messages));
    }

    private DatabaseSettingsService databaseSettings() {
        return new DatabaseSettingsService(startup.directory(), shell.environment());
    }

    /** Help → Keyboard shortcuts. */
    public void showShortcuts() {
        shell.windows().showShortcuts(Shortcuts.all(messages));
    }

    /** Help → About: version, data directory, portal and agent. */
    public void showAbout() {
        shell.windows().showAbout(about());
    }

    public About about() {
        String portal = session.get() == null ? "" : session.get().portal().summary();
        return new About(shell.version(), dataDirectory(), portal, agent.get().name());
    }

    /** The agent stamped on what this console does (welcome or Settings → Agent name, else the OS user). UI thread. */
    public Actor agent() {
        return agent.get();
    }

    public AgentName agentName() {
        return agent;
    }

    /** The open data directory's session; null until the database is open and while Reset demo runs. */
    public ReadOnlyObjectProperty<ConsoleSession> sessionProperty() {
        return session.getReadOnlyProperty();
    }

    /** The search field and the contact list, from the first frame on. */
    public ContactList list() {
        return list;
    }

    /** The status line, the contact count and the notification. */
    public ConsoleStatus status() {
        return status;
    }

    /** Theme and presenter mode. */
    public AppearanceViewModel appearance() {
        return appearance;
    }

    /**
     * The database this console opens, as the status bar names it ("SQLite: file" or "PostgreSQL:
     * host:port/database"); the data directory until that is read.
     */
    public ReadOnlyStringProperty databaseProperty() {
        return database.getReadOnlyProperty();
    }

    public String dataDirectory() {
        return startup.directory().root().toString();
    }

    /**
     * True while the list shows the first page read before the database finished opening: the agent
     * can look and type; a contact asked for now opens once the database is ready.
     */
    public ReadOnlyBooleanProperty previewProperty() {
        return preview.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /** What the window says while it cannot show contacts yet. */
    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty demoDataProperty() {
        return demoData.getReadOnlyProperty();
    }
}
