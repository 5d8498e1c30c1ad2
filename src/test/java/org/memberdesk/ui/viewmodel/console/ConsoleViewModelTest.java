package org.memberdesk.ui.viewmodel.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.memberdesk.service.Services;
import org.memberdesk.service.storage.ConsolePreferences;
import org.memberdesk.service.storage.DataDirectory;
import org.memberdesk.testsupport.TestServices;
import org.memberdesk.ui.common.RecordingDialogService;
import org.memberdesk.ui.common.RecordingLinkOpener;
import org.memberdesk.ui.viewmodel.DemoDirectory;
import org.memberdesk.ui.viewmodel.RecordingContactWindows;
import org.memberdesk.ui.viewmodel.TestConsoles;
import org.memberdesk.ui.viewmodel.console.ConsoleViewModel.Phase;
import org.memberdesk.ui.viewmodel.contact.ContactViewModel;
import org.memberdesk.ui.viewmodel.mail.MailViewModel;
import org.memberdesk.ui.viewmodel.mail.SmtpSettingsViewModel;

/**
 * The console on a real data directory: start-up, first page, demo data, the welcome, opening
 * contacts, agent name, Reset demo and Help.
 */
class ConsoleViewModelTest extends ConsoleCase {

    final RecordingShellWindows shellWindows = new RecordingShellWindows();
    final RecordingLinkOpener browser = new RecordingLinkOpener();

    private ConsoleViewModel console(RecordingDialogService dialogs) {
        console = TestConsoles.console(dir, clock, TestConsoles.tools(executor, dialogs, messages, windows, mailWindows));
        return console;
    }

    /** With the shell: portal, welcome windows, MEMBERDESK_AGENT. */
    private ConsoleViewModel welcomingConsole(RecordingDialogService dialogs) {
        ConsoleShell shell = new ConsoleShell(portal, shellWindows, browser, Map.of("MEMBERDESK_AGENT", "desk-7"),
                "1.2.3", () -> false);
        console = TestConsoles.console(dir, () -> TestServices.open(dir, clock),
                TestConsoles.tools(executor, dialogs, messages, windows, mailWindows), shell);
        return console;
    }

    @Test
    void anEmptyDataDirectoryAsksForDemoDataAndLoadsItInTheBackground() {
        RecordingDialogService dialogs = RecordingDialogService.accepting();
        ConsoleViewModel console = console(dialogs);
        assertThat(console.dataDirectory()).isEqualTo(dir.toString());

        console.start();

        assertThat(dialogs.asked()).singleElement().satisfies(asked -> {
            assertThat(asked.acceptLabel()).isEqualTo("Load demo data");
            assertThat(asked.declineLabel()).isEqualTo("Start empty");
        });
        assertThat(console.phaseProperty().get()).isEqualTo(Phase.READY);
        long contacts = console.list().results().size();
        assertThat(console.status().notificationProperty().get()).matches("Loaded \\d+ demo contacts\\.");
        assertThat(console.status().messageProperty().get()).isEqualTo(console.status().notificationProperty().get());
        assertThat(console.status().contactCountProperty().get()).matches("\\d+ contacts");
        assertThat(console.demoDataProperty().get()).isTrue();
        assertThat(contacts).isGreaterThan(40);
        assertThat(dialogs.errors()).isEmpty();

        console.status().dismissNotification();
        assertThat(console.status().notificationProperty().get()).isEmpty();
    }

    @Test
    void startingEmptyLoadsNothing() {
        RecordingDialogService dialogs = RecordingDialogService.declining();
        ConsoleViewModel console = console(dialogs);

        console.start();

        assertThat(dialogs.asked()).hasSize(1);
        assertThat(console.phaseProperty().get()).isEqualTo(Phase.READY);
        assertThat(console.status().contactCountProperty().get()).isEqualTo("No contacts");
        assertThat(console.list().results()).isEmpty();
        assertThat(console.list().emptyTextProperty().get()).isEqualTo("No contacts yet.");
        assertThat(console.demoDataProperty().get()).isFalse();
    }

