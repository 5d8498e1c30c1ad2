package org.memberdesk.service.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.memberdesk.mail.PortalLinks;
import org.memberdesk.service.Actor;
import org.memberdesk.service.AuditLog;
import org.memberdesk.service.UserError;
import org.memberdesk.testsupport.SmtpServicesCase;

class EmailTemplatesTest extends SmtpServicesCase {

    final Actor agent = Actor.agent("Sam (support)");

    @Test
    void theStoredTemplateIsWhatTheNextEmailSays() throws Exception {
        services.contacts().add("dana@example.com", "Dana", List.of(), agent);
        services.emailTemplates().set("reset-link", null, new TemplateDraft("Hello {{name}}, your link",
                "Dear {{name}},\nuse {{link}} within {{linkExpiry}}.\n{{signature}}",
                "{{> header_html}}<p>Dear {{name}}, <a href=\"{{link}}\">choose a password</a></p>{{> button_html}}"
                        + "{{> footer_html}}"), agent);

        services.credentials().sendResetLink("dana@example.com", null, null, agent);
        services.emails().runOutbox(false);

        MimeMessage received = smtp.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo("Hello Dana, your link");
        String text = part(received, 0);
        assertThat(text).startsWith("Dear Dana,").contains("/reset/").contains("within 24 hours")
                .doesNotContain(PortalLinks.HIDDEN_TOKEN);
        assertThat(part(received, 1)).contains("<p>Dear Dana, <a href=\"").contains("/reset/")
                .contains("Choose a new password").contains("<title>Hello Dana, your link</title>");
        assertThat(services.audit().latest(5)).extracting(AuditLog.Entry::action).contains("email.template-set");
    }

    @Test
    void aNameWithMarkupStaysEscapedInACustomHtmlTemplateEvenWithTripleBraces() throws Exception {
        services.contacts().add("mallory@example.com", "<script>alert(1)</script>", List.of(), agent);
        services.emailTemplates().set("reset-link", null, new TemplateDraft(null, null,
                "<p>Hi {{name}}</p><a href=\"{{link}}\">reset</a>"), agent);

        services.credentials().sendResetLink("mallory@example.com", null, null, agent);
        services.emails().runOutbox(false);

        String html = part(smtp.getReceivedMessages()[0], 1);
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>");
        assertThatThrownBy(() -> services.emailTemplates().set("reset-link", null,
                new TemplateDraft(null, null, "<p>{{{name}}}</p>{{link}}"), agent))
                .isInstanceOf(UserError.class).hasMessageContaining("unescaped");
    }

    @Test
    void anUnknownVariableAMissingLinkOrASyntaxErrorIsRefusedWithTheReasonAndNothingIsStored() {
        TemplateView before = services.emailTemplates().show("reset-link", null);

        assertThatThrownBy(() -> services.emailTemplates().set("reset-link", null,
                new TemplateDraft("Hi {{nmae}}", null, null), agent))
                .isInstanceOf(UserError.class)
                .hasMessageContaining("{{nmae}}").hasMessageContaining("known: name, loginEmail");
        assertThatThrownBy(() -> services.emailTemplates().set("reset-link", null,
                new TemplateDraft("Reset", "Hi {{name}}, write to us.", null), agent))
                .isInstanceOf(UserError.class).hasMessageContaining("text part").hasMessageContaining("{{link}}");
        assertThatThrownBy(() -> services.emailTemplates().set("set-password", null,
                new TemplateDraft(null, null, "<p>Hi {{name}}</p>"), agent))
                .isInstanceOf(UserError.class).hasMessageContaining("html part").hasMessageContaining("{{link}}");
        assertThatThrownBy(() -> services.emailTemplates().set("password-changed", null,
                new TemplateDraft("Changed", "Hi {{#name}} unclosed", null), agent))
                .isInstanceOf(UserError.class).hasMessageContaining("Mustache error");
        assertThatThrownBy(() -> services.emailTemplates().set("postcard", null,
                new TemplateDraft("x", null, null), agent))
                .isInstanceOf(UserError.class).hasMessageContaining("known: welcome, set-password");

        assertThat(services.emailTemplates().show("reset-link", null)).isEqualTo(before);
        assertThat(services.emailTemplates().show("password-changed", null).customized()).isFalse();
    }

    @Test
    void anOffersOwnTemplateWinsOverTheDefaultAndResetBringsBackTheBundledOne() {
        services.contacts().add("dana@example.com", "Dana", List.of(), agent);
        services.offers().create("Momentum", null, agent);
        services.offers().create("Bootcamp", null, agent);
        services.emailTemplates().set("set-password", null, new TemplateDraft("Default for {{offer}}", null, null),
                agent);
        services.emailTemplates().set("set-password", "Momentum",
                new TemplateDraft("Momentum's own, {{name}}", null, null), agent);

        assertThat(subject("set-password", "Momentum")).isEqualTo("Momentum's own, Dana");
        assertThat(subject("set-password", "Bootcamp")).isEqualTo("Default for Bootcamp");
        assertThat(services.emailTemplates().list()).extracting(v -> v.kind().code() + "/" + v.offer())
                .contains("set-password/null", "set-password/Momentum", "community-reset/null");

        services.emailTemplates().reset("set-password", "Momentum", agent);
        assertThat(subject("set-password", "Momentum")).isEqualTo("Default for Momentum");
        services.emailTemplates().reset("set-password", null, agent);
        assertThat(subject("set-password", "Momentum")).isEqualTo("Your access to Momentum is ready");
        assertThat(services.emailTemplates().show("set-password", null).customized()).isFalse();
        assertThat(services.emailTemplates().show("set-password", null).html())
                .isEqualTo(EmailTemplates.bundled("set-password").html());
    }

    @Test
    void aPreviewRendersADraftForARealContactWithoutStoringOrSendingIt() {
        services.contacts().add("dana@example.com", "Dana", List.of(), agent);

        EmailPreview preview = services.emailTemplates().preview("reset-link", null, "dana@example.com",
                new TemplateDraft("Draft for {{name}}", null, "<p>{{name}}: {{link}}</p>"));

        assertThat(preview.subject()).isEqualTo("Draft for Dana");
        assertThat(preview.html()).contains("<p>Dana: ").contains("/reset/" + PortalLinks.HIDDEN_TOKEN);
        assertThat(preview.text()).contains("Hi Dana,");
        String longHtml = "<p>{{name}}</p>".repeat(500) + "<a href=\"{{link}}\">reset</a>";
        services.emailTemplates().set("reset-link", "", new TemplateDraft(null, null, longHtml), agent);
        assertThat(services.emailTemplates().show("reset-link", null).html()).isEqualTo(longHtml);
        services.emailTemplates().reset("reset-link", null, agent);
        assertThat(services.emailTemplates().show("reset-link", null).customized()).isFalse();
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    private String subject(String kind, String offer) {
        return services.emailTemplates().preview(kind, offer, "dana@example.com", null).subject();
    }

    private static String part(MimeMessage message, int index) throws Exception {
        BodyPart part = ((MimeMultipart) message.getContent()).getBodyPart(index);
        return part.getContent().toString();
    }
}
