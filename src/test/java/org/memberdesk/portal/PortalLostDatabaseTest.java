package org.memberdesk.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code memberdesk portal serve} whose database is deleted while it runs: it stops serving the
 * deleted file (a plain 503 meanwhile) and exits with one line; started again, it refuses to make
 * a new, empty database in its place.
 */
class PortalLostDatabaseTest {

    @TempDir
    Path dir;

    @Test
    void aRunningPortalStopsServingADeletedDatabaseAndRefusesToStartWithoutIt() throws Exception {
        Path data = Files.createDirectory(dir.resolve("data"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        Path err = dir.resolve("stderr-1");
        Process process = launch(data, err, "--json", "portal", "serve", "--port", "0");
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertThat(line).as("stderr: %s", Files.readString(err)).isNotNull();
            int port = new ObjectMapper().readTree(line).get("port").asInt();
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            URI signIn = URI.create("http://localhost:" + port + "/");
            assertThat(http.send(HttpRequest.newBuilder(signIn).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode()).isEqualTo(200);

            for (String name : List.of("memberdesk.db", "memberdesk.db-wal", "memberdesk.db-shm")) {
                Files.deleteIfExists(data.resolve(name));
            }
            Thread.sleep(1_200);
            try {
                HttpResponse<String> after = http.send(HttpRequest.newBuilder(signIn).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(after.statusCode()).isEqualTo(503);
                assertThat(after.body()).contains("Temporarily unavailable").doesNotContain("Sign in");
            } catch (java.net.ConnectException alreadyStopped) {
                // it may have stopped listening already, which is as good
            }

            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("it stops by itself").isTrue();
        } finally {
            process.destroyForcibly();
        }
        assertThat(process.exitValue()).isEqualTo(1);
        assertThat(Files.readString(err).lines().toList()).singleElement().satisfies(l -> assertThat(l)
                .startsWith("error: the database " + data.resolve("memberdesk.db")
                        + " was deleted while MemberDesk was using it"));
        assertThat(data.resolve("memberdesk.db")).doesNotExist();
        assertThat(mode(data.resolve("logs"))).isEqualTo("rwx------");
        assertThat(mode(data.resolve("logs").resolve("memberdesk.log"))).isEqualTo("rw-------");
        assertThat(Files.readString(data.resolve("logs").resolve("memberdesk.log"))).contains("client portal listening");

        Path err2 = dir.resolve("stderr-2");
        Process again = launch(data, err2, "portal", "serve", "--port", "0");
        assertThat(again.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(again.exitValue()).isEqualTo(1);
        assertThat(Files.readString(err2).lines().toList()).singleElement().satisfies(l -> assertThat(l)
                .startsWith("error: the database " + data.resolve("memberdesk.db") + " is missing"));
        assertThat(data.resolve("memberdesk.db")).doesNotExist();
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static Process launch(Path data, Path err, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "org.memberdesk.Launcher", "--data-dir", data.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(err.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("MEMBERDESK_"));
        builder.environment().put("MEMBERDESK_AGENT", "portal-test");
        return builder.start();
    }
}
