package org.memberdesk.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.memberdesk.portal.PortalFixture.DANA;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.memberdesk.portal.HttpSession.Page;
import org.memberdesk.service.credentials.PasswordHasher;

/** Reset and set-password links from emails, at both kinds of door, over HTTP. */
class PortalLinksHttpTest extends PortalCase {

    private static final String NEW_PASSWORD = "copper kettle morning rain";


    @Test
    void openingAResetLinkNeverConsumesItAndSubmittingItOnceDoes() {
        f.services.credentials().sendResetLink(DANA, null, null, PortalFixture.AGENT);
        PortalFixture.MailedLink link = f.latestLink();
        assertThat(link.url()).isEqualTo(f.base + link.path());
        HttpSession scanner = f.browser();
        for (int i = 0; i < 3; i++) {
            Page seen = scanner.get(link.path());
            assertThat(seen.status()).as("a mail scanner's GET").isEqualTo(200);
            assertThat(seen.text()).contains("Choose a new password").contains(DANA);
            assertThat(seen.header("Cache-Control")).contains("no-store");
        }

        HttpSession contact = f.browser();
        Page form = contact.get(link.path());
        assertThat(form.body()).contains("autocomplete=\"new-password\"").contains("At least 15 characters");
        Page done = contact.submit(form, link.path(), Map.of("password", NEW_PASSWORD, "confirm", NEW_PASSWORD));
        assertThat(done.status()).isEqualTo(303);
        assertThat(done.header("Location")).contains("/?notice=password-set");
        Page login = contact.get(done.header("Location").orElseThrow());
        assertThat(login.text()).contains("Your new password is set").contains("Sign in");

        assertThat(new PasswordHasher().matches(NEW_PASSWORD, f.state().membershipHash())).isTrue();
        Page again = contact.get(link.path());
        assertThat(again.status()).isEqualTo(410);
        assertThat(again.text()).contains("Link already used")
                .contains("This link was already used to set a password: each link works once")
                .contains("Get a new link");
        Page replay = contact.submit(again, link.path(), Map.of("password", "another long passphrase",
                "confirm", "another long passphrase"));
        assertThat(replay.status()).isEqualTo(410);
        assertThat(new PasswordHasher().matches(NEW_PASSWORD, f.state().membershipHash())).isTrue();

        f.services.emails().runOutbox(true);
        assertThat(f.services.emails().list(DANA)).extracting(e -> e.kind().code()).contains("password-changed");
        Page signIn = contact.get("/");
        contact.submit(signIn, "/login", Map.of("email", DANA, "password", NEW_PASSWORD));
        assertThat(contact.get("/").text()).contains("Momentum Membership").contains("Budget Bootcamp");
    }

    @Test
    void errorsShowNextToTheirFieldAndChangeNothing() {
        f.services.credentials().sendResetLink(DANA, null, null, PortalFixture.AGENT);
        PortalFixture.MailedLink link = f.latestLink();
        HttpSession browser = f.browser();
        Page form = browser.get(link.path());
        PortalFixture.State before = f.state();

        Page shortOne = browser.submit(form, link.path(), Map.of("password", "short", "confirm", "short"));
        assertThat(shortOne.status()).isEqualTo(422);
        assertThat(shortOne.body()).containsPattern("id=\"password\"[^>]*aria-invalid=\"true\"")
                .containsPattern("<p class=\"field-error\" id=\"password-error\">"
                        + "Use at least 15 characters \\(5 so far\\)\\.</p>")
                .doesNotContain("value=\"short\"");
        assertThat(shortOne.text()).contains("Your password was not changed");

        Page common = browser.submit(form, link.path(), Map.of("password", "1qaz2wsx3edc4rfv", "confirm", "1qaz2wsx3edc4rfv"));
        assertThat(common.body()).contains("id=\"password-error\">This password is on a list of commonly used");

        Page mismatch = browser.submit(form, link.path(),
                Map.of("password", NEW_PASSWORD, "confirm", NEW_PASSWORD + "!"));
        assertThat(mismatch.status()).isEqualTo(422);
        assertThat(mismatch.body()).containsPattern("id=\"confirm\"[^>]*aria-invalid=\"true\"")
                .contains("id=\"confirm-error\">The two passwords are not the same")
                .doesNotContain("id=\"password-error\"");

        Page empty = browser.submit(form, link.path(), Map.of());
        assertThat(empty.body()).contains("id=\"password-error\">Enter a password.");

        Page email = browser.submit(form, link.path(), Map.of("password", DANA, "confirm", DANA));
        assertThat(email.body()).contains("id=\"password-error\">The password may not be");

        assertThat(f.state()).isEqualTo(before);
        assertThat(browser.get(link.path()).status()).as("the link still works").isEqualTo(200);
    }

