package org.memberdesk.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.domain.InvalidInputException;
import org.memberdesk.testsupport.TestClock;

class MailSettingsStoreTest {

    static final String PASSWORD = "correct horse battery staple 42!";

    @TempDir
    Path dir;
    TestClock clock = TestClock.at("2026-03-02T09:00:00Z");

    @Test
    void environmentVariablesWinOverStoredSettingsFieldByField() {
        try (MailFixture mail = new MailFixture(dir, clock)) {
            mail.db.writeVoid(t -> mail.settings.save(t, new MailSettingsStore.Update("smtp.stored.example.com", 2525,
                    "starttls", "help@example.com", "stored-user", "stored-password"), clock.instant()));
            MailSettingsStore withEnv = new MailSettingsStore(new SecretBox(dir.resolve("secret.key")), Map.of(
                    MailSettingsStore.ENV_HOST, "smtp.env.example.org",
                    MailSettingsStore.ENV_SECURITY, "ssl",
                    MailSettingsStore.ENV_PASSWORD, "env-password"));

            MailSettings stored = mail.read(mail.settings::load);
            MailSettings effective = mail.read(withEnv::load);

            assertThat(stored.host()).isEqualTo("smtp.stored.example.com");
            assertThat(stored.password()).isEqualTo("stored-password");
            assertThat(stored.fromEnvironment()).isEmpty();
            assertThat(effective.host()).isEqualTo("smtp.env.example.org");
            assertThat(effective.security()).isEqualTo(SmtpSecurity.SSL);
            assertThat(effective.password()).isEqualTo("env-password");
            assertThat(effective.port()).as("not in the environment: stored").isEqualTo(2525);
            assertThat(effective.user()).isEqualTo("stored-user");
            assertThat(effective.from()).isEqualTo("help@example.com");
            assertThat(effective.fromEnvironment()).containsExactlyInAnyOrder("host", "security", "password");
            assertThat(effective.toString()).doesNotContain("env-password");
        }
    }

    @Test
    void theEnvironmentAloneConfiguresSmtpAndUsualPortsFollowTheSecurity() {
        try (MailFixture mail = new MailFixture(dir, clock)) {
            MailSettingsStore env = new MailSettingsStore(new SecretBox(dir.resolve("secret.key")),
                    Map.of(MailSettingsStore.ENV_HOST, "mail.example.net", MailSettingsStore.ENV_USER, "bot@example.net"));
            MailSettings s = mail.read(env::load);
            assertThat(s.configured()).isTrue();
            assertThat(s.security()).isEqualTo(SmtpSecurity.STARTTLS);
            assertThat(s.port()).isEqualTo(587);
            assertThat(s.from()).isEqualTo("bot@example.net");
            assertThat(mail.read(mail.settings::load).configured()).as("nothing stored: demo mode").isFalse();
        }
    }

    @Test
    void thePasswordIsStoredEncryptedWithAnOwnerOnlyKeyFile() throws Exception {
        try (MailFixture mail = new MailFixture(dir, clock)) {
            mail.db.writeVoid(t -> mail.settings.save(t, new MailSettingsStore.Update("smtp.example.com", null, null,
                    null, "me@example.com", PASSWORD), clock.instant()));

            assertThat(mail.read(mail.settings::load).password()).isEqualTo(PASSWORD);
            assertThat(mail.read(t -> t.settings().get(MailSettingsStore.PASSWORD)).orElseThrow())
                    .startsWith("aesgcm1:").doesNotContain(PASSWORD);
            Path key = dir.resolve("secret.key");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1))
                            .as(file.toString()).doesNotContain(PASSWORD);
                }
            }

            // a null password keeps it; an empty one removes it
            mail.db.writeVoid(t -> mail.settings.save(t, new MailSettingsStore.Update("smtp2.example.com", 465, "ssl",
                    null, "me@example.com", null), clock.instant()));
            assertThat(mail.read(mail.settings::load).password()).isEqualTo(PASSWORD);
            mail.db.writeVoid(t -> mail.settings.save(t, new MailSettingsStore.Update("smtp2.example.com", 465, "ssl",
                    null, "me@example.com", ""), clock.instant()));
            assertThat(mail.read(mail.settings::load).password()).isNull();
        }
    }

    @Test
    void aLostKeyMakesThePasswordUnreadableNotTheAppBroken() throws Exception {
        try (MailFixture mail = new MailFixture(dir, clock)) {
            mail.db.writeVoid(t -> mail.settings.save(t, new MailSettingsStore.Update("smtp.example.com", null, null,
                    null, "me@example.com", PASSWORD), clock.instant()));
            Files.delete(dir.resolve("secret.key"));

            MailSettings s = mail.read(mail.settings::load);
            assertThat(s.password()).isNull();
            assertThat(s.passwordUnreadable()).isTrue();
            assertThat(s.host()).isEqualTo("smtp.example.com");
        }
    }

    @Test
    void badSettingsAreRefusedAndNothingIsWritten() {
        try (MailFixture mail = new MailFixture(dir, clock)) {
            assertThatThrownBy(() -> mail.db.writeVoid(t -> mail.settings.save(t,
                    new MailSettingsStore.Update("smtp.example.com", 70000, "none", null, null, null), clock.instant())))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("port");
            assertThatThrownBy(() -> mail.db.writeVoid(t -> mail.settings.save(t,
                    new MailSettingsStore.Update("smtp.example.com", 25, "tls-please", null, null, null), clock.instant())))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("none, starttls or ssl");
            assertThatThrownBy(() -> mail.db.writeVoid(t -> mail.settings.save(t,
                    new MailSettingsStore.Update("smtp.example.com", 25, "none", "not an address", null, null),
                    clock.instant())))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("from address");
            assertThatThrownBy(() -> mail.db.writeVoid(t -> mail.settings.save(t,
                    new MailSettingsStore.Update(" ", 25, "none", null, null, null), clock.instant())))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("host");
            assertThat(mail.read(mail.settings::load).configured()).isFalse();
        }
    }

    @Test
    void tlsSettingsLiveInTheSessionNotInSystemProperties() {
        MailSettings starttls = new MailSettings("smtp.example.com", 587, SmtpSecurity.STARTTLS, "a@example.com", "u",
                "p", java.util.Set.of(), false);
        var props = SmtpTransport.properties(starttls);
        assertThat(props.getProperty("mail.smtp.starttls.enable")).isEqualTo("true");
        assertThat(props.getProperty("mail.smtp.starttls.required")).isEqualTo("true");
        assertThat(props.getProperty("mail.smtp.ssl.checkserveridentity")).isEqualTo("true");
        assertThat(props.getProperty("mail.smtp.auth")).isEqualTo("true");
        assertThat(props.values()).doesNotContain("p");
        assertThat(SmtpTransport.properties(new MailSettings("smtp.example.com", 465, SmtpSecurity.SSL, "a@example.com",
                null, null, java.util.Set.of(), false)).getProperty("mail.smtp.ssl.enable")).isEqualTo("true");
        assertThat(System.getProperties().stringPropertyNames()).noneMatch(k -> k.startsWith("mail.smtp"));
    }
}
