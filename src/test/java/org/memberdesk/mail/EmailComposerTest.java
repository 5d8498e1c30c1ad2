package org.memberdesk.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.memberdesk.domain.CommunityGroup;
import org.memberdesk.domain.Contact;
import org.memberdesk.domain.EmailKind;
import org.memberdesk.domain.InvalidInputException;
import org.memberdesk.domain.Offer;
import org.memberdesk.domain.TokenPurpose;
import org.memberdesk.testsupport.TestClock;

class EmailComposerTest {

    static final String BASE = "https://members.example.com";
    final TestClock clock = TestClock.at("2026-03-02T09:00:00Z");
    final EmailComposer composer = new EmailComposer(clock);
    final Instant now = clock.instant();
    final Contact dana = new Contact("dana@example.com", "Dana Whitfield", List.of(), now);
    final Offer membership = new Offer("Momentum Membership", null, now);

    @Test
    void welcomeNamesTheOfferThePortalAndTheLoginEmailAndCarriesASetPasswordLinkWithoutAPassword() {
        ComposedEmail email = composer.welcome(BASE, dana, membership, false, Duration.ofHours(72));

        assertThat(email.kind()).isEqualTo(EmailKind.WELCOME);
        assertThat(email.offer()).isSameAs(membership);
        assertThat(email.subject()).isEqualTo("Your access to Momentum Membership is ready");
        assertThat(email.linkPurpose()).isEqualTo(TokenPurpose.SET_PASSWORD);
        assertThat(email.linkTtl()).isEqualTo(Duration.ofHours(72));
        for (String body : List.of(email.text(), email.html())) {
            assertThat(body).contains("Momentum Membership", BASE + "/", "dana@example.com",
                    BASE + "/set-password/" + PortalLinks.HIDDEN_TOKEN, "72 hours");
        }
        assertThat(email.text()).startsWith("Hi Dana Whitfield,");
    }

    @Test
    void welcomeForAContactWithAPasswordHasNoLinkToMint() {
        ComposedEmail email = composer.welcome(BASE, dana, membership, true, Duration.ofHours(72));

        assertThat(email.carriesLink()).isFalse();
        assertThat(email.text()).doesNotContain("set-password", PortalLinks.HIDDEN_TOKEN)
                .contains("Use the membership password you already chose");
        assertThat(email.html()).doesNotContain("set-password", PortalLinks.HIDDEN_TOKEN);
    }

    @Test
    void welcomeUsesTheOffersOwnLoginUrlWhenItHasOne() {
        Offer bootcamp = new Offer("Budget Bootcamp", "https://learn.example.com/bootcamp?src=mail", now);
        ComposedEmail email = composer.welcome(BASE, dana, bootcamp, true, Duration.ofHours(72));

        assertThat(email.text()).contains("https://learn.example.com/bootcamp?src=mail");
        assertThat(email.html()).contains("https://learn.example.com/bootcamp?src&#61;mail");
    }

    @Test
    void anOfferMayOverrideSubjectAndOpeningWhileTheLoginDetailsStay() {
        Offer coaching = new Offer("Coaching Circle", null, now);
        coaching.overrideWelcome("{{name}}, your coaching starts now",
                "Hello {{name}}!\n\nThe {{offer}} meets every Tuesday.\nBring a notebook & questions.");

        ComposedEmail email = composer.welcome(BASE, dana, coaching, false, Duration.ofHours(72));

        assertThat(email.subject()).isEqualTo("Dana Whitfield, your coaching starts now");
        assertThat(email.text()).startsWith("Hello Dana Whitfield!\n\nThe Coaching Circle meets every Tuesday.")
                .doesNotContain("Welcome to Coaching Circle!")
                .contains("dana@example.com", BASE + "/set-password/" + PortalLinks.HIDDEN_TOKEN);
        assertThat(email.html()).contains("The Coaching Circle meets every Tuesday.<br>Bring a notebook &amp; questions.")
                .contains(BASE + "/set-password/");
    }

    @Test
    void contactSuppliedValuesAreEscapedInHtmlAndKeptAsTypedInText() {
        Contact mallory = new Contact("mallory@example.com", "<script>alert(1)</script>", List.of(), now);
        Offer sneaky = new Offer("Tips & <b>Tricks</b>", null, now);
        sneaky.overrideWelcome(null, "Hi {{name}} and {{{name}}}");

        ComposedEmail welcome = composer.welcome(BASE, mallory, sneaky, false, Duration.ofHours(72));
        ComposedEmail reset = composer.resetLink(BASE, mallory, Duration.ofHours(24));

        for (ComposedEmail email : List.of(welcome, reset)) {
            assertThat(email.html()).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>");
            assertThat(email.text()).contains("<script>alert(1)</script>");
        }
        assertThat(welcome.html()).contains("Tips &amp; &lt;b&gt;Tricks&lt;/b&gt;").doesNotContain("<b>Tricks</b>");
        assertThat(welcome.subject()).isEqualTo("Your access to Tips & <b>Tricks</b> is ready");
    }

    @Test
    void subjectsStayOnOneLine() {
        Offer offer = new Offer("Line Break Offer", null, now);
        offer.overrideWelcome("Welcome\r\nBcc: someone@example.net", null);

        assertThat(composer.welcome(BASE, dana, offer, true, Duration.ofHours(1)).subject())
                .isEqualTo("Welcome Bcc: someone@example.net");
    }

