package org.memberdesk.service;

import java.time.Clock;
import java.util.Map;
import org.memberdesk.mail.BouncePoller;
import org.memberdesk.mail.BounceSettingsStore;
import org.memberdesk.mail.DemoMailServer;
import org.memberdesk.mail.DemoMailbox;
import org.memberdesk.mail.Dispatcher;
import org.memberdesk.mail.EmailComposer;
import org.memberdesk.mail.MailSettingsStore;
import org.memberdesk.mail.Outbox;
import org.memberdesk.mail.PortalLinks;
import org.memberdesk.mail.SecretBox;
import org.memberdesk.persistence.Database;
import org.memberdesk.persistence.StorageProblem;
import org.memberdesk.service.activity.ActivityService;
import org.memberdesk.service.communities.CommunityService;
import org.memberdesk.service.contacts.AddressChange;
import org.memberdesk.service.contacts.ContactService;
import org.memberdesk.service.credentials.CredentialService;
import org.memberdesk.service.credentials.IdentityChecks;
import org.memberdesk.service.credentials.SignInLinks;
import org.memberdesk.service.credentials.Tokens;
import org.memberdesk.service.demo.DemoData;
import org.memberdesk.service.demo.DemoInboxService;
import org.memberdesk.service.diagnostics.DiagnosticsService;
import org.memberdesk.service.email.EmailService;
import org.memberdesk.service.email.EmailTemplates;
import org.memberdesk.service.email.StoredTemplates;
import org.memberdesk.service.email.MailSettingsService;
import org.memberdesk.service.email.OutboxProblems;
import org.memberdesk.service.email.Pace;
import org.memberdesk.service.importing.ContactImport;
import org.memberdesk.service.live.LiveChanges;
import org.memberdesk.service.offers.OfferService;
import org.memberdesk.service.portal.BrandingService;
import org.memberdesk.service.portal.PortalAuthService;
import org.memberdesk.service.portal.PortalSiteService;
import org.memberdesk.service.storage.BackupService;
import org.memberdesk.service.storage.DataDirectory;
import org.memberdesk.service.storage.DatabaseChoice;
import org.memberdesk.service.workflow.TriggerLog;
import org.memberdesk.service.workflow.WorkflowEngine;
import org.memberdesk.service.workflow.WorkflowService;
import org.memberdesk.service.workflow.WorkflowSteps;

/**
 * The back end of one data directory, wired once: the database and every use case. The console,
 * the command line and the portal each open one and call only what is here.
 */
public final class Services implements AutoCloseable {

    /** The file next to the database holding the key that encrypts stored secrets (the SMTP password). */
    public static final String SECRET_KEY_FILE = "secret.key";

    private final DataDirectory dataDirectory;
    private final Clock clock;
    private final Database database;
    private final Transactions transactions;
    private final AuditLog audit;
    private final ContactService contacts;
    private final OfferService offers;
    private final DemoData demo;
    private final CommunityService communities;

    private final PortalLinks portalLinks;
    private final MailSettingsStore mailSettingsStore;
    private final EmailComposer composer;
    private final Outbox outbox;
    private final DemoMailServer demoMailServer;
    private final Dispatcher dispatcher;
    private final BouncePoller bouncePoller;
    private final EmailService emails;
    private final OutboxProblems outboxProblems;
    private final MailSettingsService mailSettings;
    private final DemoInboxService demoInbox;
    private final CredentialService credentials;
    private final IdentityChecks identityChecks;
    private final SignInLinks signInLinks;
    private final PortalAuthService portalAuth;
    private final PortalSiteService portalSite;
    private final BrandingService branding;
    private final EmailTemplates emailTemplates;
    private final TriggerLog triggers;
    private final WorkflowService workflows;
    private final DiagnosticsService diagnostics;
    private final ActivityService activity;
    private final ContactImport contactImport;
    private final LiveChanges liveChanges;