    @Test
    void aDataDirectoryWithContactsOpensWithoutAsking() {
        try (Services seeded = DemoDirectory.seeded(dir, clock)) {
            assertThat(seeded.contacts().count()).isPositive();
        }
        RecordingDialogService dialogs = RecordingDialogService.accepting();
        ConsoleViewModel console = console(dialogs);

        console.start();

        assertThat(dialogs.asked()).isEmpty();
        assertThat(console.phaseProperty().get()).isEqualTo(Phase.READY);
        assertThat(console.status().messageProperty().get()).isEqualTo("Ready");
        assertThat(console.list().results()).hasSizeGreaterThan(40);
    }

    @Test
    void showsOpeningDatabaseUntilTheBackgroundOpenFinishes() {
        executor.holdWork();
        ConsoleViewModel console = console(RecordingDialogService.declining());

        console.start();

        assertThat(console.phaseProperty().get()).isEqualTo(Phase.OPENING);
        assertThat(console.progressTextProperty().get()).isEqualTo("Opening database\u2026");
        executor.runHeldWork(); // looks for a first page to show: none in a new directory
        assertThat(console.phaseProperty().get()).isEqualTo(Phase.OPENING);
        executor.runHeldWork(); // opens the database
        assertThat(console.phaseProperty().get()).isEqualTo(Phase.READY);
        assertThat(console.progressTextProperty().get()).isEmpty();
    }

    @Test
    void aDatabaseThatCannotBeOpenedIsReported() {
        RecordingDialogService dialogs = RecordingDialogService.accepting();
        console = TestConsoles.console(dir, () -> {
            throw new IllegalStateException("disk on fire");
        }, TestConsoles.tools(executor, dialogs, messages, windows, mailWindows), ConsoleShell.none());

        console.start();

        assertThat(console.phaseProperty().get()).isEqualTo(Phase.FAILED);
        assertThat(console.progressTextProperty().get()).contains("could not be opened").contains("disk on fire");
        assertThat(dialogs.errors()).singleElement()
                .satisfies(error -> assertThat(error.message()).contains("disk on fire"));
    }

    @Test
    void enterOpensTheSelectedContactInItsOwnWindow() {
        try (Services seeded = DemoDirectory.seeded(dir, clock)) {
            assertThat(seeded.contacts().count()).isPositive();
        }
        ConsoleViewModel console = console(RecordingDialogService.accepting());
        console.start();
        console.list().queryProperty().set("dana");

        console.openSelected();

        assertThat(windows.shown).singleElement().satisfies(model -> {
            assertThat(model.nameProperty().get()).isEqualTo("Dana Whitfield");
            assertThat(model.emailProperty().get()).isEqualTo("dana.whitfield@example.com");
            assertThat(model.loadingProperty().get()).isFalse();
        });
        assertThat(windows.ids).containsExactly(console.list().selected().orElseThrow().id());
    }

    @Test
    void enterRightAfterTypingOpensTheNewMatchNotTheOldSelection() {
        try (Services seeded = DemoDirectory.seeded(dir, clock)) {
            assertThat(seeded.contacts().count()).isPositive();
        }
        executor.holdTimers();
        ConsoleViewModel console = console(RecordingDialogService.accepting());
        console.start();
        assertThat(console.list().selected()).map(ContactRow::name).contains("Aisha Rahman");

        console.list().queryProperty().set("dana");
        console.openSelected();
        assertThat(windows.shown).isEmpty();
        executor.elapseTimers();

        assertThat(windows.shown).singleElement()
                .satisfies(model -> assertThat(model.nameProperty().get()).isEqualTo("Dana Whitfield"));
    }

