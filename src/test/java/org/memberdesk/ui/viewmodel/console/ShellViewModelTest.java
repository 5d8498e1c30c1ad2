package org.memberdesk.ui.viewmodel.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.LocalPortal;
import org.memberdesk.service.ConsolePreferences;
import org.memberdesk.service.Services;
import org.memberdesk.service.storage.DataDirectory;
import org.memberdesk.testsupport.TestClock;
import org.memberdesk.testsupport.TestServices;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.common.RecordingClipboard;
import org.memberdesk.ui.common.RecordingDialogService;
import org.memberdesk.ui.common.RecordingLinkOpener;
import org.memberdesk.ui.common.TestExecutor;
import org.memberdesk.ui.viewmodel.DemoDirectory;
import org.memberdesk.ui.viewmodel.RecordingContactWindows;
import org.memberdesk.ui.viewmodel.RecordingMailWindows;
import org.memberdesk.ui.viewmodel.console.ConsoleViewModel.Phase;
import org.memberdesk.ui.viewmodel.contact.ContactViewModel;
import org.memberdesk.ui.viewmodel.mail.MailViewModel;
import org.memberdesk.ui.viewmodel.mail.SmtpSettingsViewModel;

/** The console's shell on a real data directory: portal, welcome, agent name, Reset demo, appearance, Help. */
class ShellViewModelTest {

    @TempDir
    Path dir;
    final TestClock clock = TestClock.at(TestServices.START);
    final Messages messages = Messages.load();
    final TestExecutor executor = TestExecutor.currentThread();
    final RecordingMailWindows mailWindows = new RecordingMailWindows();
    final RecordingShellWindows shellWindows = new RecordingShellWindows();
    final RecordingLinkOpener browser = new RecordingLinkOpener();
    final LocalPortal portal = new LocalPortal();
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    ConsoleViewModel console;

    @AfterEach
    void close() {
        if (console != null) {
            console.close();
        }
        portal.stop();
    }

    final RecordingContactWindows contactWindows = new RecordingContactWindows();

    private ConsoleViewModel console(RecordingDialogService dialogs) {
        return console(dialogs, () -> false);
    }

    private ConsoleViewModel console(RecordingDialogService dialogs, java.util.concurrent.Callable<Boolean> osDark) {
        MailViewModel mail = new MailViewModel(executor, dialogs, mailWindows, new RecordingClipboard(), browser,
                messages);
        ConsoleShell shell = new ConsoleShell(portal, shellWindows, browser, Map.of("MEMBERDESK_AGENT", "desk-7"),
                "1.2.3", osDark);
        console = new ConsoleViewModel(new DataDirectory(dir), () -> TestServices.open(dir, clock), executor,
                dialogs, contactWindows, mail, messages, shell);
        return console;
    }

    private int seedWithPortalPort() throws IOException {
        int port = freePort();
        try (Services services = DemoDirectory.seeded(dir, clock)) {
            setPortalPort(services, port);
        }
        return port;
    }

