package org.memberdesk.ui.viewmodel.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.memberdesk.service.Services;
import org.memberdesk.testsupport.TestServices;
import org.memberdesk.ui.common.RecordingDialogService;
import org.memberdesk.ui.common.RecordingLinkOpener;
import org.memberdesk.ui.viewmodel.DemoDirectory;
import org.memberdesk.ui.viewmodel.TestConsoles;
import org.memberdesk.ui.viewmodel.console.ConsoleViewModel.Phase;

/** The portal a console session runs, on a real data directory: its port, its status line, Settings → Portal port. */
class ConsolePortalTest extends ConsoleCase {

    final RecordingShellWindows shellWindows = new RecordingShellWindows();
    final RecordingLinkOpener browser = new RecordingLinkOpener();

    private ConsoleViewModel console(RecordingDialogService dialogs) {
        return console(dialogs, () -> false);
    }

    private ConsoleViewModel console(RecordingDialogService dialogs, java.util.concurrent.Callable<Boolean> osDark) {
        ConsoleShell shell = new ConsoleShell(portal, shellWindows, browser, Map.of("MEMBERDESK_AGENT", "desk-7"),
                "1.2.3", osDark);
        console = TestConsoles.console(dir, () -> TestServices.open(dir, clock),
                TestConsoles.tools(executor, dialogs, messages, windows, mailWindows), shell);
        return console;
    }
    @Test
    void thePortalAnswersOnTheConfiguredPortOnceTheDatabaseIsOpenAndStopsWithTheConsole() throws Exception {
        int port = seedWithPortalPort();
        ConsoleViewModel console = console(RecordingDialogService.accepting());

        console.start();
        ConsolePortal portal = console.sessionProperty().get().portal();

        String url = "http://localhost:" + port + "/";
        assertThat(portal.urlProperty().get()).isEqualTo(url);
        assertThat(portal.statusProperty().get()).isEqualTo("Portal: " + url);
        assertThat(portal.problemProperty().get()).isFalse();
        assertThat(status(url)).isEqualTo(200);
        portal.open();
        assertThat(browser.opened()).containsExactly(url);

        console.close();

        assertThat(portal.urlProperty().get()).isEmpty();
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
            ConsolePortal portal = console.sessionProperty().get().portal();

            assertThat(console.phaseProperty().get()).isEqualTo(Phase.READY);
            assertThat(portal.urlProperty().get()).isEmpty();
            assertThat(portal.problemProperty().get()).isTrue();
            assertThat(portal.statusProperty().get())
                    .isEqualTo("Portal off: port " + port + " is in use by another program"
                            + " (Settings \u2192 Portal port, or stop the other program)");
            portal.open();
            assertThat(browser.opened()).isEmpty();
            console.list().queryProperty().set("dana");
            assertThat(console.list().results()).extracting(ContactRow::name).containsExactly("Dana Whitfield");
        }
    }

    @Test
    void settingsPortalPortSavesThePortAndRestartsThePortalOnIt() throws Exception {
        int before = seedWithPortalPort();
        RecordingDialogService dialogs = RecordingDialogService.accepting();
        ConsoleViewModel console = console(dialogs);
        console.start();
        ConsolePortal portal = console.sessionProperty().get().portal();
        assertThat(portal.urlProperty().get()).isEqualTo("http://localhost:" + before + "/");

        shellWindows.answer = Optional.of("70000");
        portal.changePort();
        assertThat(dialogs.errors()).singleElement()
                .satisfies(error -> assertThat(error.message()).isEqualTo("The port is a number from 1 to 65535."));

        int after = freePort();
        shellWindows.answer = Optional.of(" " + after + " ");
        portal.changePort();

        assertThat(shellWindows.asked).containsExactly(Integer.toString(before), Integer.toString(before));
        String url = "http://localhost:" + after + "/";
        assertThat(portal.urlProperty().get()).isEqualTo(url);
        assertThat(status(url)).isEqualTo(200);
        assertThatThrownBy(() -> status("http://localhost:" + before + "/")).isInstanceOf(ConnectException.class);
        console.close();
        try (Services services = TestServices.open(dir, clock)) {
            assertThat(services.portalSite().configuredPort()).isEqualTo(after);
            assertThat(services.activity().actions()).contains("portal.port-changed");
        }
    }
}
