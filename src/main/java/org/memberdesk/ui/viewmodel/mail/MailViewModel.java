package org.memberdesk.ui.viewmodel.mail;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.memberdesk.service.Actor;
import org.memberdesk.service.Services;
import org.memberdesk.service.email.EmailService;
import org.memberdesk.ui.common.BackgroundExecutor;
import org.memberdesk.ui.common.DialogService;
import org.memberdesk.ui.common.LinkOpener;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.common.TextClipboard;
import org.memberdesk.ui.viewmodel.DeliveryFeed;
import org.memberdesk.ui.viewmodel.DisplayTime;
import org.memberdesk.ui.viewmodel.Failures;
import org.memberdesk.ui.viewmodel.contact.EmailHistoryViewModel;

/**
 * The mail side of the console: delivers the outbox in the background while the database is open,
 * says when it runs in demo mode (the banner) and what the settings warn about, shows the outbox in
 * the status bar, and opens Inbox (demo), the Email settings and each contact's Email History.
 */
public final class MailViewModel {

    private final BackgroundExecutor executor;
    private final DialogService dialogs;
    private final MailWindows windows;
    private final TextClipboard clipboard;
    private final LinkOpener browser;
    private final Messages messages;
    private final DeliveryFeed feed;
    private final OutboxStatusViewModel outbox;

    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper(this, "connected");
    private final ReadOnlyBooleanWrapper demoMode = new ReadOnlyBooleanWrapper(this, "demoMode");
    private final ObservableList<String> warnings = FXCollections.observableArrayList();
    private final ObservableList<String> warningsView = FXCollections.unmodifiableObservableList(warnings);

    private Services services;
    private DisplayTime time;
    private Supplier<Actor> agent = Actor::localAgent;

    public MailViewModel(BackgroundExecutor executor, DialogService dialogs, MailWindows windows,
                         TextClipboard clipboard, LinkOpener browser, Messages messages) {
        this.executor = executor;
        this.dialogs = dialogs;
        this.windows = windows;
        this.clipboard = clipboard;
        this.browser = browser;
        this.messages = messages;
        this.feed = new DeliveryFeed(executor);
        this.outbox = new OutboxStatusViewModel(executor, messages);
    }

    /**
     * The database is open: start delivering in the background, follow its progress and read the
     * mail mode. Called once, on the UI thread.
     */
    public void connect(Services opened, DisplayTime displayTime) {
        connect(opened, displayTime, Actor::localAgent);
    }

    /** As {@link #connect(Services, DisplayTime)}, with the console's agent (asked each time it acts). */
    public void connect(Services opened, DisplayTime displayTime, Supplier<Actor> currentAgent) {
        this.services = opened;
        this.time = displayTime;
        this.agent = currentAgent;
        EmailService emails = opened.emails();
        feed.connect(emails);
        outbox.connect(emails, feed);
        connected.set(true);
        executor.submit(() -> {
            emails.startBackgroundDelivery();
            return null;
        }, started -> { }, failure -> dialogs.showError(messages.get("mail.deliveryFailed.title"),
                Failures.describe(failure, messages)));
        refreshMode();
    }

    /** Reads demo mode and the settings' warnings again (after the settings changed). */
    public void refreshMode() {
        Services current = services;
        if (current == null) {
            return;
        }
        executor.submit(() -> new Mode(current.mailSettings().demoMode(), current.mailSettings().warnings()),
                mode -> {
                    demoMode.set(mode.demo());
                    warnings.setAll(mode.warnings());
                },
                failure -> warnings.setAll(Failures.describe(failure, messages)));
    }

    public void openDemoInbox() {
        Services current = services;
        if (current == null) {
            return;
        }
        windows.showDemoInbox(() -> new DemoInboxViewModel(current.demoInbox(), feed, executor, browser, messages,
                time));
    }

    public void openSmtpSettings() {
        Services current = services;
        if (current == null) {
            return;
        }
        windows.showSmtpSettings(() -> new SmtpSettingsViewModel(current.mailSettings(), executor, dialogs, messages,
                agent.get(), this::settingsChanged));
    }

    private void settingsChanged() {
        refreshMode();
        outbox.recount();
    }

    /** The Email History of one contact; the contact window loads and closes it. */
    public EmailHistoryViewModel emailHistory(UUID contactId) {
        if (services == null) {
            throw new IllegalStateException("the database is not open yet");
        }
        return new EmailHistoryViewModel(services.emails(), contactId, feed,
                new EmailHistoryViewModel.Tools(executor, dialogs, clipboard, messages, time, agent));
    }

    /** Stops following delivery; the console stops the dispatcher when it closes the database. */
    public void close() {
        connected.set(false);
        outbox.close();
        feed.disconnect();
        services = null;
    }

    public OutboxStatusViewModel outbox() {
        return outbox;
    }

    /** True once the database is open: the mail menu works. */
    public ReadOnlyBooleanProperty connectedProperty() {
        return connected.getReadOnlyProperty();
    }

    /** No SMTP server is configured: every email goes to the demo inbox. */
    public ReadOnlyBooleanProperty demoModeProperty() {
        return demoMode.getReadOnlyProperty();
    }

    /** What the mail settings warn about (a local portal URL with real SMTP, ...); empty when all is well. */
    public ObservableList<String> warnings() {
        return warningsView;
    }

    private record Mode(boolean demo, List<String> warnings) {
    }
}
