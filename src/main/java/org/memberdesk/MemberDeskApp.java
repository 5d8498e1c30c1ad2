package org.memberdesk;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.memberdesk.service.Services;
import org.memberdesk.service.contacts.ContactPreview;
import org.memberdesk.service.contacts.ContactService;
import org.memberdesk.service.storage.ConsolePreferences;
import org.memberdesk.service.storage.DataDirectory;
import org.memberdesk.service.storage.WindowPlacement;
import org.memberdesk.ui.common.FxBackgroundExecutor;
import org.memberdesk.ui.common.FxDialogService;
import org.memberdesk.ui.common.FxFilePicker;
import org.memberdesk.ui.common.FxLinkOpener;
import org.memberdesk.ui.common.FxTextClipboard;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.common.SystemTheme;
import org.memberdesk.ui.view.common.NotifyingLinkOpener;
import org.memberdesk.ui.view.common.ScrollingContent;
import org.memberdesk.ui.view.common.Stylesheets;
import org.memberdesk.ui.view.common.WindowFit;
import org.memberdesk.ui.view.common.Windows;
import org.memberdesk.ui.view.console.ConsoleView;
import org.memberdesk.ui.view.console.MainWindowPlacement;
import org.memberdesk.ui.view.console.ShellStages;
import org.memberdesk.ui.view.contact.ContactStages;
import org.memberdesk.ui.view.help.FaqView;
import org.memberdesk.ui.view.insight.InsightStages;
import org.memberdesk.ui.view.mail.MailStages;
import org.memberdesk.ui.view.workflow.WorkflowStages;
import org.memberdesk.ui.viewmodel.console.ConsoleShell;
import org.memberdesk.ui.viewmodel.console.ConsoleStartup;
import org.memberdesk.ui.viewmodel.console.ConsoleTools;
import org.memberdesk.ui.viewmodel.console.ConsoleViewModel;
import org.slf4j.LoggerFactory;

/**
 * The JavaFX console. The main window shows at once; the database opens in the background while it
 * says so, and the contact list fills when it is ready. While the database is open the outbox is
 * delivered in the background; it stops on exit.
 */
public final class MemberDeskApp extends Application {

    private static volatile DataDirectory launchDirectory;
    private static volatile Map<String, String> launchEnvironment;
    private static volatile CompletableFuture<Optional<ContactPreview.Page>> launchPreview;
    private static volatile CompletableFuture<Optional<WindowPlacement>> launchWindow;

    private final DataDirectory directory;
    private final Clock clock;
    private final Map<String, String> environment;
    private FxBackgroundExecutor executor;
    private ConsoleViewModel console;
    private ContactStages contactStages;
    private MailStages mailStages;
    private WorkflowStages workflowStages;
    private InsightStages insightStages;
    private ShellStages shellStages;
    private LocalPortal portal;
    private MainWindowPlacement placement;
    private ConsoleWindowMemory windowMemory;
    private boolean stopped;

    /** Used by {@link Application#launch}: the data directory and environment given to {@link #launchConsole}. */
    public MemberDeskApp() {
        this(launchDirectory != null ? launchDirectory : DataDirectory.resolve(null), Clock.systemDefaultZone(),
                launchEnvironment != null ? launchEnvironment : System.getenv());
    }

    public MemberDeskApp(DataDirectory directory, Clock clock) {
        this(directory, clock, System.getenv());
    }

    /** With the environment the back end reads (MEMBERDESK_SMTP_*, MEMBERDESK_PORTAL_URL); tests pass their own. */
    public MemberDeskApp(DataDirectory directory, Clock clock, Map<String, String> environment) {
        this.directory = directory;
        this.clock = clock;
        this.environment = Map.copyOf(environment);
    }

    /** Starts the console on a data directory and returns when its last window closes. */
    public static void launchConsole(DataDirectory dataDirectory) {
        launchConsole(dataDirectory, System.getenv());
    }

    /**
     * As {@link #launchConsole(DataDirectory)}, with the environment the back end reads: the command
     * line's, where --database-url stands as MEMBERDESK_DATABASE_URL.
     */
    public static void launchConsole(DataDirectory dataDirectory, Map<String, String> environment) {
        launchDirectory = dataDirectory;
        launchEnvironment = Map.copyOf(environment);
        // Read the first page of contacts (and wake the logger) while the JavaFX toolkit starts.
        launchPreview = CompletableFuture.supplyAsync(() -> {
            LoggerFactory.getILoggerFactory();
            return ContactPreview.firstPage(dataDirectory, environment, ContactService.DEFAULT_SEARCH_LIMIT);
        });
        launchWindow = CompletableFuture.supplyAsync(() -> new ConsolePreferences(dataDirectory).window());
        Application.launch(MemberDeskApp.class);
    }

