package org.memberdesk.ui.viewmodel.console;

import java.util.concurrent.Callable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.memberdesk.service.DataDirectory;
import org.memberdesk.service.Services;
import org.memberdesk.ui.common.BackgroundExecutor;
import org.memberdesk.ui.common.DialogService;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.viewmodel.DisplayTime;
import org.memberdesk.ui.viewmodel.Failures;
import org.memberdesk.ui.viewmodel.contact.ContactViewModel;
import org.memberdesk.ui.viewmodel.contact.ContactWindows;
import org.memberdesk.ui.viewmodel.insight.DiagnoseViewModel;
import org.memberdesk.ui.viewmodel.insight.InsightViewModel;
import org.memberdesk.ui.viewmodel.mail.MailViewModel;

/**
 * The main window: opens the database in the background, offers demo data for an empty one,
 * then serves the contact search, opens contacts in their own windows and hands the open database
 * to the mail side (background delivery, demo banner, outbox status).
 */
public final class ConsoleViewModel {

    /** Where the console is in its start-up. */
    public enum Phase { OPENING, LOADING_DEMO, READY, FAILED }

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
        dataDirectory.set(directory.root().toString());
    }

    /** Opens the database in the background; the window is already showing "Opening database…". */
    public void start() {
        phase.set(Phase.OPENING);
        progressText.set(messages.get("console.opening"));
        statusMessage.set(messages.get("console.opening"));
        executor.submit(() -> Opened.of(opener.call()), this::opened, this::failedToOpen);
    }

    private void opened(Opened opened) {
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
        connectInsight();
    }

    /** Opens the selected contact's window (or brings it to the front), once the list matches what was typed. */
    public void openSelected() {
        search.whenSettled(() -> search.selected().ifPresent(this::open));
    }

    public void open(ContactRow row) {
        Services current = services;
        if (current == null || row == null) {
            return;
        }
        contactWindows.show(row.id(), () -> {
            ContactViewModel contact = new ContactViewModel(current.contacts(), row.id(), row.name(), executor,
                    messages, time, mail.emailHistory(row.id()));
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
        search.disconnect();
        mail.close();
        disconnectInsight();
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
            insight.connect(services, time);
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

    // ===== issues 5 and 8 (shell) commands below =====

    // ----- end -----
}
