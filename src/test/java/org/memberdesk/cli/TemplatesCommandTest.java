package org.memberdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.memberdesk.service.AuditLog;

/** {@code templates list|show|set|reset} and {@code branding show|set}. */
class TemplatesCommandTest extends CliCase {

    @Test
    void showPrintsAFileThatSetReadsBackAndResetBringsBackTheBundledTemplate() throws Exception {
        String bundled = cli.run("templates", "show", "reset-link").succeeded().out();
        assertThat(bundled).startsWith("--- subject ---\nReset your Client Portal password\n--- text ---\nHi {{name}},")
                .contains("--- html ---\n{{> header_html}}");

        Path file = dir.resolve("reset.txt");
        Files.writeString(file, bundled.replace("Reset your Client Portal password", "Your new {{brandName}} link")
                .replace("Hi {{name}},", "Hello {{name}},"));
        JsonNode saved = cli.run("--json", "templates", "set", "reset-link", "--file", file.toString()).succeeded()
                .json();
        assertThat(ContactsCommandTest.fieldNames(saved)).containsExactly("kind", "offer", "description", "subject",
                "text", "html", "from", "variables", "linkRequired");
        assertThat(saved.get("subject").asText()).isEqualTo("Your new {{brandName}} link");
        assertThat(saved.get("from").get("subject").asText()).isEqualTo("default");
        assertThat(saved.get("text").asText()).startsWith("Hello {{name}},");

        JsonNode list = cli.run("--json", "templates", "list").succeeded().json();
        assertThat(list).anySatisfy(t -> {
            assertThat(t.get("kind").asText()).isEqualTo("reset-link");
            assertThat(t.get("customized")).extracting(JsonNode::asText).containsExactly("subject", "text", "html");
        });
        assertThat(cli.run("templates", "list").succeeded().out())
                .contains("reset-link: custom subject, text, html - ").contains("set-password: bundled - ");
        assertThat(audit(3)).extracting(AuditLog.Entry::action)
                .contains("email.template-set");

        assertThat(cli.run("templates", "reset", "reset-link").succeeded().out())
                .isEqualTo("the reset-link template is the bundled one again\n");
        assertThat(cli.run("templates", "show", "reset-link").succeeded().out()).isEqualTo(bundled);
        assertThat(audit(1)).extracting(AuditLog.Entry::action)
                .containsExactly("email.template-reset");
    }

    @Test
    void aPartFileAndAnOffersOwnWelcome() throws Exception {
        cli.run("offers", "create", "--name", "Momentum").succeeded();
        Path subject = dir.resolve("subject.txt");
        Files.writeString(subject, "Welcome aboard, {{name}}\n");

        cli.run("templates", "set", "welcome", "--offer", "Momentum", "--part", "subject", "--file",
                subject.toString()).succeeded();

        JsonNode own = cli.run("--json", "templates", "show", "welcome", "--offer", "momentum").succeeded().json();
        assertThat(own.get("offer").asText()).isEqualTo("Momentum");
        assertThat(own.get("subject").asText()).isEqualTo("Welcome aboard, {{name}}");
        assertThat(own.get("from").get("subject").asText()).isEqualTo("offer");
        assertThat(own.get("from").get("html").asText()).isEqualTo("bundled");
        assertThat(cli.run("--json", "templates", "show", "welcome").succeeded().json().get("subject").asText())
                .isEqualTo("Your access to {{offer}} is ready");
    }

    @Test
    void badInputIsOneClearLineAndChangesNothing() throws Exception {
        Path typo = dir.resolve("typo.txt");
        Files.writeString(typo, "--- subject ---\nHi {{nmae}}\n");
        Path noLink = dir.resolve("nolink.txt");
        Files.writeString(noLink, "Hi {{name}}, nothing to click.");
        Path noMarker = dir.resolve("plain.txt");
        Files.writeString(noMarker, "Hi {{name}}");
        String before = cli.run("templates", "show", "reset-link").succeeded().out();

        assertThat(cli.run("templates", "set", "reset-link", "--file", typo.toString()).userError())
                .contains("{{nmae}}").contains("known: name, loginEmail").contains("nothing was changed");
        assertThat(cli.run("templates", "set", "reset-link", "--part", "text", "--file", noLink.toString())
                .userError()).contains("has no {{link}}");
        assertThat(cli.run("templates", "set", "password-changed", "--offer", "X", "--file", typo.toString())
                .userError()).contains("only the welcome and set-password templates can differ per offer");
        assertThat(cli.run("templates", "set", "postcard", "--file", typo.toString()).usageError())
                .contains("unknown template kind 'postcard'; known: welcome, set-password, reset-link");
        assertThat(cli.run("templates", "set", "reset-link", "--file", noMarker.toString()).usageError())
                .contains("has no part");
        assertThat(cli.run("templates", "set", "reset-link", "--part", "footer", "--file", noMarker.toString())
                .usageError()).contains("--part must be subject, text or html");
        assertThat(cli.run("templates", "set", "reset-link", "--file", dir.resolve("missing.txt").toString())
                .usageError()).contains("cannot read");
        assertThat(cli.runExactly("templates", "set", "--help").succeeded().out())
                .startsWith("Usage: memberdesk templates set").contains("--part=PART", "{{link}}");

        assertThat(cli.run("templates", "show", "reset-link").succeeded().out()).isEqualTo(before);
        assertThat(audit(5)).isEmpty();
    }

    @Test
    void brandingSetAndShowAndARefusedLogo() throws Exception {
        Path png = dir.resolve("logo.png");
        Files.write(png, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0});
        Path svg = dir.resolve("logo.svg");
        Files.writeString(svg, "<svg xmlns=\"http://www.w3.org/2000/svg\"/>", StandardCharsets.UTF_8);

        JsonNode saved = cli.run("--json", "branding", "set", "--name", "Acme Academy", "--sender", "Ana at Acme",
                "--logo", png.toString(), "--color", "#AA3300", "--support", "help@acme.example.com").succeeded()
                .json();
        assertThat(ContactsCommandTest.fieldNames(saved)).containsExactly("businessName", "senderName",
                "accentColor", "supportEmail", "logo");
        assertThat(saved.get("accentColor").asText()).isEqualTo("#aa3300");
        assertThat(saved.get("logo").get("contentType").asText()).isEqualTo("image/png");
        assertThat(cli.run("branding", "show").succeeded().out()).isEqualTo("name Acme Academy, sender Ana at Acme,"
                + " colour #aa3300, support help@acme.example.com, logo image/png (12 bytes)\n");

        assertThat(cli.run("branding", "set", "--name", "Acme", "--logo", svg.toString()).userError())
                .contains("SVG").contains("use a PNG or JPEG");
        assertThat(cli.run("branding", "set", "--name", "Acme", "--color", "red").userError()).contains("#rrggbb");
        assertThat(cli.run("branding", "set", "--name", "Acme", "--support", "help@").userError())
                .contains("support address");
        assertThat(cli.run("branding", "set", "--color", "#000000").usageError()).contains("--name");
        assertThat(cli.run("--json", "branding", "show").succeeded().json().get("businessName").asText())
                .isEqualTo("Acme Academy");
        assertThat(audit(5)).extracting(AuditLog.Entry::action)
                .containsExactly("branding.changed");
        assertThat(List.of(cli.run("branding", "set", "--name", "Acme", "--no-logo").succeeded().out()))
                .allSatisfy(out -> assertThat(out).contains("logo (none)"));
    }

    private List<AuditLog.Entry> audit(int latest) {
        return cli.inDatabase(s -> s.audit().latest(latest));
    }
}
