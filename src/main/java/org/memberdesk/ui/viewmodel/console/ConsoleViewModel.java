package org.memberdesk.ui.viewmodel.console;

import java.net.BindException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.memberdesk.service.Actor;
import org.memberdesk.service.ConsolePreferences;
import org.memberdesk.service.Services;
import org.memberdesk.service.UserError;
import org.memberdesk.service.contacts.ContactPreview;
import org.memberdesk.service.contacts.ContactService;
import org.memberdesk.service.storage.DataDirectory;
import org.memberdesk.ui.common.BackgroundExecutor;
import org.memberdesk.ui.common.DialogService;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.viewmodel.DisplayTime;
import org.memberdesk.ui.viewmodel.Failures;
import org.memberdesk.ui.viewmodel.contact.ContactBackend;
import org.memberdesk.ui.viewmodel.contact.ContactFormViewModel;
import org.memberdesk.ui.viewmodel.contact.ContactViewModel;
import org.memberdesk.ui.viewmodel.contact.ContactWindows;
import org.memberdesk.ui.viewmodel.insight.DiagnoseViewModel;
import org.memberdesk.ui.viewmodel.insight.InsightViewModel;
import org.memberdesk.ui.viewmodel.mail.MailViewModel;
import org.memberdesk.ui.viewmodel.workflow.ManualRunViewModel;
import org.memberdesk.ui.viewmodel.workflow.WorkflowWindows;
import org.memberdesk.ui.viewmodel.workflow.WorkflowsViewModel;

/**
 * The main window: opens the database in the background, offers demo data for an empty one,
 * then serves the contact search, opens contacts in their own windows and hands the open database
 * to the mail side (background delivery, demo banner, outbox status).
 */
public final class ConsoleViewModel {

    /** Where the console is in its start-up. */
    public enum Phase { OPENING, LOADING_DEMO, READY, FAILED, WELCOME }

    private static final Duration PREVIEW_FRAME_WAIT = Duration.ofSeconds(2);

    private final DataDirectory directory;
    private final Callable<Services> opener;
    private final BackgroundExecutor executor;
    private final DialogService dialogs;
    private final ContactWindows contactWindows;
    private final Messages messages;
    private final ContactSearchViewModel search;
    private final MailViewModel mail;

    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(this, "phase", Phase.OPENING);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyStringWrapper dataDirectory = new ReadOnlyStringWrapper(this, "dataDirectory", "");
    private final ReadOnlyStringWrapper contactCount = new ReadOnlyStringWrapper(this, "contactCount", "");
    private final ReadOnlyStringWrapper statusMessage = new ReadOnlyStringWrapper(this, "statusMessage", "");
    private final ReadOnlyStringWrapper notification = new ReadOnlyStringWrapper(this, "notification", "");
    private final ReadOnlyBooleanWrapper demoData = new ReadOnlyBooleanWrapper(this, "demoData");
    private final ReadOnlyBooleanWrapper preview = new ReadOnlyBooleanWrapper(this, "preview");
    private ContactRow openWhenReady;
    private boolean openSelectedWhenReady;
    private boolean opening;
    private boolean viewReportsFrames;
    private Callable<Optional<ContactPreview.Page>> previewSource;

    private volatile Services services;
    private DisplayTime time;
    private volatile boolean closed;

    public ConsoleViewModel(DataDirectory directory, Callable<Services> opener, BackgroundExecutor executor,
                            DialogService dialogs, ContactWindows contactWindows, MailViewModel mail,
                            Messages messages) {
        this.opener = opener;
        this.mail = mail;
        this.executor = executor;
        this.dialogs = dialogs;
        this.contactWindows = contactWindows;
        this.messages = messages;
        this.search = new ContactSearchViewModel(executor, messages);
        this.directory = directory;
        this.previewSource = () -> ContactPreview.firstPage(directory, ContactService.DEFAULT_SEARCH_LIMIT);
        dataDirectory.set(directory.root().toString());
    }

    /** Where the first page shown while the database opens comes from (the app reads it before the window exists). */
    public void readPreviewFrom(Callable<Optional<ContactPreview.Page>> source) {
        this.previewSource = source;
    }

