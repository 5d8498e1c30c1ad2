package org.memberdesk.ui.viewmodel.mail;

import java.util.List;
import java.util.UUID;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.memberdesk.service.demo.DemoInboxService;
import org.memberdesk.service.email.EmailService;
import org.memberdesk.service.email.MailSettingsService;
import org.memberdesk.ui.common.LinkOpener;
import org.memberdesk.ui.viewmodel.DeliveryFeed;
import org.memberdesk.ui.viewmodel.Failures;
import org.memberdesk.ui.viewmodel.contact.EmailHistoryViewModel;

/**
 * The mail side of an open data directory: says when it runs in demo mode (the banner) and what
 * the settings warn about, shows the outbox in the status bar, and opens Inbox (demo), the Email
 * settings and each contact's Email History. The console session delivers the outbox.
 */
public final class MailViewModel {

    private final EmailService emails;
    private final MailSettingsService settings;
    private final DemoInboxService inbox;
    private final EmailHistoryViewModel.Tools tools;
    private final MailWindows windows;
    private final LinkOpener browser;
    private final DeliveryFeed feed;
    private final OutboxStatusViewModel outbox;

    private final ReadOnlyBooleanWrapper demoMode = new ReadOnlyBooleanWrapper(this, "demoMode");
    private final ObservableList<String> warnings = FXCollections.observableArrayList();
    private final ObservableList<String> warningsView = FXCollections.unmodifiableObservableList(warnings);

    /** Follows delivery at once; {@link #refresh()} reads the mode, the warnings and the counts. */
    public MailViewModel(EmailService emails, MailSettingsService settings, DemoInboxService inbox,
                         EmailHistoryViewModel.Tools tools, MailWindows windows, LinkOpener browser) {
        this.emails = emails;
        this.settings = settings;
        this.inbox = inbox;
        this.tools = tools;
        this.windows = windows;
        this.browser = browser;
        this.feed = new DeliveryFeed(tools.executor(), emails);
        this.outbox = new OutboxStatusViewModel(emails, feed, tools.executor(), tools.messages());
    }

    /** Reads demo mode, the settings' warnings and the outbox counts. */
    public void refresh() {
        refreshMode();
        outbox.recount();
    }

    /** Reads demo mode and the settings' warnings again (after the settings changed). */
    public void refreshMode() {
        tools.executor().submit(() -> new Mode(settings.demoMode(), settings.warnings()),
                mode -> {
                    demoMode.set(mode.demo());
                    warnings.setAll(mode.warnings());
                },
                failure -> warnings.setAll(Failures.describe(failure, tools.messages())));
    }

    public void openDemoInbox() {
        windows.showDemoInbox(() -> new DemoInboxViewModel(inbox, feed, tools.executor(), browser, tools.messages(),
                tools.time()));
    }

    public void openSmtpSettings() {
        windows.showSmtpSettings(() -> new SmtpSettingsViewModel(settings, tools.executor(), tools.dialogs(),
                tools.messages(), tools.time(), tools.agent(), this::settingsChanged,
                new BounceMailboxViewModel(settings, emails, tools.executor(), tools.messages(), tools.agent())));
    }

    private void settingsChanged() {
        refreshMode();
        outbox.recount();
    }

    /** The Email History of one contact; the contact window loads and closes it. */
    public EmailHistoryViewModel emailHistory(UUID contactId) {
        return new EmailHistoryViewModel(emails, contactId, feed, tools);
    }

    /** Stops following delivery; the console session stops the dispatcher when it closes the database. */
    public void close() {
        outbox.close();
        feed.close();
    }

    /** This console's delivery progress, on the UI thread (a Diagnose window follows a fix's email with it). */
    public DeliveryFeed deliveries() {
        return feed;
    }

    public OutboxStatusViewModel outbox() {
        return outbox;
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