    private Services(DataDirectory dataDirectory, Clock clock, Database database, Map<String, String> env) {
        this.dataDirectory = dataDirectory;
        this.clock = clock;
        this.database = database;
        this.transactions = new Transactions(database);
        this.audit = new AuditLog(transactions, clock);
        this.triggers = new TriggerLog();
        this.offers = new OfferService(transactions, audit, clock, triggers);
        this.communities = new CommunityService(transactions, audit, clock);

        this.portalLinks = new PortalLinks(env);
        SecretBox secrets = new SecretBox(dataDirectory.root().resolve(SECRET_KEY_FILE));
        this.mailSettingsStore = new MailSettingsStore(secrets, env);
        BounceSettingsStore bounceSettings = new BounceSettingsStore(secrets);
        StoredTemplates storedTemplates = new StoredTemplates(transactions);
        this.composer = new EmailComposer(clock, storedTemplates);
        this.outbox = new Outbox(clock);
        this.demoMailServer = new DemoMailServer(dataDirectory.demoMailbox(), clock);
        this.dispatcher = new Dispatcher(database, clock, mailSettingsStore, portalLinks, Tokens::mint,
                demoMailServer, bounceSettings, Dispatcher.Policy.DEFAULT);
        this.bouncePoller = new BouncePoller(database, bounceSettings);
        outbox.onQueued(dispatcher::signal);
        this.contacts = new ContactService(transactions, audit, clock, triggers,
                new AddressChange(audit, clock, outbox, composer));
        this.emails = new EmailService(transactions, audit, clock, outbox, dispatcher, bouncePoller,
                portalLinks);
        this.outboxProblems = new OutboxProblems(transactions, clock, emails, Pace.sleeping(clock));
        this.mailSettings = new MailSettingsService(transactions, audit, clock, mailSettingsStore, portalLinks,
                composer, demoMailServer, bounceSettings, bouncePoller::signal);
        this.demo = new DemoData(transactions, clock, composer, portalLinks);
        this.credentials = new CredentialService(transactions, audit, clock, outbox, composer, portalLinks);
        this.identityChecks = new IdentityChecks(transactions, audit, clock, outbox, composer);
        this.signInLinks = new SignInLinks(transactions, audit, clock, credentials);
        this.portalAuth = new PortalAuthService(transactions, audit, clock, credentials, triggers);
        this.portalSite = new PortalSiteService(transactions, audit, clock, portalLinks, env);
        this.branding = new BrandingService(transactions, audit, clock);
        this.emailTemplates = new EmailTemplates(transactions, audit, clock, composer, storedTemplates, portalLinks);
        this.demoInbox = new DemoInboxService(new DemoMailbox(dataDirectory.demoMailbox()));
        WorkflowEngine engine = new WorkflowEngine(transactions, clock, audit,
                new WorkflowSteps(audit, credentials, triggers, clock), PortalAuthService.MEMBERSHIP_FAILURES,
                WorkflowEngine.Policy.DEFAULT);
        triggers.onRecorded(engine::signal);
        this.workflows = new WorkflowService(transactions, audit, clock, contacts, engine);
        workflows.installDefault();
        this.diagnostics = new DiagnosticsService(transactions, clock, contacts, credentials, emails);
        this.activity = new ActivityService(transactions);
        this.contactImport = new ContactImport(transactions, clock);
        this.liveChanges = new LiveChanges(database.changeFeed());
        // An import that died (crash, killed process) left a hidden batch: remove it now.
        contactImport.cleanUpAbandoned();
    }

    /** Opens (creating and migrating when needed) the database of a data directory. */
    public static Services open(DataDirectory dataDirectory, Clock clock) {
        return open(dataDirectory, clock, System.getenv());
    }