    private static void setPortalPort(Services services, int port) {
        services.transactions().write(t -> {
            t.settings().put("portal.port", Integer.toString(port), java.time.Instant.now());
            return null;
        });
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private int status(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    // ---- portal ----

    @Test
    void thePortalAnswersOnTheConfiguredPortOnceTheDatabaseIsOpenAndStopsWithTheConsole() throws Exception {
        int port = seedWithPortalPort();
        ConsoleViewModel console = console(RecordingDialogService.accepting());

        console.start();

        String url = "http://localhost:" + port + "/";
        assertThat(console.portalUrlProperty().get()).isEqualTo(url);
        assertThat(console.portalStatusProperty().get()).isEqualTo("Portal: " + url);
        assertThat(console.portalProblemProperty().get()).isFalse();
        assertThat(status(url)).isEqualTo(200);
        console.openPortal();
        assertThat(browser.opened()).containsExactly(url);

        console.close();

        assertThat(console.portalUrlProperty().get()).isEmpty();
        assertThatThrownBy(() -> status(url)).isInstanceOf(ConnectException.class);
    }

    @Test
    void aPortInUseIsSaidInTheStatusBarAndTheConsoleStillWorks() throws Exception {
        int port;
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = taken.getLocalPort();
            try (Services services = DemoDirectory.seeded(dir, clock)) {
                setPortalPort(services, port);
            }
            ConsoleViewModel console = console(RecordingDialogService.accepting());

            console.start();

            assertThat(console.phaseProperty().get()).isEqualTo(Phase.READY);
            assertThat(console.portalUrlProperty().get()).isEmpty();
            assertThat(console.portalProblemProperty().get()).isTrue();
            assertThat(console.portalStatusProperty().get())
                    .isEqualTo("Portal off: port " + port + " is in use by another program"
                            + " (Settings \u2192 Portal port, or stop the other program)");
            console.openPortal();
            assertThat(browser.opened()).isEmpty();
            console.search().queryProperty().set("dana");
            assertThat(console.search().results()).extracting(ContactRow::name).containsExactly("Dana Whitfield");
        }
    }

    @Test
    void settingsPortalPortSavesThePortAndRestartsThePortalOnIt() throws Exception {
        int before = seedWithPortalPort();
        RecordingDialogService dialogs = RecordingDialogService.accepting();
        ConsoleViewModel console = console(dialogs);
        console.start();
        assertThat(console.portalUrlProperty().get()).isEqualTo("http://localhost:" + before + "/");

        shellWindows.answer = Optional.of("70000");
        console.changePortalPort();
        assertThat(dialogs.errors()).singleElement()
                .satisfies(error -> assertThat(error.message()).isEqualTo("The port is a number from 1 to 65535."));

        int after = freePort();
        shellWindows.answer = Optional.of(" " + after + " ");
        console.changePortalPort();

        assertThat(shellWindows.asked).containsExactly(Integer.toString(before), Integer.toString(before));
        String url = "http://localhost:" + after + "/";
        assertThat(console.portalUrlProperty().get()).isEqualTo(url);
        assertThat(status(url)).isEqualTo(200);
        assertThatThrownBy(() -> status("http://localhost:" + before + "/")).isInstanceOf(ConnectException.class);
        console.close();
        try (Services services = TestServices.open(dir, clock)) {
            assertThat(services.portalSite().configuredPort()).isEqualTo(after);
            assertThat(services.activity().actions()).contains("portal.port-changed");
        }
    }

    // ---- first run ----

    @Test
    void aNewDataDirectoryWelcomesTheAgentWhoTypesANameAndTriesTheDemo() throws Exception {
        RecordingDialogService dialogs = RecordingDialogService.accepting();
        ConsoleViewModel console = console(dialogs);

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
        assertThat(console.search().results()).hasSizeGreaterThan(40);
        assertThat(console.agent().name()).isEqualTo("Sam Rivera");
        assertThat(new ConsolePreferences(new DataDirectory(dir)).agentName()).contains("Sam Rivera");
        assertThat(Files.readString(dir.resolve(ConsolePreferences.FILE))).contains("agent.name=Sam Rivera");

        // The console's actions carry the name: save an SMTP server, read the audit log.
        console.mail().openSmtpSettings();
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
        ConsoleViewModel next = new ConsoleViewModel(new DataDirectory(dir), () -> TestServices.open(dir, clock),
                executor, dialogs, new RecordingContactWindows(), new MailViewModel(executor, dialogs, mailWindows,
                new RecordingClipboard(), browser, messages), messages,
                new ConsoleShell(PortalHost.NONE, again, browser, Map.of(), "1.2.3", () -> false));
        this.console = next;
        next.start();
        assertThat(again.welcomes).isEmpty();
        assertThat(next.agent().name()).isEqualTo("Sam Rivera");
    }

    @Test
    void aNameIsRequiredBeforeAnyChoice() {
        ConsoleViewModel console = console(RecordingDialogService.accepting());
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
        ConsoleViewModel console = console(RecordingDialogService.accepting());
        console.start();
        WelcomeViewModel welcome = shellWindows.welcomes.get(0);
        welcome.agentNameProperty().set("Alex");

        welcome.connectMail();

        assertThat(console.phaseProperty().get()).isEqualTo(Phase.READY);
        assertThat(console.demoDataProperty().get()).isFalse();
        assertThat(console.search().results()).isEmpty();
        assertThat(mailWindows.settings).hasSize(1);
        assertThat(console.agent().name()).isEqualTo("Alex");
    }

    @Test
    void closingTheWelcomeStartsEmptyUnderTheSuggestedName() {
        ConsoleViewModel console = console(RecordingDialogService.accepting());
        console.start();
        WelcomeViewModel welcome = shellWindows.welcomes.get(0);
        welcome.agentNameProperty().set("");

        welcome.dismiss();

        assertThat(console.phaseProperty().get()).isEqualTo(Phase.READY);
        assertThat(console.contactCountProperty().get()).isEqualTo("No contacts");
        assertThat(console.agent().name()).isEqualTo("desk-7");
        assertThat(new ConsolePreferences(new DataDirectory(dir)).agentName()).contains("desk-7");
        assertThat(mailWindows.settings).isEmpty();
    }

    @Test
    void aContactWindowAlreadyOpenRecordsItsActionsForTheRenamedAgent() throws Exception {
        seedWithPortalPort();
        ConsoleViewModel console = console(RecordingDialogService.accepting());
        console.start();
        console.search().queryProperty().set("ben.carter");
        console.openSelected();
        ContactViewModel ben = contactWindows.shown.get(0);
        assertThat(ben.emailProperty().get()).isEqualTo("ben.carter@example.com");

        shellWindows.answer = Optional.of("Jordan Lee");
        console.changeAgentName();
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
        ConsoleViewModel console = console(dialogs);
        console.start();
        assertThat(shellWindows.welcomes).as("not a new data directory").isEmpty();
        assertThat(console.agent().name()).isEqualTo("desk-7");

        shellWindows.answer = Optional.of(" Jordan Lee ");
        console.changeAgentName();

        assertThat(shellWindows.asked).containsExactly("desk-7");
        assertThat(console.agent().name()).isEqualTo("Jordan Lee");
        assertThat(console.statusMessageProperty().get()).isEqualTo("Agent name: Jordan Lee");
        assertThat(new ConsolePreferences(new DataDirectory(dir)).agentName()).contains("Jordan Lee");

        shellWindows.answer = Optional.of("  ");
        console.changeAgentName();
        assertThat(dialogs.errors()).hasSize(1);
        assertThat(console.agent().name()).isEqualTo("Jordan Lee");

        shellWindows.answer = Optional.of("x".repeat(81));
        console.changeAgentName();
        assertThat(dialogs.errors()).hasSize(2);
        assertThat(dialogs.errors().get(1).message()).as("says what is wrong with this name").contains("too long");
        assertThat(console.agent().name()).isEqualTo("Jordan Lee");

        shellWindows.answer = Optional.empty();
        console.changeAgentName();
        assertThat(console.agent().name()).isEqualTo("Jordan Lee");
    }

    // ---- Reset demo ----

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
        ConsoleViewModel console = console(declining);
        console.start();
        console.search().queryProperty().set("walk.in");
        assertThat(console.search().results()).hasSize(1);

        console.resetDemo();
        assertThat(declining.asked()).singleElement()
                .satisfies(asked -> assertThat(asked.acceptLabel()).isEqualTo("Reset demo"));
        console.search().refresh();
        assertThat(console.search().results()).as("declined: nothing changed").hasSize(1);
        console.close();
        portal.stop();

        RecordingDialogService accepting = RecordingDialogService.accepting();
        ConsoleViewModel again = new ConsoleViewModel(new DataDirectory(dir), () -> TestServices.open(dir, clock),
                executor, accepting, new RecordingContactWindows(), new MailViewModel(executor, accepting, mailWindows,
                new RecordingClipboard(), browser, messages), messages, ConsoleShell.none());
        this.console = again;
        again.start();
        again.search().queryProperty().set("walk.in");
        assertThat(again.search().results()).hasSize(1);

        again.resetDemo();

        assertThat(accepting.asked()).hasSize(1);
        assertThat(again.phaseProperty().get()).isEqualTo(Phase.READY);
        assertThat(again.search().results()).as("the list reloaded without the walk-in").isEmpty();
        assertThat(again.notificationProperty().get()).matches("Demo data restored: \\d+ contacts\\.");
        assertThat(again.contactCountProperty().get()).matches("\\d+ contacts");
        again.search().queryProperty().set("dana");
        assertThat(again.search().results()).extracting(ContactRow::name).containsExactly("Dana Whitfield");
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
        ConsoleViewModel console = console(dialogs);
        console.start();

        console.resetDemo();

        assertThat(console.demoDataProperty().get()).isFalse();
        assertThat(dialogs.asked()).isEmpty();
        assertThat(console.contactCountProperty().get()).isEqualTo("1 contact");
    }