    @Test
    void anExpiredLinkSaysSoAndOffersANewOne() {
        f.services.credentials().sendResetLink(DANA, null, Duration.ofHours(2), PortalFixture.AGENT);
        PortalFixture.MailedLink link = f.latestLink();
        HttpSession browser = f.browser();
        f.clock.advance(Duration.ofHours(1).plusMinutes(59));
        assertThat(browser.get(link.path()).text()).contains("expires in 1 minute");
        f.clock.advance(Duration.ofMinutes(1));

        Page expired = browser.get(link.path());
        assertThat(expired.status()).isEqualTo(410);
        assertThat(expired.text()).contains("Link expired")
                .contains("This link has expired: links stop working after a while, for your safety")
                .contains("Send me a new link");
        Page post = browser.submit(expired, link.path(), Map.of("password", NEW_PASSWORD, "confirm", NEW_PASSWORD));
        assertThat(post.status()).isEqualTo(410);
        assertThat(f.state().membershipHash()).isNull();

        Page sent = browser.submit(expired, "/forgot", Map.of("email", DANA));
        assertThat(sent.text()).contains("Check your email");
        PortalFixture.MailedLink fresh = f.latestLink();
        assertThat(fresh.token()).isNotEqualTo(link.token());
        assertThat(browser.get(fresh.path()).status()).isEqualTo(200);
    }

    @Test
    void aSupersededLinkSaysANewerOneWasSent() {
        f.services.credentials().sendResetLink(DANA, null, null, PortalFixture.AGENT);
        PortalFixture.MailedLink older = f.latestLink();
        f.clock.advance(Duration.ofMinutes(1));
        f.services.credentials().sendResetLink(DANA, null, null, PortalFixture.AGENT);
        PortalFixture.MailedLink newer = f.latestLink();

        Page page = f.browser().get(older.path());
        assertThat(page.status()).isEqualTo(410);
        assertThat(page.text()).contains("Newer link sent")
                .contains("A newer link was sent after this one: use the most recent email");
        assertThat(f.browser().get(newer.path()).status()).isEqualTo(200);
    }

    @Test
    void anUnknownOrMangledTokenIsNotValid() {
        for (String path : new String[] {"/reset/" + "A".repeat(43), "/reset/short", "/set-password/%3Cscript%3E",
                "/community/founders-circle/reset/" + "B".repeat(43)}) {
            Page page = f.browser().get(path);
            assertThat(page.status()).as(path).isEqualTo(404);
            assertThat(page.text()).contains("Link not valid").contains("This link is not valid")
                    .doesNotContain("<script");
        }
    }

    @Test
    void theWelcomeEmailsSetPasswordLinkWorksTheSameWay() {
        f.services.credentials().resendWelcome(DANA, "Momentum Membership", PortalFixture.AGENT);
        PortalFixture.MailedLink link = f.latestLink();
        assertThat(link.route()).isEqualTo("set-password");
        HttpSession browser = f.browser();
        Page form = browser.get(link.path());
        assertThat(form.text()).contains("Choose your password").contains("Set my password")
                .contains("expires in 3 days");
        Page done = browser.submit(form, link.path(), Map.of("password", NEW_PASSWORD, "confirm", NEW_PASSWORD));
        assertThat(done.status()).isEqualTo(303);
        browser.submit(browser.get("/"), "/login", Map.of("email", DANA, "password", NEW_PASSWORD));
        assertThat(browser.get("/").text()).contains("Momentum Membership");
        assertThat(browser.get(link.path()).text()).contains("This link was already used");
    }