    /** As {@link #open(DataDirectory, Clock)}, with the environment (MEMBERDESK_SMTP_*, MEMBERDESK_PORTAL_URL). */
    public static Services open(DataDirectory dataDirectory, Clock clock, Map<String, String> env) {
        dataDirectory.ensureExists();
        Database database;
        try {
            database = Database.open(DatabaseChoice.of(dataDirectory, env));
        } catch (StorageProblem e) {
            throw Transactions.failure(e);
        }
        try {
            return new Services(dataDirectory, clock, database, env);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    public DataDirectory dataDirectory() {
        return dataDirectory;
    }

    /**
     * Why the database can no longer be used, in one sentence: its file was deleted, emptied or
     * replaced since it was opened. Cheap: the file is looked at about once a second at most.
     */
    public java.util.Optional<String> storageProblem() {
        return database.storageProblem().map(RuntimeException::getMessage);
    }

    /**
     * "Database unreachable, retrying": while the shared server cannot be reached, why, in one line.
     * Empty on SQLite and while all is well; cheap to ask often.
     */
    public java.util.Optional<String> databaseUnreachable() {
        return database.unreachable().map(RuntimeException::getMessage);
    }

    /** True on a team's shared PostgreSQL server, false on this data directory's SQLite file. */
    public boolean sharedDatabase() {
        return database.shared();
    }

    /** What a person is shown of the database in use: the SQLite file, or the server's URL without secrets. */
    public String databaseShown() {
        return database.target().shown();
    }

    public Clock clock() {
        return clock;
    }

    public Transactions transactions() {
        return transactions;
    }

    public AuditLog audit() {
        return audit;
    }

    public ContactService contacts() {
        return contacts;
    }

    public OfferService offers() {
        return offers;
    }

    public CredentialService credentials() {
        return credentials;
    }

    /** Magic-link sign-in: the setting, and the links agents and the portal send. */
    public SignInLinks signInLinks() {
        return signInLinks;
    }

    /** Which changes need the caller verified, and the code emailed to check them. */
    public IdentityChecks identityChecks() {
        return identityChecks;
    }

    /** Client Portal sign-in, sessions and Forgot Password. */
    public PortalAuthService portalAuth() {
        return portalAuth;
    }

    /** Client Portal branding, public address and a signed-in contact's home page. */
    public PortalSiteService portalSite() {
        return portalSite;
    }

    /** The business's name, sender name, logo, accent colour and support address (Settings → Branding). */
    public BrandingService branding() {
        return branding;
    }

    /** The emails the business words itself (Settings → Emails, {@code templates ...}). */
    public EmailTemplates emailTemplates() {
        return emailTemplates;
    }

    public CommunityService communities() {
        return communities;
    }

    public DemoData demo() {
        return demo;
    }

    /** Email History, retry, login details, outbox runs and delivery progress. */
    public EmailService emails() {
        return emails;
    }

    /** Failed and retrying emails across contacts, and retrying them in bulk. */
    public OutboxProblems outboxProblems() {
        return outboxProblems;
    }

    /** SMTP settings, portal URL, demo mode and the test email. */
    public MailSettingsService mailSettings() {
        return mailSettings;
    }

    /** Workflows: the editor's and the run log's calls, and the engine ({@code runDue}, {@code start}). */
    public WorkflowService workflows() {
        return workflows;
    }

    /** "Why can't they log in?": findings with one-click fixes. */
    public DiagnosticsService diagnostics() {
        return diagnostics;
    }

    /** The Activity view: the audit log, filtered, paged and exported. */
    public ActivityService activity() {
        return activity;
    }

    /** Contacts and grants from CSV: preview, then import in short chunks, all or nothing. */
    public ContactImport contactImport() {
        return contactImport;
    }

    /** What anyone commits to this database, soon after: the console's windows follow it. */
    public LiveChanges liveChanges() {
        return liveChanges;
    }

    /** Backups of this data directory's database (File → Back up…). */
    public BackupService backups() {
        return new BackupService(dataDirectory, database.target());
    }

    /** "Inbox (demo)". */
    public DemoInboxService demoInbox() {
        return demoInbox;
    }

    // The mail building blocks, for tests that queue email the way the feature services do:
    // compose with composer(), queue with outbox() in the same transaction. The layering keeps
    // the console, the command line and the portal away from them.

    public EmailComposer composer() {
        return composer;
    }

    public Outbox outbox() {
        return outbox;
    }

    public PortalLinks portalLinks() {
        return portalLinks;
    }

    public Dispatcher dispatcher() {
        return dispatcher;
    }

    @Override
    public void close() {
        workflows.close();
        bouncePoller.close();
        dispatcher.close();
        demoMailServer.close();
        database.close();
    }
}