    // ---- appearance ----

    @Test
    void themeAndPresenterModeAreRememberedAcrossRestarts() {
        ConsolePreferences preferences = new ConsolePreferences(new DataDirectory(dir));
        AppearanceViewModel appearance = new AppearanceViewModel(preferences, executor, () -> false);
        appearance.load();
        assertThat(appearance.themeProperty().get()).isEqualTo(Theme.SYSTEM);
        assertThat(appearance.darkProperty().get()).as("System on a light desktop").isFalse();
        assertThat(appearance.presenterProperty().get()).isFalse();

        appearance.themeProperty().set(Theme.DARK);
        appearance.togglePresenter();
        assertThat(appearance.darkProperty().get()).isTrue();

        AppearanceViewModel restarted = new AppearanceViewModel(preferences, executor, () -> false);
        restarted.load();
        assertThat(restarted.themeProperty().get()).isEqualTo(Theme.DARK);
        assertThat(restarted.darkProperty().get()).isTrue();
        assertThat(restarted.presenterProperty().get()).isTrue();

        restarted.themeProperty().set(Theme.LIGHT);
        assertThat(restarted.darkProperty().get()).isFalse();
        assertThat(preferences.load()).containsEntry("console.theme", "light").containsEntry("console.presenter", "true");
    }