    @Test
    void aCommunityResetWorksAtItsGroupsDoorOnly() {
        f.membershipPassword("membership pass phrase");
        String membershipHash = f.state().membershipHash();
        HttpSession browser = f.browser();
        Page forgot = browser.get("/community/founders-circle/forgot");
        assertThat(forgot.text()).contains("Founders Circle community").contains("the Founders Circle community group");
        Page sent = browser.submit(forgot, "/community/founders-circle/forgot", Map.of("email", DANA));
        assertThat(sent.status()).isEqualTo(200);
        PortalFixture.MailedLink link = f.latestLink();
        assertThat(link.prefix()).isEqualTo("/community/founders-circle");
        assertThat(link.route()).isEqualTo("reset");

        // The same token at the membership door is no link at all, and changes nothing.
        Page wrongDoor = browser.get("/reset/" + link.token());
        assertThat(wrongDoor.status()).isEqualTo(404);
        Page wrongPost = browser.submit(wrongDoor, "/reset/" + link.token(),
                Map.of("password", "group pass phrase here", "confirm", "group pass phrase here"));
        assertThat(wrongPost.status()).isEqualTo(404);
        assertThat(f.state().communityHash()).isNull();

        Page form = browser.get(link.path());
        assertThat(form.text()).contains("Choose a new password").contains("the Founders Circle community group");
        Page done = browser.submit(form, link.path(), Map.of("password", "group pass phrase here",
                "confirm", "group pass phrase here"));
        assertThat(done.header("Location")).contains("/community/founders-circle?notice=password-set");
        assertThat(f.state().membershipHash()).isEqualTo(membershipHash);
        assertThat(new PasswordHasher().matches("group pass phrase here", f.state().communityHash())).isTrue();

        Page groupLogin = browser.get("/community/founders-circle?notice=password-set");
        assertThat(groupLogin.text()).contains("Your new password is set").contains("Sign in to Founders Circle");
        Page in = browser.submit(groupLogin, "/community/founders-circle/login",
                Map.of("email", DANA, "password", "group pass phrase here"));
        assertThat(in.status()).isEqualTo(303);
        assertThat(browser.get("/community/founders-circle").text())
                .contains("You are signed in to the Founders Circle community group");
        assertThat(browser.get("/").text()).as("the community session does not open the membership portal")
                .contains("Sign in").doesNotContain("Your memberships");

        HttpSession other = f.browser();
        Page refused = other.submit(other.get("/"), "/login",
                Map.of("email", DANA, "password", "group pass phrase here"));
        assertThat(refused.status()).as("a community password at the membership door").isEqualTo(401);
        Page refusedToo = other.submit(other.get("/community/founders-circle"), "/community/founders-circle/login",
                Map.of("email", DANA, "password", "membership pass phrase"));
        assertThat(refusedToo.status()).as("the membership password at the community door").isEqualTo(401);
        assertThat(refusedToo.text()).contains("This group has its own password");
    }

    @Test
    void everyPortalLinkInEveryEmailLeadsToARealPage() throws Exception {
        f.services.credentials().resendWelcome(DANA, "Momentum Membership", PortalFixture.AGENT);
        assertLinksOfNewMailWork(1);
        f.services.credentials().setPassword(DANA, null, NEW_PASSWORD, true, PortalFixture.AGENT);
        assertLinksOfNewMailWork(1);
        f.services.credentials().sendResetLink(DANA, null, null, PortalFixture.AGENT);
        assertLinksOfNewMailWork(1);
        f.services.credentials().sendResetLink(DANA, PortalFixture.GROUP, null, PortalFixture.AGENT);
        assertLinksOfNewMailWork(1);
        f.services.credentials().setPassword(DANA, PortalFixture.GROUP, "group pass phrase here", true,
                PortalFixture.AGENT);
        assertLinksOfNewMailWork(1);
        f.services.credentials().resendWelcome(DANA, "Budget Bootcamp", PortalFixture.AGENT);
        assertLinksOfNewMailWork(1);
    }

    private int checkedMail;

    /** Delivers, then opens every link to this portal in the mail that arrived since the last call. */
    private void assertLinksOfNewMailWork(int minimum) throws Exception {
        f.services.emails().runOutbox(true);
        var received = f.smtp.getReceivedMessages();
        int links = 0;
        for (int i = checkedMail; i < received.length; i++) {
            String body = com.icegreen.greenmail.util.GreenMailUtil.getBody(received[i])
                    .replace("=\r\n", "").replace("=3D", "=");
            var m = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(f.base) + "(/[^\\s\"<>]*)")
                    .matcher(body);
            while (m.find()) {
                Page page = f.browser().get(m.group(1));
                assertThat(page.status()).as("%s in '%s'", m.group(1), received[i].getSubject()).isEqualTo(200);
                links++;
            }
        }
        checkedMail = received.length;
        assertThat(links).isGreaterThanOrEqualTo(minimum);
    }

    @Test
    void aCommunityDoorIsFoundInAnySpellingAndAnUnknownOneIs404() {
        Page moved = f.browser().get("/community/Founders%20Circle/forgot");
        assertThat(moved.status()).isEqualTo(303);
        assertThat(moved.header("Location")).contains("/community/founders-circle/forgot");
        assertThat(f.browser().get("/login").header("Location")).as("a bookmarked form address").contains("/");
        assertThat(f.browser().get("/community/founders-circle/login").header("Location"))
                .contains("/community/founders-circle");
        Page none = f.browser().get("/community/nobody-here");
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.text()).contains("There is no community group at this address");
    }

    @Test
    void theBrandComesFromSettings() {
        f.setting("portal.brand.name", "Momentum <Academy>");
        f.setting("portal.brand.color", "#0a7d5a");
        Page login = f.browser().get("/");
        assertThat(login.body()).contains("<title>Sign in · Momentum &lt;Academy&gt;</title>")
                .contains("Momentum &lt;Academy&gt;").doesNotContain("<Academy>");
        assertThat(f.browser().get("/assets/brand.css").body()).contains("--accent: #0a7d5a;");
        f.setting("portal.brand.color", "url(javascript:alert(1))");
        assertThat(f.browser().get("/assets/brand.css").body()).contains("--accent: #3b5bdb;")
                .doesNotContain("javascript");
    }
}
