package org.memberdesk.ui.viewmodel.console;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import org.memberdesk.service.Actor;
import org.memberdesk.service.Services;
import org.memberdesk.ui.viewmodel.DisplayTime;
import org.memberdesk.ui.viewmodel.Failures;
import org.memberdesk.ui.viewmodel.contact.ContactBackend;
import org.memberdesk.ui.viewmodel.contact.ContactFormViewModel;
import org.memberdesk.ui.viewmodel.contact.ContactViewModel;
import org.memberdesk.ui.viewmodel.contact.EmailHistoryViewModel;
import org.memberdesk.ui.viewmodel.insight.DiagnoseViewModel;
import org.memberdesk.ui.viewmodel.insight.InsightBackend;
import org.memberdesk.ui.viewmodel.insight.InsightTools;
import org.memberdesk.ui.viewmodel.insight.InsightViewModel;
import org.memberdesk.ui.viewmodel.mail.MailViewModel;
import org.memberdesk.ui.viewmodel.mail.BrandingViewModel;
import org.memberdesk.ui.viewmodel.mail.EmailTemplatesViewModel;
import org.memberdesk.ui.viewmodel.mail.LoginEmailsViewModel;
import org.memberdesk.ui.viewmodel.mail.OutboxProblemsViewModel;
import org.memberdesk.ui.viewmodel.mail.SignInSettingsViewModel;
import org.memberdesk.ui.viewmodel.workflow.ManualRunViewModel;
import org.memberdesk.ui.viewmodel.workflow.WorkflowsViewModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open data directory in the console. Built once the database is open: it builds the feature
 * view models (search, mail, insight, backup, contact windows, workflows) with the services each
 * needs, starts mail delivery, the workflow engine and the portal, and closes all of it as one
 * unit, the database last. Reset demo closes a session and opens a new one.
 */