    @Test
    void systemThemeFollowsTheDesktop() {
        ConsolePreferences preferences = new ConsolePreferences(new DataDirectory(dir));
        AppearanceViewModel onDarkDesktop = new AppearanceViewModel(preferences, executor, () -> true);
        onDarkDesktop.load();
        assertThat(onDarkDesktop.darkProperty().get()).isTrue();
        onDarkDesktop.themeProperty().set(Theme.LIGHT);
        assertThat(onDarkDesktop.darkProperty().get()).isFalse();

        AppearanceViewModel unknown = new AppearanceViewModel(preferences, executor, () -> {
            throw new IllegalStateException("no desktop");
        });
        preferences.put(ConsolePreferences.THEME, "system");
        unknown.load();
        assertThat(unknown.darkProperty().get()).as("unknown means light").isFalse();
    }

    // ---- Help ----

    @Test
    void helpListsTheShortcutsAndAboutShowsVersionAndDataDirectory() throws Exception {
        int port = seedWithPortalPort();
        ConsoleViewModel console = console(RecordingDialogService.accepting());
        console.start();

        console.showShortcuts();
        console.showAbout();

        assertThat(shellWindows.shortcuts).contains(new Shortcut("Shortcut+F", "Search contacts"),
                new Shortcut("Enter", "Open the selected contact"), new Shortcut("Shortcut+I", "Inbox (demo)"),
                new Shortcut("Shortcut+Shift+P", "Presenter mode (larger text)"));
        assertThat(shellWindows.abouts).containsExactly(
                new About("1.2.3", dir.toString(), "http://localhost:" + port + "/", "desk-7"));
    }

    static final class RecordingShellWindows implements ShellWindows {
        final List<WelcomeViewModel> welcomes = new ArrayList<>();
        final List<String> asked = new ArrayList<>();
        final List<Shortcut> shortcuts = new ArrayList<>();
        final List<About> abouts = new ArrayList<>();
        Optional<String> answer = Optional.empty();

        @Override
        public void showWelcome(WelcomeViewModel model) {
            welcomes.add(model);
        }

        @Override
        public Optional<String> askText(String title, String question, String label, String initial) {
            asked.add(initial);
            return answer;
        }

        @Override
        public void showShortcuts(List<Shortcut> list) {
            shortcuts.addAll(list);
        }

        @Override
        public void showAbout(About about) {
            abouts.add(about);
        }
    }
}
