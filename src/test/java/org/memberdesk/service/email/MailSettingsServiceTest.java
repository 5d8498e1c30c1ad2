package org.memberdesk.service.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.mail.MailSettingsStore;
import org.memberdesk.mail.PortalLinks;
import org.memberdesk.mail.ScriptedSmtpServer;
import org.memberdesk.service.Actor;
import org.memberdesk.service.Services;
import org.memberdesk.service.UserError;
import org.memberdesk.service.contacts.ContactSummary;
import org.memberdesk.service.demo.DemoInboxService;
import org.memberdesk.testsupport.TestClock;
import org.memberdesk.testsupport.TestServices;
import org.memberdesk.testsupport.TestSmtp;

class MailSettingsServiceTest {

    static final String SECRET = "Tr0ub4dor&3-not-in-the-db";

    @TempDir
    Path dir;
    TestClock clock = TestClock.at(TestServices.START);
    Actor agent = Actor.agent("Sam (support)");

    private Services open(Map<String, String> env) {
        return TestServices.open(dir, clock, env);
    }

    @Test
    void savesSettingsShowsOnlyWhetherAPasswordIsSetAndKeepsItOutOfTheDatabase() throws Exception {
        try (Services services = open(Map.of())) {
            MailSettingsView before = services.mailSettings().view();
            assertThat(before.demoMode()).isTrue();
            assertThat(before.host()).isNull();
            assertThat(before.portalUrl()).isEqualTo("http://localhost:7321");
            assertThat(before.portalUrlSource().code()).isEqualTo("default");

            SmtpSettingsForm form = new SmtpSettingsForm("smtp.example.com", 587, "starttls", "Help <help@example.com>",
                    "help@example.com", SECRET);
            MailSettingsView saved = services.mailSettings().save(form, agent);

            assertThat(form.toString()).doesNotContain(SECRET);
            assertThat(saved.demoMode()).isFalse();
            assertThat(saved.host()).isEqualTo("smtp.example.com");
            assertThat(saved.port()).isEqualTo(587);
            assertThat(saved.security().code()).isEqualTo("starttls");
            assertThat(saved.from()).isEqualTo("Help <help@example.com>");
            assertThat(saved.passwordSet()).isTrue();
            assertThat(saved.toString()).doesNotContain(SECRET);
            assertThat(services.audit().latest(5)).filteredOn(e -> e.action().equals("mail.settings-changed"))
                    .singleElement().satisfies(e -> assertThat(e.detail()).contains("smtp.example.com", "password changed")
                            .doesNotContain(SECRET));
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).as(file.toString())
                        .doesNotContain(SECRET);
            }
        }
        assertThat(dir.resolve(Services.SECRET_KEY_FILE)).exists();
        try (Services reopened = open(Map.of())) {
            assertThat(reopened.mailSettings().view().passwordSet()).isTrue();
        }
    }

    @Test
    void refusesBadSettingsWithAPlainMessageAndChangesNothing() {
        try (Services services = open(Map.of())) {
            assertThatThrownBy(() -> services.mailSettings().save(
                    new SmtpSettingsForm("smtp.example.com", 0, "none", null, null, null), agent))
                    .isInstanceOf(UserError.class).hasMessageContaining("port");
            assertThatThrownBy(() -> services.mailSettings().save(
                    new SmtpSettingsForm("smtp.example.com", 25, "tls", null, null, null), agent))
                    .isInstanceOf(UserError.class).hasMessage("security must be none, starttls or ssl, not 'tls'");
            assertThatThrownBy(() -> services.mailSettings().savePortalUrl("ftp://portal.example.com", agent))
                    .isInstanceOf(UserError.class).hasMessageContaining("portal URL");
            assertThat(services.mailSettings().demoMode()).isTrue();
            assertThat(services.audit().latest(10)).isEmpty();
        }
    }

    @Test
    void warnsWhenEmailsWouldCarryLocalhostLinksThroughARealServer() {
        try (Services services = open(Map.of())) {
            assertThat(services.mailSettings().warnings()).as("demo mode: localhost is right").isEmpty();
            services.mailSettings().save(new SmtpSettingsForm("smtp.example.com", null, null, null, null, null), agent);
            assertThat(services.mailSettings().warnings()).singleElement().asString()
                    .contains("http://localhost:7321", "links in emails will not work");

            MailSettingsView fixed = services.mailSettings().savePortalUrl("https://members.example.com/", agent);
            assertThat(fixed.portalUrl()).isEqualTo("https://members.example.com");
            assertThat(fixed.portalUrlSource().code()).isEqualTo("setting");
            assertThat(fixed.warnings()).isEmpty();
            assertThat(fixed.port()).as("usual port of starttls").isEqualTo(587);

            services.mailSettings().clear(agent);
            assertThat(services.mailSettings().demoMode()).isTrue();
        }
    }

    @Test
    void environmentVariablesWinAndTheViewSaysWhichCameFromThere() {
        try (Services services = open(Map.of())) {
            services.mailSettings().save(new SmtpSettingsForm("smtp.stored.example.com", 2525, "none", null, null,
                    null), agent);
        }
        try (Services services = open(Map.of(MailSettingsStore.ENV_HOST, "smtp.env.example.org",
                MailSettingsStore.ENV_PASSWORD, "from-env", PortalLinks.ENV, "https://portal.example.org"))) {
            MailSettingsView view = services.mailSettings().view();
            assertThat(view.host()).isEqualTo("smtp.env.example.org");
            assertThat(view.port()).isEqualTo(2525);
            assertThat(view.passwordSet()).isTrue();
            assertThat(view.fromEnvironment()).containsExactlyInAnyOrder("host", "password");
            assertThat(view.portalUrl()).isEqualTo("https://portal.example.org");
            assertThat(view.portalUrlSource().code()).isEqualTo("environment");
        }
    }

    @Test
    void theTestEmailReportsTheServersOwnReply() throws Exception {
        GreenMail smtp = TestSmtp.startServer(0);
        try (Services services = open(Map.of());
             ScriptedSmtpServer refusing = new ScriptedSmtpServer("550 5.7.1 Relaying denied")) {
            services.mailSettings().save(new SmtpSettingsForm("127.0.0.1", smtp.getSmtp().getPort(), "none",
                    "help@example.com", null, null), agent);
            TestEmailResult ok = services.mailSettings().sendTestEmail("me@example.com");
            assertThat(ok.sent()).isTrue();
            assertThat(ok.reply()).startsWith("250");
            assertThat(smtp.getReceivedMessages()).singleElement()
                    .satisfies(m -> assertThat(m.getSubject()).isEqualTo("MemberDesk test email"));

            services.mailSettings().save(new SmtpSettingsForm("127.0.0.1", refusing.port(), "none", null, null, null),
                    agent);
            TestEmailResult refused = services.mailSettings().sendTestEmail("me@example.com");
            assertThat(refused.sent()).isFalse();
            assertThat(refused.reply()).isEqualTo("550 5.7.1 Relaying denied");
            assertThat(refused.message()).contains("550 5.7.1 Relaying denied");

            int closedPort = TestSmtp.closedPort();
            services.mailSettings().save(new SmtpSettingsForm("127.0.0.1", closedPort, "none", null, null, null), agent);
            TestEmailResult unreachable = services.mailSettings().sendTestEmail("me@example.com");
            assertThat(unreachable.sent()).isFalse();
            assertThat(unreachable.reply()).contains("could not connect", "Connection refused");

            assertThatThrownBy(() -> services.mailSettings().sendTestEmail("not an address"))
                    .isInstanceOf(UserError.class);
        } finally {
            smtp.stop();
        }
    }

    @Test
    void inDemoModeMailLandsInTheDemoInboxThatEveryProcessShares() {
        try (Services console = open(Map.of())) {
            assertThat(console.mailSettings().demoMode()).isTrue();
            ContactSummary dana = console.contacts().add("dana.whitfield@example.com", "Dana Whitfield", List.of(),
                    agent);
            console.transactions().write(t -> console.outbox().enqueue(t, t.contacts().byId(dana.id()).orElseThrow(),
                    console.composer().resetLink(console.portalLinks().base(t), t.contacts().byId(dana.id()).orElseThrow(),
                            java.time.Duration.ofHours(24)), org.memberdesk.domain.Origin.AGENT, "Sam (support)"));
            assertThat(console.emails().runOutbox(true).sent()).isEqualTo(1);
            TestEmailResult test = console.mailSettings().sendTestEmail("agent@example.com");
            assertThat(test.sent()).isTrue();
            assertThat(test.demoMode()).isTrue();

            try (Services cli = open(Map.of())) {
                List<DemoInboxService.DemoMailSummary> inbox = cli.demoInbox().list();
                assertThat(inbox).extracting(DemoInboxService.DemoMailSummary::subject)
                        .containsExactlyInAnyOrder("MemberDesk test email", "Reset your Client Portal password");
                DemoInboxService.DemoMailSummary reset = inbox.stream()
                        .filter(m -> m.subject().startsWith("Reset")).findFirst().orElseThrow();
                assertThat(reset.to()).isEqualTo("dana.whitfield@example.com");
                DemoInboxService.DemoMailView opened = cli.demoInbox().open(reset.id()).orElseThrow();
                assertThat(opened.links()).anySatisfy(l -> assertThat(l).startsWith("http://localhost:7321/reset/"));
                assertThat(opened.html()).contains("Dana Whitfield");
                assertThat(cli.demoInbox().open("../../etc/passwd")).isEmpty();
            }
        }
    }
}