    @Test
    void theMailSideStartsOnceTheDatabaseIsOpen() {
        try (Services seeded = DemoDirectory.seeded(dir, clock)) {
            assertThat(seeded.contacts().count()).isPositive();
        }
        RecordingDialogService dialogs = RecordingDialogService.accepting();
        ConsoleViewModel console = console(dialogs);
        assertThat(console.sessionProperty().get()).as("no mail side before the database is open").isNull();

        console.start();

        MailViewModel mail = console.sessionProperty().get().mail();
        assertThat(console.sessionProperty().get()).isNotNull();
        assertThat(mail.demoModeProperty().get()).as("no SMTP configured").isTrue();
        assertThat(mail.warnings()).isEmpty();
        assertThat(mail.outbox().textProperty().get()).isEqualTo("Outbox: 1 retrying \u00b7 4 failed");
        mail.openDemoInbox();
        mail.openSmtpSettings();
        assertThat(mailWindows.inboxes).hasSize(1);
        assertThat(mailWindows.settings).hasSize(1);
        assertThat(dialogs.errors()).isEmpty();

        console.close();
        assertThat(console.sessionProperty().get()).isNull();
    }
    /** A console on demo data, started, showing the first page while its database waits for the first frame. */
    private ConsoleViewModel showingTheFirstPageOfTheDemo() {
        try (Services seeded = DemoDirectory.seeded(dir, clock)) {
            assertThat(seeded.contacts().count()).isPositive();
        }
        executor.holdTimers();
        ConsoleViewModel console = console(RecordingDialogService.accepting());
        console.awaitFirstFrame();
        console.start();
        return console;
    }

    @Test
    void theFirstPageShowsBeforeTheDatabaseOpensAndEnterWaitsForIt() {
        ConsoleViewModel console = showingTheFirstPageOfTheDemo();

        assertThat(console.previewProperty().get()).isTrue();
        assertThat(console.phaseProperty().get()).isEqualTo(Phase.OPENING);
        assertThat(console.list().results()).isNotEmpty();
        assertThat(console.list().selected()).map(ContactRow::name).contains("Aisha Rahman");
        console.list().queryProperty().set("dana");
        console.openSelected();
        assertThat(windows.shown).isEmpty();

        console.previewShown();

        assertThat(console.phaseProperty().get()).isEqualTo(Phase.READY);
        assertThat(console.previewProperty().get()).isFalse();
        executor.elapseTimers();
        assertThat(windows.shown).singleElement()
                .satisfies(model -> assertThat(model.nameProperty().get()).isEqualTo("Dana Whitfield"));
    }

    @Test
    void aContactAskedForWhileTheDatabaseOpensComesBeforeDeliveryWorkflowsAndThePortal() {
        ConsoleViewModel console = showingTheFirstPageOfTheDemo();
        console.list().queryProperty().set("dana");
        console.openSelected();

        console.previewShown();

        ConsoleSession session = console.sessionProperty().get();
        assertThat(windows.shown).singleElement()
                .satisfies(model -> assertThat(model.nameProperty().get()).isEqualTo("Dana Whitfield"));
        assertThat(session.workflowsReadyProperty().get()).as("not before her window had a moment to lay out")
                .isFalse();
        executor.elapseTimersUpTo(Duration.ofSeconds(1));
        assertThat(session.workflowsReadyProperty().get()).as("started once her card was read").isTrue();
    }

    @Test
    void withNothingAskedForTheBackgroundServicesStartWithTheSession() {
        ConsoleViewModel console = showingTheFirstPageOfTheDemo();

        console.previewShown();

        assertThat(console.sessionProperty().get().workflowsReadyProperty().get()).isTrue();
    }

    @Test
    void aFirstPageArrivingAfterTheAgentTypedDoesNotHoldUpTheDatabase() {
        try (Services seeded = DemoDirectory.seeded(dir, clock)) {
            assertThat(seeded.contacts().count()).isPositive();
        }
        executor.holdTimers().holdWork();
        ConsoleViewModel console = console(RecordingDialogService.accepting());
        console.awaitFirstFrame();
        console.start();
        console.list().queryProperty().set("dana");

        executor.runHeldWork(); // the first page: not shown over what was typed
        assertThat(console.previewProperty().get()).isFalse();
        executor.runHeldWork(); // so the database opens at once, not after the wait for a frame

        assertThat(console.phaseProperty().get()).isEqualTo(Phase.READY);
    }

