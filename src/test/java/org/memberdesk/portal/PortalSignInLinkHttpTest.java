package org.memberdesk.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.memberdesk.portal.PortalFixture.DANA;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.memberdesk.portal.HttpSession.Page;

/** Magic-link sign-in over HTTP: off by default; the GET shows a button and signs nobody in; the POST signs in once. */
class PortalSignInLinkHttpTest extends PortalCase {

    private static final String FAKE = "/signin/" + "A".repeat(43);

    @Test
    void offByDefaultTheLoginPageDoesNotOfferItAndItsPagesAreNotThere() {
        HttpSession browser = f.browser();
        assertThat(browser.get("/").text()).doesNotContain("Email me a sign-in link");
        assertThat(browser.get("/signin").status()).isEqualTo(404);
        Page login = browser.get("/");
        assertThat(browser.submit(login, "/signin", Map.of("email", DANA)).status()).isEqualTo(404);
        assertThat(browser.get(FAKE).status()).isEqualTo(404);
        f.services.emails().runOutbox(true);
        assertThat(f.services.emails().list(DANA)).isEmpty();
    }

    @Test
    void theLinkPageOnlyShowsAButtonAndThePostSignsInOnce() {
        f.services.signInLinks().setEnabled(true, PortalFixture.AGENT);
        HttpSession contact = f.browser();
        Page login = contact.get("/");
        assertThat(login.body()).contains("href=\"/signin\"").contains("Email me a sign-in link");
        Page form = contact.get("/signin");
        assertThat(form.status()).isEqualTo(200);

        Page known = contact.submit(form, "/signin", Map.of("email", DANA));
        Page unknown = contact.submit(form, "/signin", Map.of("email", "nobody@example.com"));
        assertThat(known.status()).isEqualTo(200);
        assertThat(unknown.status()).isEqualTo(200);
        assertThat(unknown.text()).as("no enumeration").isEqualTo(known.text());
        PortalFixture.MailedLink link = f.latestLink();
        assertThat(link.route()).isEqualTo("signin");

        HttpSession scanner = f.browser();
        for (int i = 0; i < 3; i++) {
            Page seen = scanner.get(link.path());
            assertThat(seen.status()).as("a mail scanner's GET").isEqualTo(200);
            assertThat(seen.text()).contains("Sign in").contains(DANA);
            assertThat(seen.body()).contains("method=\"post\"");
        }
        assertThat(scanner.cookie("md_session")).as("opening signs nobody in").isEmpty();
        assertThat(scanner.get("/").text()).doesNotContain("Momentum Membership");
        assertThat(f.state().sessions()).isZero();

        Page button = contact.get(link.path());
        Page signedIn = contact.submit(button, link.path(), Map.of());
        assertThat(signedIn.status()).isEqualTo(303);
        assertThat(contact.get("/").text()).contains("Momentum Membership");
        assertThat(f.state().sessions()).isEqualTo(1);

        HttpSession replay = f.browser();
        Page again = replay.get(link.path());
        assertThat(again.status()).isEqualTo(410);
        assertThat(again.text()).contains("Link already used");
        assertThat(replay.submit(login, link.path(), Map.of()).status()).as("a second POST").isIn(403, 410);
        assertThat(f.state().sessions()).isEqualTo(1);
    }

    @Test
    void aSignInLinkIsNoResetLinkAndAResetLinkIsNoSignInLink() {
        f.services.signInLinks().setEnabled(true, PortalFixture.AGENT);
        f.services.signInLinks().send(DANA, PortalFixture.AGENT);
        PortalFixture.MailedLink signIn = f.latestLink();
        HttpSession browser = f.browser();
        assertThat(browser.get("/reset/" + signIn.token()).status()).isEqualTo(404);
        assertThat(browser.get("/set-password/" + signIn.token()).status()).isEqualTo(404);

        f.services.credentials().sendResetLink(DANA, null, null, PortalFixture.AGENT);
        PortalFixture.MailedLink reset = f.latestLink();
        Page asSignIn = browser.get("/signin/" + reset.token());
        assertThat(asSignIn.status()).isEqualTo(404);
        assertThat(browser.submit(asSignIn, "/signin/" + reset.token(), Map.of()).status()).isEqualTo(404);
        assertThat(f.state().sessions()).isZero();
    }
}