    @Override
    public void start(Stage stage) {
        // Light and normal-sized until the remembered choices are read (in the background, at once).
        Stylesheets.setDark(false);
        Stylesheets.setPresenter(false);
        Stylesheets.followAllWindows();
        Messages messages = Messages.load();
        executor = new FxBackgroundExecutor();
        windowMemory = new ConsoleWindowMemory(new ConsolePreferences(directory));
        Windows.useMemory(windowMemory);
        contactStages = new ContactStages(messages, () -> stage);
        mailStages = new MailStages(messages, () -> stage);
        // Dialogs belong to the window the agent is working in: a contact window, or else the main one.
        Supplier<Window> workingWindow = () -> Windows.focusedOr(stage);
        FxDialogService dialogs = new FxDialogService(workingWindow);
        shellStages = new ShellStages(messages, () -> stage);
        portal = new LocalPortal();
        workflowStages = new WorkflowStages(messages, () -> stage);
        insightStages = new InsightStages(messages);
        FxTextClipboard clipboard = new FxTextClipboard();
        NotifyingLinkOpener browser = new NotifyingLinkOpener(new FxLinkOpener(getHostServices()), clipboard,
                messages, workingWindow);
        ConsoleShell shell = new ConsoleShell(portal, shellStages, browser, environment, version(),
                SystemTheme::prefersDark);
        ConsoleTools tools = new ConsoleTools(executor, dialogs, messages, contactStages, mailStages, workflowStages,
                insightStages, clipboard, new FxFilePicker(workingWindow));
        Callable<Services> opener = () -> Services.open(directory, clock, environment);
        CompletableFuture<Optional<ContactPreview.Page>> early = launchPreview;
        ConsoleStartup startup = early != null && directory == launchDirectory
                ? new ConsoleStartup(directory, opener, early::get) : ConsoleStartup.of(directory, environment, opener);
        console = new ConsoleViewModel(startup, tools, shell);
        console.appearance().darkProperty().addListener((o, before, dark) -> Stylesheets.setDark(dark));
        console.appearance().presenterProperty().addListener((o, before, on) -> Stylesheets.setPresenter(on));
        ConsoleView view = new ConsoleView(console, messages);

        Scene scene = new Scene(new ScrollingContent(view.root()));
        Stylesheets.apply(scene);
        stage.setScene(scene);
        view.offerAppShortcuts(stage);
        stage.setTitle(messages.get("console.title"));
        Optional<WindowPlacement> remembered = rememberedWindow();
        placement = MainWindowPlacement.place(stage,
                remembered.map(p -> new WindowFit.Box(p.x(), p.y(), p.width(), p.height())),
                remembered.map(WindowPlacement::maximized).orElse(false));
        Stylesheets.decorate(stage);
        stage.setOnCloseRequest(event -> {
            contactStages.closeAll();
            mailStages.closeAll();
            workflowStages.closeAll();
            insightStages.closeAll();
            shellStages.closeAll();
            FaqView.closeIfOpen();
        });
        stage.show();
        // A headless or freshly mapped stage may not get focus by itself.
        stage.requestFocus();
        view.focusSearch();
        if (StartupProbe.requested()) {
            StartupProbe.watch(scene, () -> !console.list().results().isEmpty() && view.searchFocused());
        }
        if (OpenProbe.requested() != null) {
            OpenProbe.watch(scene, () -> !console.list().results().isEmpty() && view.searchFocused(),
                    OpenProbe.requested());
        }
        console.start();
    }

    /** Where the main window was last time: read while the toolkit started, or now for an App made by a test. */
    private Optional<WindowPlacement> rememberedWindow() {
        CompletableFuture<Optional<WindowPlacement>> early = launchWindow;
        try {
            return early != null && directory == launchDirectory ? early.join()
                    : new ConsolePreferences(directory).window();
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /**
     * Remembers where the main window is. At exit, once every window is gone, so the small write
     * freezes nothing, and it is done before a test's data directory is cleaned up.
     */
    private void saveWindow() {
        try {
            WindowFit.Box bounds = placement.normalBounds();
            new ConsolePreferences(directory).saveWindow(new WindowPlacement(bounds.x(), bounds.y(), bounds.width(),
                    bounds.height(), placement.maximized()));
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(MemberDeskApp.class).warn("could not remember the window's place", e);
        }
    }

    @Override
    public void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        if (placement != null) {
            saveWindow();
        }
        if (contactStages != null) {
            contactStages.closeAll();
        }
        if (mailStages != null) {
            mailStages.closeAll();
        }
        if (workflowStages != null) {
            workflowStages.closeAll();
        }
        if (insightStages != null) {
            insightStages.closeAll();
        }
        if (shellStages != null) {
            shellStages.closeAll();
        }
        if (console != null) {
            console.close();
        }
        if (executor != null) {
            executor.close();
        }
        if (windowMemory != null) {
            Windows.useMemory(null);
            windowMemory.close();
        }
        if (portal != null) {
            // Normally stopped by the console's close; this is the backstop when that never ran.
            portal.close();
        }
    }

    /** The console's view model (for the App-level tests). */
    public ConsoleViewModel console() {
        return console;
    }

    /** The portal the console runs (for the App-level tests). */
    public LocalPortal portal() {
        return portal;
    }

    /** The version from the jar manifest (Maven's project version); "dev" when run from classes. */
    public static String version() {
        String version = MemberDeskApp.class.getPackage().getImplementationVersion();
        return version == null || version.isBlank() ? "dev" : version;
    }
}
