package org.memberdesk.ui.viewmodel.console;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.LocalPortal;
import org.memberdesk.service.Services;
import org.memberdesk.testsupport.TestClock;
import org.memberdesk.testsupport.TestServices;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.common.TestExecutor;
import org.memberdesk.ui.viewmodel.DemoDirectory;
import org.memberdesk.ui.viewmodel.RecordingContactWindows;
import org.memberdesk.ui.viewmodel.RecordingMailWindows;

/**
 * What the console's view model tests share: a data directory, a clock, an executor that runs on
 * the test thread, recording windows, and a portal; the console and the portal close after each test.
 */
abstract class ConsoleCase {

    @TempDir
    Path dir;
    final TestClock clock = TestClock.at(TestServices.START);
    final Messages messages = Messages.load();
    final TestExecutor executor = TestExecutor.currentThread();
    final RecordingContactWindows windows = new RecordingContactWindows();
    final RecordingMailWindows mailWindows = new RecordingMailWindows();
    final LocalPortal portal = new LocalPortal();
    ConsoleViewModel console;

    @AfterEach
    void closeConsoleAndPortal() {
        if (console != null) {
            console.close();
        }
        portal.stop();
    }

    /** Seeds the demo data into {@link #dir} with the portal set to a free port, and returns that port. */
    int seedWithPortalPort() throws IOException {
        int port = freePort();
        try (Services services = DemoDirectory.seeded(dir, clock)) {
            setPortalPort(services, port);
        }
        return port;
    }

    static void setPortalPort(Services services, int port) {
        services.transactions().write(t -> {
            t.settings().put("portal.port", Integer.toString(port), java.time.Instant.now());
            return null;
        });
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** The HTTP status the portal answers {@code url} with. */
    static int status(String url) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