    @Test
    void aNewDataDirectoryWelcomesTheAgentWhoTypesANameAndTriesTheDemo() throws Exception {
        RecordingDialogService dialogs = RecordingDialogService.accepting();
        ConsoleViewModel console = welcomingConsole(dialogs);

        console.start();

        assertThat(dialogs.asked()).as("the welcome replaces the demo question").isEmpty();
        assertThat(console.phaseProperty().get()).isEqualTo(Phase.WELCOME);
        WelcomeViewModel welcome = shellWindows.welcomes.get(0);
        assertThat(shellWindows.welcomes).hasSize(1);
        assertThat(welcome.agentNameProperty().get()).as("MEMBERDESK_AGENT, else the OS user").isEqualTo("desk-7");
        assertThat(welcome.demoAvailableProperty().get()).isTrue();

        welcome.agentNameProperty().set("  Sam Rivera ");
        welcome.tryDemo();

        assertThat(welcome.doneProperty().get()).isTrue();
        assertThat(console.phaseProperty().get()).isEqualTo(Phase.READY);
        assertThat(console.demoDataProperty().get()).isTrue();
        assertThat(console.list().results()).hasSizeGreaterThan(40);
        assertThat(console.agent().name()).isEqualTo("Sam Rivera");
        assertThat(new ConsolePreferences(new DataDirectory(dir)).agentName()).contains("Sam Rivera");
        assertThat(Files.readString(dir.resolve(ConsolePreferences.FILE))).contains("agent.name=Sam Rivera");

        // The console's actions carry the name: save an SMTP server, read the audit log.
        console.sessionProperty().get().mail().openSmtpSettings();
        SmtpSettingsViewModel smtp = mailWindows.settings.get(0);
        smtp.load();
        smtp.hostProperty().set("smtp.example.com");
        smtp.fromProperty().set("Support <support@example.com>");
        smtp.save();
        console.close();
        try (Services services = TestServices.open(dir, clock)) {
            assertThat(services.activity().agents()).contains("Sam Rivera");
        }

        // The next start knows the agent and asks nothing.
        RecordingShellWindows again = new RecordingShellWindows();
        ConsoleViewModel next = TestConsoles.console(dir, () -> TestServices.open(dir, clock),
                TestConsoles.tools(executor, dialogs, messages, new RecordingContactWindows(), mailWindows),
                new ConsoleShell(PortalHost.NONE, again, browser, Map.of(), "1.2.3", () -> false));
        this.console = next;
        next.start();
        assertThat(again.welcomes).isEmpty();
        assertThat(next.agent().name()).isEqualTo("Sam Rivera");
    }

    @Test
    void aNameIsRequiredBeforeAnyChoice() {
        ConsoleViewModel console = welcomingConsole(RecordingDialogService.accepting());
        console.start();
        WelcomeViewModel welcome = shellWindows.welcomes.get(0);

        welcome.agentNameProperty().set("   ");
        welcome.tryDemo();

        assertThat(welcome.errorProperty().get()).isEqualTo("Enter your name: it is recorded with everything you do.");
        assertThat(welcome.doneProperty().get()).isFalse();
        assertThat(console.phaseProperty().get()).isEqualTo(Phase.WELCOME);
        assertThat(dir.resolve(ConsolePreferences.FILE)).doesNotExist();

        welcome.agentNameProperty().set("x".repeat(81));
        welcome.connectMail();
        assertThat(welcome.errorProperty().get()).isEqualTo("At most 80 characters, please.");

        welcome.agentNameProperty().set("Alex");
        assertThat(welcome.errorProperty().get()).as("typing clears the error").isEmpty();
    }

    @Test
    void connectYourMailServerStartsEmptyAndOpensTheEmailSettings() {
        ConsoleViewModel console = welcomingConsole(RecordingDialogService.accepting());
        console.start();
        WelcomeViewModel welcome = shellWindows.welcomes.get(0);
        welcome.agentNameProperty().set("Alex");

        welcome.connectMail();

        assertThat(console.phaseProperty().get()).isEqualTo(Phase.READY);
        assertThat(console.demoDataProperty().get()).isFalse();
        assertThat(console.list().results()).isEmpty();
        assertThat(mailWindows.settings).hasSize(1);
        assertThat(console.agent().name()).isEqualTo("Alex");
    }