    @Test
    void aBrokenOverrideIsReportedInPlainWords() {
        assertThatThrownBy(() -> EmailComposer.checkWelcomeOverride("Hi {{#name}}", null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("welcome template");
        EmailComposer.checkWelcomeOverride("Hi {{name}}", "Welcome to {{offer}}");
    }

    @Test
    void resetLinkSaysItIsForTheMembershipPortalAndWhenItExpires() {
        ComposedEmail email = composer.resetLink(BASE, dana, Duration.ofMinutes(60));

        assertThat(email.kind()).isEqualTo(EmailKind.RESET_LINK);
        assertThat(email.linkPurpose()).isEqualTo(TokenPurpose.RESET);
        assertThat(email.text()).contains("membership Client Portal", "expires in 60 minutes",
                BASE + "/reset/" + PortalLinks.HIDDEN_TOKEN);
        assertThat(email.html()).contains("membership Client Portal", "expires in 60 minutes");
        assertThat(composer.resetLink(BASE, dana, Duration.ofHours(24)).text()).contains("expires in 24 hours");
    }

    @Test
    void communityEmailsNameTheGroupAndKeepItApartFromTheMembership() {
        CommunityGroup founders = new CommunityGroup("Founders Circle", now);

        ComposedEmail reset = composer.communityResetLink(BASE, dana, founders, Duration.ofHours(24));
        assertThat(reset.kind()).isEqualTo(EmailKind.COMMUNITY_RESET_LINK);
        assertThat(reset.group()).isSameAs(founders);
        assertThat(reset.subject()).contains("Founders Circle");
        assertThat(reset.text()).contains("Founders Circle", "separate from your membership",
                BASE + "/community/founders-circle/reset/" + PortalLinks.HIDDEN_TOKEN);

        ComposedEmail welcome = composer.communityWelcome(BASE, dana, founders, false, Duration.ofHours(72));
        assertThat(welcome.text()).contains(BASE + "/community/founders-circle", "separate from your membership",
                "/community/founders-circle/reset/" + PortalLinks.HIDDEN_TOKEN);
        assertThat(welcome.text()).doesNotContain("Client Portal:", "/set-password/");
        assertThat(composer.communityWelcome(BASE, dana, founders, true, Duration.ofHours(72)).carriesLink()).isFalse();

        ComposedEmail changed = composer.communityPasswordChanged(BASE, dana, founders, now);
        assertThat(changed.text()).contains("Founders Circle", "membership (Client Portal) password did not change",
                "2 March 2026 at 09:00");
        assertThat(changed.carriesLink()).isFalse();
    }

    @Test
    void passwordChangedSaysWhenAndWhatToDoIfItWasNotThem() {
        ComposedEmail email = composer.passwordChanged(BASE, dana, now);

        assertThat(email.kind()).isEqualTo(EmailKind.PASSWORD_CHANGED);
        assertThat(email.text()).contains("membership Client Portal", "2 March 2026 at 09:00", "Forgot password",
                BASE + "/");
        assertThat(email.carriesLink()).isFalse();
    }

    @Test
    void describesLinkLifetimesTheWayPeopleSayThem() {
        assertThat(LinkTtl.describe(Duration.ofMinutes(60))).isEqualTo("60 minutes");
        assertThat(LinkTtl.describe(Duration.ofHours(1))).isEqualTo("60 minutes");
        assertThat(LinkTtl.describe(Duration.ofHours(2))).isEqualTo("2 hours");
        assertThat(LinkTtl.describe(Duration.ofHours(24))).isEqualTo("24 hours");
        assertThat(LinkTtl.describe(Duration.ofHours(72))).isEqualTo("72 hours");
        assertThat(LinkTtl.describe(Duration.ofDays(7))).isEqualTo("7 days");
    }

    @Test
    void aStoredHtmlTemplateCannotPutAValueInUnescapedNotEvenWithTripleBraces() {
        Contact mallory = new Contact("mallory@example.com", "<script>alert(1)</script>", List.of(), now);
        TemplateSource stored = new TemplateSource() {
            @Override
            public Stored find(TemplateKind kind, java.util.UUID offerId) {
                return new Stored(TemplateParts.NONE, new TemplateParts(null, null,
                        "<p>{{{name}}} {{&name}} {{name}}</p><a href=\"{{link}}\">x</a>"), MailBrand.NONE);
            }

            @Override
            public MailBrand brand() {
                return MailBrand.NONE;
            }
        };

        ComposedEmail email = new EmailComposer(clock, stored).resetLink(BASE, mallory, Duration.ofHours(24));

        assertThat(email.html()).doesNotContain("<script>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; &lt;script&gt;");
    }

    @Test
    void theSenderNameBecomesTheDisplayNameOfTheFromAddress() {
        assertThat(MailSettings.demo(25).withSenderName("Ana from Acme").from())
                .isEqualTo("Ana from Acme <no-reply@example.com>");
        assertThat(MailSettings.demo(25).withSenderName(" ").from()).isEqualTo(MailSettings.DEMO_FROM);
    }
}
