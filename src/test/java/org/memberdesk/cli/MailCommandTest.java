package org.memberdesk.cli;

import org.memberdesk.testsupport.TestDatabases;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.memberdesk.service.AuditLog;
import org.memberdesk.service.email.MailSettingsView;
import org.memberdesk.testsupport.Bytes;
import org.memberdesk.testsupport.TestSmtp;

class MailCommandTest extends CliCase {

    static final String PASSWORD = "Tr0ub4dor&3-not-in-clear";
    static final String LOCAL_PORTAL_WARNING = "warning: The portal URL is http://localhost:7321, a local address, "
            + "while email goes to a real SMTP server: links in emails will not work for contacts.";

    @Test
    void withoutOptionsItShowsDemoModeOnANewDataDirectory() {
        CliRunner.Result result = cli.run("mail", "settings").succeeded();

        assertThat(result.out()).isEqualTo("mode: demo (no SMTP server configured): email goes to the demo mailbox "
                + dir.toAbsolutePath().resolve("demo-mailbox") + "; no email leaves this computer\n"
                + "portal URL: http://localhost:7321 (default)\n");
    }

    @Test
    void withoutOptionsAndWithJsonItPrintsTheSettingsObject() {
        JsonNode settings = cli.run("mail", "settings", "--json").succeeded().json();

        assertThat(ContactsCommandTest.fieldNames(settings)).containsExactly("demoMode", "host", "port", "security",
                "from", "user", "passwordSet", "fromEnvironment", "portalUrl", "portalUrlSource", "warnings");
        assertThat(settings.get("demoMode").asBoolean()).isTrue();
        assertThat(settings.get("host").isNull()).isTrue();
        assertThat(settings.get("passwordSet").asBoolean()).isFalse();
        assertThat(settings.get("fromEnvironment")).isEmpty();
        assertThat(settings.get("portalUrl").asText()).isEqualTo("http://localhost:7321");
        assertThat(settings.get("portalUrlSource").asText()).isEqualTo("default");
        assertThat(settings.get("warnings")).isEmpty();
    }

