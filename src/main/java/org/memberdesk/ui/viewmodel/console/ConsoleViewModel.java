package org.memberdesk.ui.viewmodel.console;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.memberdesk.service.ContactPreview;
import org.memberdesk.service.ContactService;
import org.memberdesk.service.DataDirectory;
import org.memberdesk.service.Services;
import org.memberdesk.ui.common.BackgroundExecutor;
import org.memberdesk.ui.common.DialogService;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.viewmodel.DisplayTime;
import org.memberdesk.ui.viewmodel.Failures;
import org.memberdesk.ui.viewmodel.contact.ContactViewModel;
import org.memberdesk.ui.viewmodel.contact.ContactWindows;
import org.memberdesk.ui.viewmodel.mail.MailViewModel;

/**
 * The main window: opens the database in the background, offers demo data for an empty one,
 * then serves the contact search, opens contacts in their own windows and hands the open database
 * to the mail side (background delivery, demo banner, outbox status).
 */
public final class ConsoleViewModel {

    /** Where the console is in its start-up. */
    public enum Phase { OPENING, LOADING_DEMO, READY, FAILED }

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
    private boolean closed;

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
        search.showPreview(page.get().contacts());
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
        String reason = Failures.describe(failure, messages);
        phase.set(Phase.FAILED);
        progressText.set(messages.get("console.openFailed", reason));
        statusMessage.set(messages.get("console.openFailed", reason));
        dialogs.showError(messages.get("console.openFailed.title"), messages.get("console.openFailed", reason));
    }

    private void offerDemoData() {
        boolean load = dialogs.confirm(messages.get("demo.title"), messages.get("demo.question"),
                messages.get("demo.details"), messages.get("demo.load"), messages.get("demo.startEmpty"));
        if (!load) {
            ready(0, false, messages.get("console.startedEmpty"));
            return;
        }
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
        contactCount.set(messages.get("console.contactCount", contacts));
        demoData.set(demo);
        statusMessage.set(status);
        progressText.set("");
        phase.set(Phase.READY);
        search.connect(services.contacts());
        mail.connect(services, time);
        ContactRow waiting = openWhenReady;
        openWhenReady = null;
        if (openSelectedWhenReady) {
            openSelectedWhenReady = false;
            openSelected();
        } else if (waiting != null) {
            open(waiting);
        }
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
        search.disconnect();
        mail.close();
        Services current = services;
        services = null;
        if (current != null) {
            executor.submit(() -> {
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

    // ===== issue 4 (contacts, FAQ) commands below =====

    // ----- spacer -----

    // ===== issue 6 (workflows) commands below =====

    // ----- spacer -----

    // ===== issue 7 (diagnose, activity, import) commands below =====

    // ----- spacer -----

    // ===== issues 5 and 8 (shell) commands below =====

    // ----- end -----
}
