package org.memberdesk.service.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberdesk.service.Actor;
import org.memberdesk.service.UserError;
import org.memberdesk.service.portal.PortalAuthService.Door;
import org.memberdesk.service.portal.PortalAuthService.SessionCheck;
import org.memberdesk.testsupport.SmtpServicesCase;
import org.memberdesk.testsupport.Verified;

/**
 * Magic-link sign-in: off by default; a single-use link for 15 minutes that signs in only through
 * its button's POST; revoked by a password change and an email change; one of the 5 ways in an hour.
 */
class SignInLinksTest extends SmtpServicesCase {

    private static final String DANA = "dana@example.com";
    private static final String OMAR = "omar@example.com";
    private static final Pattern LINK = Pattern.compile("/signin/([A-Za-z0-9_-]{43})");

    SignInLinks links;
    final Actor agent = Actor.agent("Sam (support)");

    @BeforeEach
    void open() {
        links = services.signInLinks();
        services.contacts().add(DANA, "Dana Whitfield", List.of(), agent);
        services.contacts().add(OMAR, "Omar Haddad", List.of(), agent);
    }

    private String delivered() {
        services.emails().runOutbox(true);
        MimeMessage[] all = smtp.getReceivedMessages();
        Matcher m = LINK.matcher(GreenMailUtil.getBody(all[all.length - 1]).replace("=\r\n", ""));
        assertThat(m.find()).as("the email carries a sign-in link").isTrue();
        return m.group(1);
    }

    @Test
    void offByDefaultNothingGoesOut() {
        assertThat(links.enabled()).isFalse();
        assertThatThrownBy(() -> links.send(DANA, agent)).isInstanceOf(UserError.class)
                .hasMessageContaining("magic-link sign-in is off");
        links.requestFromPortal(DANA);
        services.emails().runOutbox(true);
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void theLinkSignsInOnceWithoutAPasswordAndOpeningItUsesNothingUp() {
        links.setEnabled(true, agent);
        links.send(DANA, agent);
        String token = delivered();

        CredentialService.LinkCheck opened = services.credentials().openLink(token);
        assertThat(opened.live()).isTrue();
        assertThat(opened.purpose()).isEqualTo(LinkPurpose.LOGIN);
        assertThat(opened.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(15)));
        assertThat(services.credentials().openLink(token).live()).as("opening twice uses nothing up").isTrue();
        assertThatThrownBy(() -> services.credentials().completeLink(token, null, "plum orchard velvet sky"))
                .as("a sign-in link sets no password").isInstanceOf(UserError.class);

        Optional<String> session = services.portalAuth().signInWithLink(token);

        assertThat(session).isPresent();
        SessionCheck check = services.portalAuth().session(session.get(), Door.MEMBERSHIP);
        assertThat(check.valid()).isTrue();
        assertThat(check.session().email()).isEqualTo(DANA);
        assertThat(services.portalAuth().signInWithLink(token)).as("once").isEmpty();
        assertThat(services.credentials().openLink(token).state()).isEqualTo(LinkState.USED);

        services.credentials().setPassword(DANA, null, "plum orchard velvet sky", false, agent);
        assertThat(services.portalAuth().session(session.get(), Door.MEMBERSHIP).valid())
                .as("choosing a password later ends the session the link opened").isFalse();
    }

    @Test
    void itExpiresAfterFifteenMinutes() {
        links.setEnabled(true, agent);
        links.send(DANA, agent);
        String token = delivered();
        clock.advance(Duration.ofMinutes(15));
        assertThat(services.portalAuth().signInWithLink(token)).isEmpty();
        assertThat(services.credentials().openLink(token).state()).isEqualTo(LinkState.EXPIRED);
    }

    @Test
    void aPasswordChangeAndAnEmailChangeRevokeIt() {
        links.setEnabled(true, agent);
        links.send(DANA, agent);
        String first = delivered();
        services.credentials().setPassword(DANA, null, "plum orchard velvet sky", false, agent);
        assertThat(services.portalAuth().signInWithLink(first)).isEmpty();

        links.send(DANA, agent);
        String second = delivered();
        services.contacts().edit(DANA, "dana.w@example.com", null, null, Verified.BY_PHONE, agent);
        assertThat(services.portalAuth().signInWithLink(second)).isEmpty();
        assertThat(services.credentials().openLink(second).state()).isEqualTo(LinkState.REVOKED);
    }

    @Test
    void eachLinkIsOneOfTheFiveWaysInAnHourAndBulkSkipsWhoIsOver() {
        links.setEnabled(true, agent);
        for (int i = 0; i < CredentialService.RESET_EMAILS_PER_HOUR; i++) {
            links.send(DANA, agent);
            clock.advance(Duration.ofMinutes(1));
        }
        assertThatThrownBy(() -> links.send(DANA, agent)).isInstanceOf(CredentialService.RateLimited.class);
        assertThatThrownBy(() -> services.credentials().sendResetLink(DANA, null, null, agent))
                .as("a reset email after five sign-in links").isInstanceOf(CredentialService.RateLimited.class);

        SignInLinks.Preview preview = links.preview(List.of(DANA, OMAR));
        assertThat(preview.ready()).containsExactly(OMAR);
        assertThat(preview.overLimit()).extracting(SignInLinks.Skipped::email).containsExactly(DANA);

        List<SignInLinks.Progress> progress = new ArrayList<>();
        SignInLinks.BulkResult result = links.sendMany(List.of(DANA, " Omar@Example.com "), agent, progress::add);

        assertThat(result.sent()).extracting(e -> e.recipient()).containsExactly(OMAR);
        assertThat(result.skipped()).singleElement().satisfies(s -> {
            assertThat(s.email()).isEqualTo(DANA);
            assertThat(s.reason()).contains("in the last hour");
        });
        assertThat(progress).extracting(SignInLinks.Progress::done).containsExactly(1, 2);
        assertThat(services.audit().latest(3)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("credentials.login-link-sent");
            assertThat(e.outcome().code()).isEqualTo("refused");
        });
    }

    @Test
    void thePortalRequestMailsOnlyARealContactAndTurningItOffIsAudited() {
        links.setEnabled(true, agent);
        links.requestFromPortal(DANA);
        links.requestFromPortal("nobody@example.com");
        String token = delivered();
        assertThat(smtp.getReceivedMessages()).as("only the real contact gets one").hasSize(1);

        links.setEnabled(false, agent);

        assertThat(links.enabled()).isFalse();
        assertThat(services.audit().latest(5)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("portal.magic-links-changed");
            assertThat(e.detail()).isEqualTo("turned off");
        });
        assertThat(token).isNotBlank();
    }
}