    @Test
    void savesTheSettingsPrintsThemAndWarnsAboutTheLocalPortalUrl() {
        CliRunner.Result result = cli.withStdin(PASSWORD + "\n").run("mail", "settings", "--host", "smtp.example.com",
                "--port", "2525", "--security", "ssl", "--from", "Support <support@example.com>",
                "--user", "support@example.com", "--password-stdin");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("""
                saved SMTP settings
                mode: SMTP
                host: smtp.example.com
                port: 2525
                security: ssl
                from: Support <support@example.com>
                user: support@example.com
                password: set
                portal URL: http://localhost:7321 (default)
                """);
        assertThat(result.err().lines()).singleElement().asString().startsWith(LOCAL_PORTAL_WARNING);
        MailSettingsView stored = cli.inDatabase(s -> s.mailSettings().view());
        assertThat(stored.demoMode()).isFalse();
        assertThat(stored.host()).isEqualTo("smtp.example.com");
        assertThat(stored.port()).isEqualTo(2525);
        assertThat(stored.security().code()).isEqualTo("ssl");
        assertThat(stored.from()).isEqualTo("Support <support@example.com>");
        assertThat(stored.user()).isEqualTo("support@example.com");
        assertThat(stored.passwordSet()).isTrue();
        List<AuditLog.Entry> audit = cli.inDatabase(s -> s.audit().latest(5));
        assertThat(audit).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("mail.settings-changed");
            assertThat(e.agent()).isEqualTo("cli-test");
        });
    }

    @Test
    void theWarningAlsoComesWithJsonAndTheExitCodeStaysZero() {
        CliRunner.Result result = cli.run("--json", "mail", "settings", "--host", "smtp.example.com");

        assertThat(result.exitCode()).isZero();
        JsonNode settings = result.json();
        assertThat(settings.get("demoMode").asBoolean()).isFalse();
        assertThat(settings.get("port").asInt()).isEqualTo(587);
        assertThat(settings.get("security").asText()).isEqualTo("starttls");
        assertThat(settings.get("passwordSet").asBoolean()).isFalse();
        assertThat(settings.get("warnings")).hasSize(1);
        assertThat(result.err()).startsWith(LOCAL_PORTAL_WARNING);
    }

    @Test
    void thePasswordFromStdinIsNeverPrintedNorStoredInClear() throws IOException {
        CliRunner.Result saved = cli.withStdin(PASSWORD + "\r\n").run("mail", "settings", "--host", "smtp.example.com",
                "--user", "support@example.com", "--password-stdin");
        CliRunner.Result shown = cli.run("mail", "settings");
        CliRunner.Result json = cli.run("mail", "settings", "--json");

        for (CliRunner.Result result : List.of(saved, shown, json)) {
            assertThat(result.exitCode()).isZero();
            assertThat(result.out()).doesNotContain(PASSWORD).doesNotContain("Tr0ub4dor");
            assertThat(result.err()).doesNotContain(PASSWORD).doesNotContain("Tr0ub4dor");
        }
        assertThat(shown.out()).contains("password: set\n");
        assertThat(json.json().get("passwordSet").asBoolean()).isTrue();
        assertThat(filesContaining(dir, PASSWORD)).as("files of the data directory holding the password in clear")
                .isEmpty();
        if (TestDatabases.postgresql()) {
            // the settings live on the server: look there too
            assertThat(settingsContaining(PASSWORD)).as("settings holding the password in clear").isZero();
            assertThat(settingsContaining("support@example.com")).as("the scan does find what is stored in clear")
                    .isPositive();
        } else {
            assertThat(filesContaining(dir, "support@example.com")).as("the scan does find what is stored in clear")
                    .isNotEmpty();
        }
    }

    private long settingsContaining(String text) {
        try (java.sql.Connection connection = TestDatabases.connect(dir);
             java.sql.PreparedStatement statement = connection.prepareStatement(
                     "select count(*) from app_setting where strpos(setting_value, ?) > 0 or strpos(setting_key, ?) > 0")) {
            statement.setString(1, text);
            statement.setString(2, text);
            try (java.sql.ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void thePasswordFromStdinIsTheOneTheServerChecks() {
        try (TestSmtp smtp = TestSmtp.start(GreenMailConfiguration.aConfig()
                .withUser("support@example.com", "support@example.com", PASSWORD))) {
            CliRunner right = new CliRunner(dir.resolve("right")).withStdin(PASSWORD + "\n");
            CliRunner wrong = new CliRunner(dir.resolve("wrong")).withStdin("not the password\n");
            JsonNode[] runs = new JsonNode[2];
            int i = 0;
            for (CliRunner runner : List.of(right, wrong)) {
                runner.run("demo", "seed").succeeded();
                runner.run("mail", "settings", "--host", "127.0.0.1", "--port", String.valueOf(smtp.port()),
                        "--security", "none", "--user", "support@example.com", "--password-stdin");
                OutboxCommandTest.requeue(runner, OutboxCommandTest.MARCUS);
                runs[i++] = runner.run("outbox", "run", "--json").succeeded().json();
            }

            assertThat(runs[0].get("sent").asInt()).as("logged in with the piped password").isEqualTo(1);
            assertThat(runs[1].get("sent").asInt()).isZero();
            assertThat(runs[1].get("retrying").asInt()).isEqualTo(1);
            assertThat(wrong.inDatabase(s -> s.emails().list(OutboxCommandTest.MARCUS)).get(0).lastReply())
                    .contains("refused");
            assertThat(smtp.received()).hasSize(1);
        }
    }

    @Test
    void environmentVariablesWinAndAreShownAsSuch() {
        cli.withEnv(Map.of("MEMBERDESK_SMTP_HOST", "relay.example.net", "MEMBERDESK_SMTP_PASSWORD", "env-secret-value",
                "MEMBERDESK_PORTAL_URL", "https://members.example.com"));

        CliRunner.Result result = cli.run("mail", "settings", "--host", "smtp.example.com", "--port", "2525")
                .succeeded();
        JsonNode json = cli.run("mail", "settings", "--json").succeeded().json();

        assertThat(result.out()).contains(
                "host: relay.example.net (from MEMBERDESK_SMTP_HOST, which wins over the stored setting)\n",
                "port: 2525\n",
                "password: set (from MEMBERDESK_SMTP_PASSWORD, which wins over the stored setting)\n",
                "portal URL: https://members.example.com (from MEMBERDESK_PORTAL_URL)\n")
                .doesNotContain("env-secret-value");
        assertThat(json.get("host").asText()).isEqualTo("relay.example.net");
        assertThat(json.get("fromEnvironment")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("host", "password");
        assertThat(json.get("portalUrlSource").asText()).isEqualTo("environment");
        assertThat(json.toString()).doesNotContain("env-secret-value");
        CliRunner.Result withoutEnv = new CliRunner(dir).run("mail", "settings", "--json");
        assertThat(withoutEnv.exitCode()).isZero();
        assertThat(withoutEnv.err()).startsWith(LOCAL_PORTAL_WARNING); // no MEMBERDESK_PORTAL_URL now
        JsonNode stored = withoutEnv.json();
        assertThat(stored.get("host").asText()).isEqualTo("smtp.example.com");
        assertThat(stored.get("fromEnvironment")).isEmpty();
    }

    @Test
    void aPortThatIsNotANumberIsAUsageErrorAndSavesNothing() {
        Object before = settingsState();

        assertThat(cli.run("mail", "settings", "--host", "smtp.example.com", "--port", "smtp").usageError())
                .startsWith("Invalid value for option '--port': 'smtp' is not an int");
        assertThat(settingsState()).isEqualTo(before);
    }

    @Test
    void aPortOutOfRangeIsAUserErrorAndSavesNothing() {
        Object before = settingsState();

        assertThat(cli.withStdin(PASSWORD).run("mail", "settings", "--host", "smtp.example.com", "--port", "70000",
                "--user", "u", "--password-stdin").userError())
                .isEqualTo("error: the SMTP port must be between 1 and 65535");
        assertThat(settingsState()).isEqualTo(before);
    }

    @Test
    void anUnknownSecurityIsAUserErrorAndSavesNothing() {
        Object before = settingsState();

        assertThat(cli.run("mail", "settings", "--host", "smtp.example.com", "--security", "tls").userError())
                .isEqualTo("error: security must be none, starttls or ssl, not 'tls'");
        assertThat(settingsState()).isEqualTo(before);
    }

    @Test
    void aBadFromAddressIsAUserErrorAndSavesNothing() {
        Object before = settingsState();

        assertThat(cli.run("mail", "settings", "--host", "smtp.example.com", "--from", "support at example").userError())
                .isEqualTo("error: 'support at example' is not a valid from address");
        assertThat(settingsState()).isEqualTo(before);
    }

    @Test
    void settingsWithoutTheHostIsAUsageError() {
        Object before = settingsState();

        assertThat(cli.withStdin(PASSWORD).run("mail", "settings", "--user", "u", "--password-stdin").usageError())
                .startsWith("Missing required option: '--host=H'");
        assertThat(settingsState()).isEqualTo(before);
    }

    @Test
    void anEmptyStdinIsAUserErrorAndSavesNothing() {
        Object before = settingsState();

        assertThat(cli.withStdin("\n").run("mail", "settings", "--host", "smtp.example.com", "--password-stdin")
                .userError()).startsWith("error: --password-stdin: no password on standard input");
        assertThat(settingsState()).isEqualTo(before);
    }

    @Test
    void theMailGroupWithoutACommandIsAUsageError() {
        assertThat(cli.run("mail").usageError()).startsWith("Missing required subcommand")
                .contains("Usage: memberdesk mail");
    }

    /** The settings and the audit trail, to prove a refused command saved nothing. */
    private Object settingsState() {
        return cli.inDatabase(s -> List.of(s.mailSettings().view(), s.audit().latest(1000).size()));
    }

    /** Every file under the directory whose bytes contain the text (UTF-8). */
    static List<Path> filesContaining(Path root, String text) throws IOException {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        List<Path> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (Bytes.contains(Files.readAllBytes(file), needle)) {
                    found.add(file);
                }
            }
        }
        return found;
    }
}