    /** Opens the database in the background; the window is already showing "Opening database…". */
    public void start() {
        startShell();
        phase.set(Phase.OPENING);
        progressText.set(messages.get("console.opening"));
        statusMessage.set(messages.get("console.opening"));
        executor.submit(previewSource, this::showPreview, failure -> openDatabase());
    }

    private void showPreview(Optional<ContactPreview.Page> page) {
        if (phase.get() != Phase.OPENING || page.isEmpty()) {
            openDatabase();
            return;
        }
        contactCount.set(messages.get("console.contactCount", page.get().total()));
        if (!search.showPreview(page.get().contacts())) {
            openDatabase(); // the agent typed already: nothing to draw first
            return;
        }
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
        executor.submit(() -> Opened.of(opener.call()), this::opened, this::failedToOpen);
    }

    private void opened(Opened opened) {
        preview.set(false);
        if (closed) {
            opened.services().close();
            return;
        }
        services = opened.services();
        time = new DisplayTime(opened.services().clock().getZone(), messages.locale());
        if (opened.empty()) {
            offerDemoData();
        } else {
            ready(opened.contacts(), opened.demo(), messages.get("console.ready"));
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
        statusMessage.set(messages.get("console.openFailed", reason));
        dialogs.showError(messages.get("console.openFailed.title"), messages.get("console.openFailed", reason));
    }

    private void offerDemoData() {
        if (shell.windows() != null) {
            showWelcome();
            return;
        }
        boolean load = dialogs.confirm(messages.get("demo.title"), messages.get("demo.question"),
                messages.get("demo.details"), messages.get("demo.load"), messages.get("demo.startEmpty"));
        if (!load) {
            ready(0, false, messages.get("console.startedEmpty"));
            return;
        }
        loadDemoData();
    }

    private void loadDemoData() {
        phase.set(Phase.LOADING_DEMO);
        progressText.set(messages.get("demo.loading"));
        statusMessage.set(messages.get("demo.loading"));
        Services current = services;
        executor.submit(() -> {
            int loaded = current.demo().seed();
            return new Seeded(loaded, current.contacts().count());
        }, seeded -> {
            String loadedText = messages.get("demo.loaded", seeded.loaded());
            notification.set(loadedText);
            ready(seeded.total(), true, loadedText);
        }, failure -> {
            String reason = Failures.describe(failure, messages);
            dialogs.showError(messages.get("demo.failed.title"), reason);
            ready(0, false, reason);
        });
    }

    private void ready(long contacts, boolean demo, String status) {
        if (closed) {
            return; // demo data finished loading after the window closed
        }
        contactCount.set(messages.get("console.contactCount", contacts));
        demoData.set(demo);
        statusMessage.set(status);
        progressText.set("");
        phase.set(Phase.READY);
        search.connect(services.contacts());
        mail.connect(services, time, this::agent);
        startWorkflows();
        connectInsight();
        ContactRow waiting = openWhenReady;
        openWhenReady = null;
        if (openSelectedWhenReady) {
            openSelectedWhenReady = false;
            openSelected();
        } else if (waiting != null) {
            open(waiting);
        }
        shellReady();
    }

    /** Opens the selected contact's window (or brings it to the front), once the list matches what was typed. */
    public void openSelected() {
        if (services == null && preview.get()) {
            openSelectedWhenReady = true;
            return;
        }
        search.whenSettled(() -> search.selected().ifPresent(this::open));
    }

    public void open(ContactRow row) {
        Services current = services;
        if (current == null && preview.get()) {
            openWhenReady = row;
            return;
        }
        if (current == null || row == null) {
            return;
        }
        contactWindows.show(row.id(), () -> {
            ContactViewModel contact = new ContactViewModel(current.contacts(), row.id(), row.name(), executor,
                    messages, time, mail.emailHistory(row.id()));
            contact.enableActions(ContactBackend.of(current), contactWindows).whenEdited(search::refresh);
            attachDiagnose(contact);
            contact.load();
            return contact;
        });
    }

    public void dismissNotification() {
        notification.set("");
    }

    /** Stops searching, stops mail delivery and closes the database, in the background. */
    public void close() {
        closed = true;
        workflowsReady.set(false);
        portalUrl.set("");
        search.disconnect();
        mail.close();
        disconnectInsight();
        Services current = services;
        services = null;
        if (current != null) {
            PortalHost portal = shell.portal();
            executor.submit(() -> {
                current.workflows().stop();
                portal.close();
                current.emails().stopBackgroundDelivery();
                current.close();
                return null;
            }, ignored -> { }, ignored -> { });
        }
    }

    public ContactSearchViewModel search() {
        return search;
    }

    public MailViewModel mail() {
        return mail;
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

    public ReadOnlyStringProperty dataDirectoryProperty() {
        return dataDirectory.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty contactCountProperty() {
        return contactCount.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusMessageProperty() {
        return statusMessage.getReadOnlyProperty();
    }

    /** A message to pop up once; empty when there is none. */
    public ReadOnlyStringProperty notificationProperty() {
        return notification.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty demoDataProperty() {
        return demoData.getReadOnlyProperty();
    }

    private record Opened(Services services, boolean empty, boolean demo, long contacts) {
        static Opened of(Services services) {
            try {
                return new Opened(services, services.demo().isEmpty(), services.demo().isDemoDatabase(),
                        services.contacts().count());
            } catch (RuntimeException e) {
                services.close();
                throw e;
            }
        }
    }

    private record Seeded(int loaded, long total) {
    }

    // ---- Contacts, FAQ ----

    /** File → New contact: the form; once saved, the contact's window opens and the list is read again. */
    public void newContact() {
        Services current = services;
        if (current == null) {
            return;
        }
        contactWindows.showContactForm(null, ContactFormViewModel.create(current.contacts(), executor, messages,
                agent(), saved -> {
                    notification.set(messages.get("console.contactAdded", saved.name(), saved.email()));
                    executor.submit(current.contacts()::count,
                            count -> contactCount.set(messages.get("console.contactCount", count)), failure -> { });
                    search.refresh();
                    open(new ContactRow(saved.id(), saved.name(), saved.email(), String.join(", ", saved.tags())));
                }));
    }

    // ----- spacer -----

    // ---- Workflows ----

    private final ReadOnlyBooleanWrapper workflowsReady = new ReadOnlyBooleanWrapper(this, "workflowsReady");
    private WorkflowWindows workflowWindows = WorkflowWindows.NONE;

    /** Where the Workflows window, the editor and the manual run open; set once, before {@link #start()}. */
    public void useWorkflowWindows(WorkflowWindows windows) {
        this.workflowWindows = windows;
    }

    /** The database is open: the workflow engine runs in the background until the console closes it. */
    private void startWorkflows() {
        Services current = services;
        executor.submit(() -> {
            current.workflows().start();
            return null;
        }, started -> workflowsReady.set(!closed), failure -> dialogs.showError(
                messages.get("workflows.engineFailed.title"), Failures.describe(failure, messages)));
    }

    /** True while the database is open and the workflow engine runs: the Workflows menu works. */
    public ReadOnlyBooleanProperty workflowsReadyProperty() {
        return workflowsReady.getReadOnlyProperty();
    }

    /** View \u2192 Workflows: the list, the run log, the editor and Test on contact. */
    public void openWorkflows() {
        Services current = services;
        if (current == null) {
            return;
        }
        DisplayTime shownTime = time;
        workflowWindows.showWorkflows(() -> new WorkflowsViewModel(current.workflows(), current.offers(), executor,
                dialogs, workflowWindows, messages, shownTime, agent()));
    }

    /**
     * Run workflow\u2026 on the contact list: a Manual workflow on the chosen contacts, or on everyone the
     * current search finds (the saved search). The list is searched again when the run is over.
     */
    public void runWorkflow(List<ContactRow> chosen) {
        Services current = services;
        if (current == null) {
            return;
        }
        List<String> emails = chosen == null ? List.of() : chosen.stream().map(ContactRow::email).toList();
        String query = search.queryProperty().get() == null ? "" : search.queryProperty().get().trim();
        workflowWindows.showManualRun(() -> new ManualRunViewModel(current.workflows(), executor, messages,
                agent(), emails, query, search::refresh));
    }

    // ----- spacer -----

    // ---- Diagnose, activity, import ----

    private InsightViewModel insight;

    /** Diagnose, Activity and Import contacts; set once, before {@link #start()}. */
    public void useInsight(InsightViewModel insightModel) {
        this.insight = insightModel;
    }

    /** Null when the console runs without Diagnose, Activity and Import. */
    public InsightViewModel insight() {
        return insight;
    }

    private void connectInsight() {
        if (insight != null) {
            insight.connect(services, time, this::agent);
        }
    }

    private void disconnectInsight() {
        if (insight != null) {
            insight.disconnect();
        }
    }

    private void attachDiagnose(ContactViewModel contact) {
        if (insight == null) {
            return;
        }
        contact.onDiagnose(() -> insight.diagnose(contact.contactId(), contact.nameProperty().get(),
                new DiagnoseViewModel.ContactHooks() {
                    @Override
                    public void reload() {
                        contact.load();
                    }

                    @Override
                    public void showOffers() {
                        contact.showOffers();
                    }
                }));
    }

    /** View, Activity: the audit log. */
    public void openActivity() {
        if (insight != null) {
            insight.openActivity();
        }
    }

    /** File, Import contacts: afterwards the contact list and count are read again. */
    public void importContacts() {
        if (insight != null) {
            insight.openImport(this::contactsImported);
        }
    }

    private void contactsImported() {
        Services current = services;
        if (current == null) {
            return;
        }
        search.refresh();
        executor.submit(current.contacts()::count, count -> contactCount.set(messages.get("console.contactCount",
                count)), failure -> { });
    }

    // ----- spacer -----

    // ---- Shell ----

    private ConsoleShell shell = ConsoleShell.none();
    private ConsolePreferences preferences;
    private AppearanceViewModel appearance;
    private final ReadOnlyObjectWrapper<Actor> agent = new ReadOnlyObjectWrapper<>(this, "agent",
            Actor.agent(ConsolePreferences.defaultAgentName(Map.of())));
    private final ReadOnlyStringWrapper portalUrl = new ReadOnlyStringWrapper(this, "portalUrl", "");
    private final ReadOnlyStringWrapper portalStatus = new ReadOnlyStringWrapper(this, "portalStatus", "");
    private final ReadOnlyBooleanWrapper portalProblem = new ReadOnlyBooleanWrapper(this, "portalProblem");
    private WelcomeViewModel welcome;
    private int portalPort;

    /**
     * The console with its shell: the portal it starts on the configured port once the database is
     * open, the first-run welcome, Reset demo, theme and presenter mode, shortcuts and About.
     */
    public ConsoleViewModel(DataDirectory directory, Callable<Services> opener, BackgroundExecutor executor,
                            DialogService dialogs, ContactWindows contactWindows, MailViewModel mail,
                            Messages messages, ConsoleShell shell) {
        this(directory, opener, executor, dialogs, contactWindows, mail, messages);
        this.shell = shell;
        agent.set(Actor.agent(ConsolePreferences.defaultAgentName(shell.environment())));
    }

    private ConsolePreferences preferences() {
        if (preferences == null) {
            preferences = new ConsolePreferences(directory);
        }
        return preferences;
    }

    /** Theme and presenter mode. */
    public AppearanceViewModel appearance() {
        if (appearance == null) {
            appearance = new AppearanceViewModel(preferences(), executor, shell.systemPrefersDark());
        }
        return appearance;
    }

    private void startShell() {
        appearance().load();
        ConsolePreferences prefs = preferences();
        executor.submit(prefs::agentName, stored -> stored.ifPresent(name -> agent.set(Actor.agent(name))),
                failure -> { });
    }

    private void showWelcome() {
        phase.set(Phase.WELCOME);
        progressText.set(messages.get("welcome.waiting"));
        statusMessage.set(messages.get("welcome.waiting"));
        welcome = new WelcomeViewModel(preferences(), executor, messages, agent.get().name(), true,
                this::welcomed);
        shell.windows().showWelcome(welcome);
    }

    private void welcomed(WelcomeViewModel.Choice choice, String name) {
        agent.set(Actor.agent(name));
        if (closed) {
            return;
        }
        switch (choice) {
            case DEMO -> loadDemoData();
            case MAIL -> {
                ready(0, false, messages.get("console.startedEmpty"));
                mail.openSmtpSettings();
            }
            case EMPTY -> ready(0, false, messages.get("console.startedEmpty"));
        }
    }

    /** The welcome on show, if any (for the view and tests). */
    public Optional<WelcomeViewModel> welcome() {
        return Optional.ofNullable(welcome).filter(w -> !w.doneProperty().get());
    }

    private void shellReady() {
        if (portalUrl.get().isEmpty()) {
            startPortal(null);
        }
    }

    /** Starts the portal on the configured port; with {@code newPort}, saves that port first and restarts. */
    private void startPortal(Integer newPort) {
        Services current = services;
        PortalHost portal = shell.portal();
        if (portal == PortalHost.NONE || current == null) {
            return;
        }
        Actor actor = agent.get();
        portalStatus.set(messages.get("portal.starting"));
        portalUrl.set("");
        executor.submit(() -> {
            if (newPort != null) {
                current.mailSettings().savePortalPort(newPort, actor);
                portal.stop();
            }
            int port = current.portalSite().configuredPort();
            try {
                return new PortalStarted(portal.start(current, port), port, null);
            } catch (Exception e) {
                return new PortalStarted(null, port, e);
            }
        }, started -> {
            if (closed) {
                return;
            }
            portalPort = started.port();
            if (started.failure() == null) {
                portalUrl.set(started.url());
                portalProblem.set(false);
                portalStatus.set(messages.get("portal.running", started.url()));
            } else {
                portalUrl.set("");
                portalProblem.set(true);
                portalStatus.set(portInUse(started.failure())
                        ? messages.get("portal.portInUse", Integer.toString(started.port()))
                        : messages.get("portal.failed", Failures.describe(started.failure(), messages)));
            }
        }, failure -> {
            portalProblem.set(true);
            portalStatus.set(messages.get("portal.failed", Failures.describe(failure, messages)));
        });
    }

    private static boolean portInUse(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** Settings → Portal port…: saves the port and restarts the portal on it. */
    public void changePortalPort() {
        if (shell.windows() == null || services == null || shell.portal() == PortalHost.NONE) {
            return;
        }
        String current = portalPort();
        Optional<String> typed = shell.windows().askText(messages.get("portalPort.title"),
                messages.get("portalPort.question"), messages.get("portalPort.label"), current);
        if (typed.isEmpty()) {
            return;
        }
        int port;
        try {
            port = Integer.parseInt(typed.get().strip());
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 1 || port > 65535) {
            dialogs.showError(messages.get("portalPort.title"), messages.get("portalPort.invalid"));
            return;
        }
        startPortal(port);
    }

    private String portalPort() {
        return portalPort > 0 ? Integer.toString(portalPort) : "";
    }

    /** View → Open portal: the running portal in the browser. */
    public void openPortal() {
        String url = portalUrl.get();
        if (!url.isEmpty()) {
            shell.browser().open(url);
        }
    }

    /** The file name File → Back up… offers: the data directory's name and today's date. */
    public String suggestedBackupName() {
        Services current = services;
        java.time.LocalDate today = current == null ? java.time.LocalDate.now()
                : java.time.LocalDate.now(current.clock());
        return "memberdesk-backup-" + today + ".db";
    }

    /**
     * File → Back up…: a consistent copy of the database to a new file the agent chose, written in the
     * background while everything else goes on; a notification says where and how big.
     */
    public void backUp(java.nio.file.Path target) {
        Services current = services;
        if (current == null || phase.get() != Phase.READY) {
            return;
        }
        statusMessage.set(messages.get("backup.running"));
        executor.submit(() -> current.backups().backUp(target), backup -> {
            String text = messages.get("backup.done", backup.contacts(), size(backup.bytes()),
                    backup.file().toString());
            notification.set(text);
            statusMessage.set(text);
        }, failure -> {
            String reason = Failures.describe(failure, messages);
            statusMessage.set(reason);
            dialogs.showError(messages.get("backup.failed.title"), reason);
        });
    }

    private static String size(long bytes) {
        if (bytes < 1024 * 1024) {
            return String.format(java.util.Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }

    /** File → Reset demo: after a confirmation, the demo data set as new; the list reloads. */
    public void resetDemo() {
        Services current = services;
        if (current == null || !demoData.get() || phase.get() != Phase.READY) {
            return;
        }
        if (!dialogs.confirm(messages.get("demo.reset.title"), messages.get("demo.reset.question"),
                messages.get("demo.reset.details"), messages.get("demo.reset.accept"),
                messages.get("demo.reset.decline"))) {
            return;
        }
        contactWindows.closeAll();
        phase.set(Phase.LOADING_DEMO);
        progressText.set(messages.get("demo.resetting"));
        statusMessage.set(messages.get("demo.resetting"));
        boolean engineWasRunning = current.workflows().isRunning();
        executor.submit(() -> {
            // Nothing else may write while the demo data is replaced: no delivery, no workflow pass.
            current.emails().stopBackgroundDelivery();
            current.workflows().stop();
            try {
                int loaded = current.demo().reset();
                current.demoInbox().clear();
                return new Seeded(loaded, current.contacts().count());
            } finally {
                if (!closed) {
                    current.emails().startBackgroundDelivery();
                    if (engineWasRunning) {
                        current.workflows().start();
                    }
                }
            }
        }, seeded -> {
            String text = messages.get("demo.reset.done", seeded.loaded());
            notification.set(text);
            contactCount.set(messages.get("console.contactCount", seeded.total()));
            statusMessage.set(text);
            progressText.set("");
            phase.set(Phase.READY);
            search.refresh();
            mail.outbox().recount();
        }, failure -> {
            String reason = Failures.describe(failure, messages);
            phase.set(Phase.READY);
            progressText.set("");
            statusMessage.set(reason);
            dialogs.showError(messages.get("demo.reset.failed.title"), reason);
        });
    }

    /** Settings → Agent name…: the name recorded with every action from this console. */
    public void changeAgentName() {
        if (shell.windows() == null) {
            return;
        }
        Optional<String> typed = shell.windows().askText(messages.get("agent.title"),
                messages.get("agent.question"), messages.get("agent.label"), agent.get().name());
        typed.ifPresent(this::saveAgentName);
    }

    /** Checks and saves the agent name in the background; the new name applies at once. */
    public void saveAgentName(String raw) {
        String name;
        try {
            name = ConsolePreferences.checkAgentName(raw);
        } catch (UserError e) {
            dialogs.showError(messages.get("agent.title"), Failures.describe(e, messages));
            return;
        }
        ConsolePreferences prefs = preferences();
        executor.submit(() -> prefs.saveAgentName(name), saved -> {
            agent.set(Actor.agent(saved));
            statusMessage.set(messages.get("agent.saved", saved));
        }, failure -> dialogs.showError(messages.get("agent.title"), Failures.describe(failure, messages)));
    }

    /** Help → Keyboard shortcuts. */
    public void showShortcuts() {
        if (shell.windows() != null) {
            shell.windows().showShortcuts(Shortcuts.all(messages));
        }
    }

    /** Help → About: version, data directory, portal and agent. */
    public void showAbout() {
        if (shell.windows() != null) {
            shell.windows().showAbout(about());
        }
    }

    public About about() {
        return new About(shell.version(), dataDirectory.get(),
                portalUrl.get().isEmpty() ? portalStatus.get() : portalUrl.get(), agent.get().name());
    }

    /** The agent stamped on what this console does (welcome or Settings → Agent name, else the OS user). UI thread. */
    public Actor agent() {
        return agent.get();
    }

    public ReadOnlyObjectProperty<Actor> agentProperty() {
        return agent.getReadOnlyProperty();
    }

    /** Where this computer reaches the running portal; empty while it is not running. */
    public ReadOnlyStringProperty portalUrlProperty() {
        return portalUrl.getReadOnlyProperty();
    }

    /** The portal's line in the status bar: its address, or why it is not running. */
    public ReadOnlyStringProperty portalStatusProperty() {
        return portalStatus.getReadOnlyProperty();
    }

    /** True when the portal could not start (port in use, ...). */
    public ReadOnlyBooleanProperty portalProblemProperty() {
        return portalProblem.getReadOnlyProperty();
    }

    private record PortalStarted(String url, int port, Exception failure) {
    }

    // ----- end -----
}