    @Test
    void closingTheWelcomeStartsEmptyUnderTheSuggestedName() {
        ConsoleViewModel console = welcomingConsole(RecordingDialogService.accepting());
        console.start();
        WelcomeViewModel welcome = shellWindows.welcomes.get(0);
        welcome.agentNameProperty().set("");

        welcome.dismiss();

        assertThat(console.phaseProperty().get()).isEqualTo(Phase.READY);
        assertThat(console.status().contactCountProperty().get()).isEqualTo("No contacts");
        assertThat(console.agent().name()).isEqualTo("desk-7");
        assertThat(new ConsolePreferences(new DataDirectory(dir)).agentName()).contains("desk-7");
        assertThat(mailWindows.settings).isEmpty();
    }

    @Test
    void closingDuringTheWelcomeClosesTheDatabaseInTheBackgroundNotOnTheUiThread() {
        List<Services> opened = new ArrayList<>();
        ConsoleShell shell = new ConsoleShell(portal, shellWindows, browser, Map.of(), "1.2.3", () -> false);
        console = TestConsoles.console(dir, () -> {
            Services services = TestServices.open(dir, clock);
            opened.add(services);
            return services;
        }, TestConsoles.tools(executor, RecordingDialogService.accepting(), messages, windows, mailWindows), shell);
        console.start();
        assertThat(shellWindows.welcomes).hasSize(1);
        executor.holdWork();

        console.close();

        assertThat(opened.get(0).contacts().count()).as("still open: no I/O on the UI thread").isZero();
        executor.runHeldWork();
        assertThatThrownBy(() -> opened.get(0).contacts().count()).as("closed in the background").isNotNull();
    }

    @Test
    void aContactWindowAlreadyOpenRecordsItsActionsForTheRenamedAgent() throws Exception {
        seedWithPortalPort();
        ConsoleViewModel console = welcomingConsole(RecordingDialogService.accepting());
        console.start();
        console.list().queryProperty().set("ben.carter");
        console.openSelected();
        ContactViewModel ben = windows.shown.get(0);
        assertThat(ben.emailProperty().get()).isEqualTo("ben.carter@example.com");

        shellWindows.answer = Optional.of("Jordan Lee");
        console.agentName().change();
        ben.actions().resend(ben.offers().get(0));

        try (Services services = TestServices.open(dir, clock)) {
            assertThat(services.audit().ofContact(ben.contactId())).anySatisfy(entry -> {
                assertThat(entry.action()).isEqualTo("credentials.welcome-resent");
                assertThat(entry.agent()).isEqualTo("Jordan Lee");
            });
        }
    }

    @Test
    void settingsAgentNameChangesTheNameAtOnce() throws Exception {
        seedWithPortalPort();
        RecordingDialogService dialogs = RecordingDialogService.accepting();
        ConsoleViewModel console = welcomingConsole(dialogs);
        console.start();
        assertThat(shellWindows.welcomes).as("not a new data directory").isEmpty();
        assertThat(console.agent().name()).isEqualTo("desk-7");

        shellWindows.answer = Optional.of(" Jordan Lee ");
        console.agentName().change();

        assertThat(shellWindows.asked).containsExactly("desk-7");
        assertThat(console.agent().name()).isEqualTo("Jordan Lee");
        assertThat(console.status().messageProperty().get()).isEqualTo("Agent name: Jordan Lee");
        assertThat(new ConsolePreferences(new DataDirectory(dir)).agentName()).contains("Jordan Lee");

        shellWindows.answer = Optional.of("  ");
        console.agentName().change();
        assertThat(dialogs.errors()).hasSize(1);
        assertThat(console.agent().name()).isEqualTo("Jordan Lee");

        shellWindows.answer = Optional.of("x".repeat(81));
        console.agentName().change();
        assertThat(dialogs.errors()).hasSize(2);
        assertThat(dialogs.errors().get(1).message()).as("says what is wrong with this name").contains("too long");
        assertThat(console.agent().name()).isEqualTo("Jordan Lee");

        shellWindows.answer = Optional.empty();
        console.agentName().change();
        assertThat(console.agent().name()).isEqualTo("Jordan Lee");
    }

