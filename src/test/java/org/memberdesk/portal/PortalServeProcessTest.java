package org.memberdesk.portal;

import org.memberdesk.testsupport.TestDatabases;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code memberdesk portal serve} as a user runs it: the real Launcher in a child JVM, stopped by a signal. */
class PortalServeProcessTest {

    @TempDir
    Path dir;

    @Test
    void servesUntilStoppedPrintsItsUrlAndDeliversMail() throws Exception {
        Path data = dir.resolve("data");
        Process process = launch(data, "--json", "portal", "serve", "--port", "0");
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertThat(line).as("stderr: %s", stderr(process)).isNotNull();
            JsonNode serving = new ObjectMapper().readTree(line);
            int port = serving.get("port").asInt();
            assertThat(port).isPositive();
            assertThat(serving.get("url").asText()).isEqualTo("http://localhost:" + port + "/");
            assertThat(serving.get("publicUrl").asText()).isEqualTo("http://localhost:7321/");
            assertThat(serving.get("warnings").toString()).as("links in emails would miss this port")
                    .contains("not to this portal on port " + port);

            HttpSession browser = new HttpSession("http://localhost:" + port);
            HttpSession.Page login = browser.get("/");
            assertThat(login.status()).isEqualTo(200);
            assertThat(login.text()).contains("Sign in");
            HttpSession.Page sent = browser.submit(browser.get("/forgot"), "/forgot",
                    java.util.Map.of("email", "nobody@example.com"));
            assertThat(sent.text()).contains("Check your email");

            process.destroy(); // SIGTERM, as Ctrl+C or a service manager would
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("it stops on a signal").isTrue();
        } finally {
            process.destroyForcibly();
        }
        assertThat(Files.readString(data.resolve("logs").resolve("memberdesk.log")))
                .contains("client portal listening").contains("client portal stopped");
    }

    @Test
    void aPortInUseIsAUserErrorAndABadPortAUsageError() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Process process = launch(dir.resolve("data"), "portal", "serve", "--port",
                    String.valueOf(taken.getLocalPort()));
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
            String err = stderr(process);
            assertThat(process.exitValue()).as(err).isEqualTo(1);
            assertThat(err.lines().toList()).singleElement().satisfies(l -> assertThat(l)
                    .startsWith("error: cannot listen on 127.0.0.1 port " + taken.getLocalPort()));
        }
        Process bad = launch(dir.resolve("data"), "portal", "serve", "--port", "70000");
        assertThat(bad.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(bad.exitValue()).isEqualTo(2);
        assertThat(stderr(bad)).contains("--port must be from 0 to 65535");
    }

    private Process launch(Path data, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "org.memberdesk.Launcher", "--data-dir", data.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectError(dir.resolve("stderr-" + System.nanoTime()).toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("MEMBERDESK_"));
        builder.environment().put("MEMBERDESK_AGENT", "portal-test");
        TestDatabases.forChild(data, builder);
        Process process = builder.start();
        errFiles.put(process, builder.redirectError().file().toPath());
        return process;
    }

    private final java.util.Map<Process, Path> errFiles = new java.util.HashMap<>();

    private String stderr(Process process) throws IOException {
        return Files.readString(errFiles.get(process), StandardCharsets.UTF_8);
    }
}