public final class ConsoleSession {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleSession.class);
    /** The latest start of the background services when a contact was asked for at start. */
    static final Duration SERVICES_LATEST = Duration.ofSeconds(5);
    /** After the first contact's card: time for its window to lay out before the services start. */
    static final Duration SERVICES_AFTER_CONTACT = Duration.ofMillis(300);

    private final Services services;
    private final ConsoleTools tools;
    private final ConsoleStatus status;
    private final ContactList list;
    private final Supplier<Actor> agent;
    private final DisplayTime time;
    private final ContactBackend contacts;
    private final ContactSearchViewModel search;
    private final MailViewModel mail;
    private final InsightViewModel insight;
    private final BackupViewModel backup;
    private final ConsolePortal portal;
    private final StartStopOrder order = new StartStopOrder();
    private final ReadOnlyBooleanWrapper workflowsReady = new ReadOnlyBooleanWrapper(this, "workflowsReady");
    private final LiveViews live;
    private final DatabaseWatch databaseWatch;
    private volatile Runnable unsubscribe = () -> { };
    private volatile boolean closed;
    private boolean servicesStarted;
    private boolean servicesWaitForContact;
    /** The status bar's mail counts and the read after subscribing wait for the deferred services. */
    private boolean readsWaitForServices;
    private boolean subscribedBeforeServices;

    ConsoleSession(Services services, ContactList list, ConsoleStatus status, ConsoleTools tools, ConsoleShell shell,
                   Supplier<Actor> agent) {
        this.services = services;
        this.tools = tools;
        this.status = status;
        this.list = list;
        this.agent = agent;
        this.time = new DisplayTime(services.clock().getZone(), tools.messages().locale());
        this.contacts = ContactBackend.of(services);
        this.search = new ContactSearchViewModel(services.contacts(), list, tools.executor(), tools.messages());
        this.mail = new MailViewModel(services.emails(), services.mailSettings(), services.demoInbox(),
                new EmailHistoryViewModel.Tools(tools.executor(), tools.dialogs(), tools.clipboard(), tools.messages(),
                        time, agent), tools.mail(), shell.browser());
        this.insight = new InsightViewModel(InsightBackend.of(services), new InsightTools(tools.executor(), tools.dialogs(),
                tools.files(), tools.messages(), time, agent), tools.insight(), mail.deliveries());
        this.backup = new BackupViewModel(services.backups(), services.clock(), status, tools.executor(),
                tools.dialogs(), tools.messages());
        this.portal = new ConsolePortal(services, shell, tools, agent, order);
        this.live = new LiveViews(tools, this::contactsChanged, mail::refresh);
        this.databaseWatch = new DatabaseWatch(services::databaseUnreachable, tools.executor(), status, tools.messages());
    }

    /**
     * Shows what the data directory holds and starts mail delivery, the workflow engine and the portal.
     * With {@code contactAsked} (the agent pressed Enter on a contact while the database opened), those
     * three start once that contact's window has read its card, or after {@link #SERVICES_LATEST}: on a
     * two-core desk their start (the portal's web server and its password hashing) would otherwise
     * compete with building the first window the agent waits for; so would the status bar's mail
     * counts, which wait for them too.
     */
    void start(boolean contactAsked) {
        if (!contactAsked) {
            warmUpContactReads();
            mail.refresh();
        }
        search.refresh();
        if (contactAsked) {
            servicesWaitForContact = true;
            readsWaitForServices = true;
            tools.executor().schedule(SERVICES_LATEST, this::startServices);
        } else {
            startServices();
        }
        if (services.sharedDatabase()) {
            databaseWatch.start();
        }
        // in order with the stop: a close that overtakes this leaves no reader on the closed database
        tools.executor().submit(() -> order.start(() -> services.liveChanges().subscribe(
                changes -> tools.executor().publish(() -> {
                    if (!closed) {
                        live.show(changes);
                    }
                }))), this::subscribed, failure -> LOG.warn("the console will not follow changes", failure));
    }

    /** Once: mail delivery, the workflow engine and the portal. */
    private void startServices() {
        if (servicesStarted || closed) {
            return;
        }
        servicesStarted = true;
        if (readsWaitForServices) {
            readsWaitForServices = false;
            if (subscribedBeforeServices) {
                refresh();
            } else {
                mail.refresh();
            }
        }
        tools.executor().submit(() -> order.start(() -> {
            services.emails().startBackgroundDelivery();
            return null;
        }), started -> { }, failure -> showError("mail.deliveryFailed.title", failure));
        tools.executor().submit(() -> order.start(() -> {
            services.workflows().start();
            return null;
        }), started -> workflowsReady.set(!closed), failure -> showError("workflows.engineFailed.title", failure));
        portal.start(null);
    }

    /**
     * A contact window's reads compile their queries on first use, once per database: done here for
     * the first contact listed, before the background services start, so the first contact the agent
     * opens reads as fast as the next one.
     */
    private void warmUpContactReads() {
        List<ContactRow> rows = List.copyOf(list.results());
        if (rows.isEmpty()) {
            return;
        }
        UUID id = rows.get(0).id();
        tools.executor().submit(() -> order.start(() -> {
            services.contacts().card(id);
            services.emails().list(id).stream().findFirst().ifPresent(email -> services.emails().detail(email.id()));
            return null;
        }), done -> { }, failure -> LOG.debug("contact reads not warmed up", failure));
    }

    /** "Database unreachable, retrying" while a shared server is away; nothing to watch on SQLite. */
    public ReadOnlyStringProperty databaseProblemProperty() {
        return databaseWatch.problemProperty();
    }

    private void subscribed(Runnable stop) {
        if (stop == null) {
            return;
        }
        unsubscribe = stop;
        if (closed) {
            stop.run();
        } else if (readsWaitForServices) {
            subscribedBeforeServices = true; // read again when the services start
        } else {
            // what was committed between the first reads and the subscription
            refresh();
        }
    }

    private void showError(String titleKey, Exception failure) {
        tools.dialogs().showError(tools.messages().get(titleKey), Failures.describe(failure, tools.messages()));
    }

    /** Stops everything the session started and closes the database, in the background. */
    public void close() {
        close(() -> null, done -> { }, failed -> { });
    }

    /**
     * As {@link #close()}, then runs {@code afterwards} in the same background task, once the
     * database is closed (Reset demo opens it again there), and hands its outcome to the UI thread.
     */
    <T> void close(Callable<T> afterwards, Consumer<? super T> done, Consumer<? super Exception> failed) {
        if (closed) {
            return;
        }
        closed = true;
        databaseWatch.stop();
        unsubscribe.run();
        closeWindows();
        workflowsReady.set(false);
        portal.detach();
        search.close();
        mail.close();
        tools.executor().submit(() -> {
            order.stop(() -> {
                stopQuietly("workflow engine", services.workflows()::stop);
                stopQuietly("portal", portal::stop);
                stopQuietly("mail delivery", services.emails()::stopBackgroundDelivery);
                stopQuietly("database", services::close);
            });
            return afterwards.call();
        }, done, failed);
    }

    /** The windows this session's view models opened would otherwise talk to a closed database. */
    private void closeWindows() {
        tools.contacts().closeAll();
        tools.mail().closeAll();
        tools.workflows().closeAll();
        tools.insight().closeAll();
    }

    /** One part failing to stop must not keep the others (and the database) running. */
    private static void stopQuietly(String part, Runnable stop) {
        try {
            stop.run();
        } catch (RuntimeException e) {
            LOG.warn("could not stop the {}", part, e);
        }
    }

    /**
     * View → Refresh (F5) in the main window: the contact list (the selected contact stays), the
     * contact count and the outbox counts are read again.
     */
    public void refresh() {
        if (!closed) {
            contactsChanged();
            mail.refresh();
        }
    }

    /** The status bar's failed count: Outbox problems, the failed and retrying emails over every contact. */
    public void openOutboxProblems() {
        tools.mail().showOutboxProblems(() -> new OutboxProblemsViewModel(services.outboxProblems(),
                new OutboxProblemsViewModel.Tools(tools.executor(), tools.dialogs(), tools.messages(), time,
                        services.clock(), agent, (id, name, email) -> open(new ContactRow(id, name, email, "")))));
    }

    /** Settings → Emails: the template editor with its live preview. */
    public void openEmailTemplates() {
        tools.mail().showEmailTemplates(() -> new EmailTemplatesViewModel(services.emailTemplates(),
                services.offers(), new EmailTemplatesViewModel.Tools(tools.executor(), tools.messages(), agent.get())));
    }

    /** Settings → Branding: business name, sender name, logo, accent colour and support address. */
    public void openBranding() {
        tools.mail().showBranding(() -> new BrandingViewModel(services.branding(),
                new EmailTemplatesViewModel.Tools(tools.executor(), tools.messages(), agent.get())));
    }

    /** Settings → Portal sign-in: magic links, and which changes need the caller verified. */
    public void openSignInSettings() {
        tools.mail().showSignInSettings(() -> new SignInSettingsViewModel(services.signInLinks(),
                services.identityChecks(), new EmailTemplatesViewModel.Tools(tools.executor(), tools.messages(),
                        agent.get())));
    }

    /**
     * Send login email… on the contact list: several chosen contacts; else everyone the current
     * search finds (without the list's 50-row limit); else the one selected.
     */
    public void sendLoginEmails(List<ContactRow> chosen) {
        List<String> emails = chosen.stream().map(ContactRow::email).toList();
        String query = list.typed().trim();
        boolean onSearch = emails.size() < 2 && !query.isEmpty();
        String described = onSearch ? tools.messages().get("loginEmails.search", query)
                : tools.messages().get("loginEmails.chosen", emails.size());
        tools.mail().showLoginEmails(() -> new LoginEmailsViewModel(services.signInLinks(),
                new EmailTemplatesViewModel.Tools(tools.executor(), tools.messages(), agent.get()),
                () -> onSearch ? services.contacts().find(query, Integer.MAX_VALUE).stream().map(c -> c.email()).toList()
                        : emails,
                described));
    }

    /** Opens the contact's window (or brings it to the front). */
    public void open(ContactRow row) {
        tools.contacts().show(row.id(), () -> {
            ContactViewModel contact = new ContactViewModel(contacts, tools.contacts(), row.id(), row.name(),
                    mail.emailHistory(row.id()), new ContactViewModel.Hooks(search::refresh, this::diagnose));
            contact.load();
            if (servicesWaitForContact && !servicesStarted) {
                servicesWaitForContact = false;
                startServicesOnceRead(contact);
            }
            return contact;
        });
    }

    private void startServicesOnceRead(ContactViewModel contact) {
        if (!contact.loadingProperty().get()) {
            tools.executor().schedule(SERVICES_AFTER_CONTACT, this::startServices);
            return;
        }
        contact.loadingProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> o, Boolean before, Boolean loading) {
                if (!loading) {
                    o.removeListener(this);
                    tools.executor().schedule(SERVICES_AFTER_CONTACT, ConsoleSession.this::startServices);
                }
            }
        });
    }

    private void diagnose(ContactViewModel contact) {
        insight.diagnose(contact.contactId(), contact.nameProperty().get(), new DiagnoseViewModel.ContactHooks() {
            @Override
            public void reload() {
                contact.load();
            }

            @Override
            public void showOffers() {
                contact.showOffers();
            }

            @Override
            public void editContact() {
                contact.actions().editContact();
            }

            @Override
            public void editContact(String proposedEmail) {
                contact.actions().editContact(proposedEmail);
            }
        });
    }

    /** File → New contact: the form; once saved, the contact's window opens and the list is read again. */
    public void newContact() {
        tools.contacts().showContactForm(null, ContactFormViewModel.create(services.contacts(), tools.executor(),
                tools.messages(), agent.get(), saved -> {
                    status.popUp(tools.messages().get("console.contactAdded", saved.name(), saved.email()));
                    contactsChanged();
                    open(new ContactRow(saved.id(), saved.name(), saved.email(), String.join(", ", saved.tags())));
                }));
    }

    /** File → Import contacts: afterwards the contact list and count are read again. */
    public void importContacts() {
        insight.openImport(this::contactsChanged);
    }

    private void contactsChanged() {
        tools.executor().submit(services.contacts()::count, status::showContactCount, failure -> { });
        search.refresh();
    }

    /** View → Workflows: the list, the run log, the editor and Test on contact. */
    public void openWorkflows() {
        tools.workflows().showWorkflows(() -> new WorkflowsViewModel(services.workflows(), services.offers(),
                tools.executor(), tools.dialogs(), tools.workflows(), tools.messages(), time, agent.get()));
    }

    /**
     * Run workflow… on the contact list: a Manual workflow on the chosen contacts, or on everyone the
     * current search finds (the saved search). The list is searched again when the run is over.
     */
    public void runWorkflow(List<ContactRow> chosen) {
        List<String> emails = chosen.stream().map(ContactRow::email).toList();
        String query = list.typed();
        tools.workflows().showManualRun(() -> new ManualRunViewModel(services.workflows(), tools.executor(),
                tools.messages(), agent.get(), emails, query, search::refresh));
    }

    /** True while the workflow engine runs: the Workflows menu works. */
    public ReadOnlyBooleanProperty workflowsReadyProperty() {
        return workflowsReady.getReadOnlyProperty();
    }

    public ContactSearchViewModel search() {
        return search;
    }

    public MailViewModel mail() {
        return mail;
    }

    public InsightViewModel insight() {
        return insight;
    }

    public BackupViewModel backup() {
        return backup;
    }

    public ConsolePortal portal() {
        return portal;
    }
}