    @Test
    void resetDemoAsksFirstThenRestoresTheDemoDataAndTheListReloads() throws Exception {
        seedWithPortalPort();
        try (Services services = TestServices.open(dir, clock)) {
            services.contacts().add("walk.in@example.com", "Walk In", List.of(), org.memberdesk.service.Actor.agent("t"));
            services.credentials().sendResetLink("dana.whitfield@example.com", null, Duration.ofHours(2),
                    org.memberdesk.service.Actor.agent("t"));
            services.emails().runOutbox(true);
            assertThat(services.demoInbox().list()).isNotEmpty();
        }
        RecordingDialogService declining = RecordingDialogService.declining();
        ConsoleViewModel console = welcomingConsole(declining);
        console.start();
        console.list().queryProperty().set("walk.in");
        assertThat(console.list().results()).hasSize(1);

        console.resetDemo();
        assertThat(declining.asked()).singleElement()
                .satisfies(asked -> assertThat(asked.acceptLabel()).isEqualTo("Reset demo"));
        console.sessionProperty().get().search().refresh();
        assertThat(console.list().results()).as("declined: nothing changed").hasSize(1);
        console.close();
        portal.stop();

        RecordingDialogService accepting = RecordingDialogService.accepting();
        ConsoleViewModel again = TestConsoles.console(dir, clock,
                TestConsoles.tools(executor, accepting, messages, new RecordingContactWindows(), mailWindows));
        this.console = again;
        again.start();
        again.list().queryProperty().set("walk.in");
        assertThat(again.list().results()).hasSize(1);

        again.resetDemo();

        assertThat(accepting.asked()).hasSize(1);
        assertThat(again.phaseProperty().get()).isEqualTo(Phase.READY);
        assertThat(again.list().results()).as("the list reloaded without the walk-in").isEmpty();
        assertThat(again.status().notificationProperty().get()).matches("Demo data restored: \\d+ contacts\\.");
        assertThat(again.status().contactCountProperty().get()).matches("\\d+ contacts");
        again.list().queryProperty().set("dana");
        assertThat(again.list().results()).extracting(ContactRow::name).containsExactly("Dana Whitfield");
        assertThat(accepting.errors()).isEmpty();
        again.close();
        try (Services services = TestServices.open(dir, clock)) {
            assertThat(services.demoInbox().list()).as("the demo inbox is emptied too").isEmpty();
        }
    }

    @Test
    void resetDemoDoesNothingOnARealDatabase() {
        try (Services services = TestServices.open(dir, clock)) {
            services.contacts().add("real@example.com", "Real One", List.of(), org.memberdesk.service.Actor.agent("t"));
        }
        RecordingDialogService dialogs = RecordingDialogService.accepting();
        ConsoleViewModel console = welcomingConsole(dialogs);
        console.start();

        console.resetDemo();

        assertThat(console.demoDataProperty().get()).isFalse();
        assertThat(dialogs.asked()).isEmpty();
        assertThat(console.status().contactCountProperty().get()).isEqualTo("1 contact");
    }

    @Test
    void helpListsTheShortcutsAndAboutShowsVersionAndDataDirectory() throws Exception {
        int port = seedWithPortalPort();
        ConsoleViewModel console = welcomingConsole(RecordingDialogService.accepting());
        console.start();

        console.showShortcuts();
        console.showAbout();

        assertThat(shellWindows.shortcuts).contains(new Shortcut("Shortcut+F", "Search contacts"),
                new Shortcut("Enter", "Open the selected contact"), new Shortcut("Shortcut+I", "Inbox (demo)"),
                new Shortcut("Shortcut+Shift+P", "Presenter mode (larger text)"));
        assertThat(shellWindows.abouts).containsExactly(
                new About("1.2.3", dir.toString(), "http://localhost:" + port + "/", "desk-7"));
    }
}
