package org.memberdesk.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.memberdesk.portal.PortalFixture.DANA;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.memberdesk.mail.PortalLinks;
import org.memberdesk.portal.HttpSession.Page;
import org.memberdesk.testsupport.TestServices;

/** The security rules of DESIGN.md, each checked over HTTP against the running portal. */
class PortalSecurityHttpTest extends PortalCase {

    private static final String PASSWORD = "plum orchard velvet sky";


    // ---- headers ----

    @Test
    void everyResponseCarriesTheStrictPolicyHeaders() {
        f.membershipPassword(PASSWORD);
        f.services.credentials().sendResetLink(DANA, null, null, PortalFixture.AGENT);
        PortalFixture.MailedLink link = f.latestLink();
        HttpSession browser = f.browser();
        Page login = browser.get("/");
        List<Page> pages = List.of(login, browser.get("/forgot"), browser.get(link.path()),
                browser.get("/reset/" + "A".repeat(43)), browser.get("/set-password/nope"),
                browser.get("/community/founders-circle"), browser.get("/community/founders-circle/forgot"),
                browser.get("/community/no-such-group"), browser.get("/no/such/page"),
                browser.post("/login", Map.of()), browser.get("/assets/portal.css"), browser.get("/assets/brand.css"),
                browser.submit(login, "/login", Map.of("email", DANA, "password", PASSWORD)));
        for (Page page : pages) {
            assertThat(page.header("Content-Security-Policy")).contains("default-src 'none'; style-src 'self';"
                    + " img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
            assertThat(page.header("Referrer-Policy")).contains("no-referrer");
            assertThat(page.header("X-Content-Type-Options")).contains("nosniff");
            assertThat(page.header("Server")).isEmpty();
        }
        for (Page page : pages.subList(0, 10)) {
            assertThat(page.header("Cache-Control")).as("pages, token pages above all, are never stored")
                    .contains("no-store");
            assertThat(page.header("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
            assertThat(page.body()).contains("<html lang=\"en\">")
                    .contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                    .doesNotContain("<script").doesNotContain("style=\"").doesNotContain("<style");
        }
    }

    @Test
    void pagesNeedNoScriptAndLabelEveryField() {
        HttpSession browser = f.browser();
        for (String path : List.of("/", "/forgot", "/community/founders-circle", "/community/founders-circle/forgot")) {
            String body = browser.get(path).body();
            assertThat(body).doesNotContain("<script");
            java.util.regex.Matcher ids = java.util.regex.Pattern.compile("<input id=\"([a-z]+)\"").matcher(body);
            int fields = 0;
            while (ids.find()) {
                fields++;
                assertThat(body).as(path + " labels #" + ids.group(1)).contains("<label for=\"" + ids.group(1) + "\">");
            }
            assertThat(fields).isPositive();
        }
    }

    // ---- CSRF ----

    @Test
    void everyFormCarriesACsrfTokenAndAPostWithoutOrWithAWrongOneIsRefusedChangingNothing() {
        f.membershipPassword(PASSWORD);
        f.services.credentials().sendResetLink(DANA, null, null, PortalFixture.AGENT);
        PortalFixture.MailedLink link = f.latestLink();
        HttpSession browser = f.browser();
        Page login = browser.get("/");
        Page signedIn = browser.submit(login, "/login", Map.of("email", DANA, "password", PASSWORD));
        assertThat(signedIn.status()).isEqualTo(303);
        Page home = browser.get("/");
        assertThat(home.text()).contains("Your memberships");
        assertThat(home.body()).contains("name=\"_csrf\"");
        for (String path : List.of("/", "/forgot", link.path(), "/community/founders-circle",
                "/community/founders-circle/forgot")) {
            String body = f.browser().get(path).body();
            int forms = body.split("<form", -1).length - 1;
            int tokens = body.split("name=\"_csrf\"", -1).length - 1;
            assertThat(forms).as(path).isPositive();
            assertThat(tokens).as(path + ": one token per form").isEqualTo(forms);
        }

        PortalFixture.State before = f.state();
        String wrong = "W".repeat(43);
        Map<String, Map<String, String>> posts = Map.of(
                "/login", Map.of("email", DANA, "password", PASSWORD),
                "/forgot", Map.of("email", DANA),
                link.path(), Map.of("password", "a whole new passphrase", "confirm", "a whole new passphrase"),
                "/logout", Map.of(),
                "/community/founders-circle/login", Map.of("email", DANA, "password", PASSWORD),
                "/community/founders-circle/forgot", Map.of("email", DANA));
        for (var post : posts.entrySet()) {
            Page without = browser.post(post.getKey(), post.getValue());
            Map<String, String> withWrong = new java.util.HashMap<>(post.getValue());
            withWrong.put("_csrf", wrong);
            Page wrongToken = browser.post(post.getKey(), withWrong);
            assertThat(without.status()).as("POST %s without a token", post.getKey()).isEqualTo(403);
            assertThat(wrongToken.status()).as("POST %s with a wrong token", post.getKey()).isEqualTo(403);
            assertThat(without.text()).contains("Nothing was changed");
        }
        // A token from another browser is wrong too.
        Page other = f.browser().get("/");
        Map<String, String> foreign = Map.of("_csrf", other.csrf(), "email", DANA, "password", PASSWORD);
        assertThat(browser.post("/logout", foreign).status()).isEqualTo(403);

        f.services.emails().runOutbox(true);
        assertThat(f.state()).as("nothing changed").isEqualTo(before);
        assertThat(browser.get("/").text()).as("still signed in").contains("Your memberships");
    }

    @Test
    void aPostThatTheBrowserSaysComesFromAnotherSiteIsRefusedEvenWithTheToken() {
        f.membershipPassword(PASSWORD);
        HttpSession browser = f.browser();
        Page login = browser.get("/");
        Page refused = browser.send(HttpRequest.newBuilder(URI.create(f.base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Sec-Fetch-Site", "cross-site")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + login.csrf() + "&email=" + DANA
                        + "&password=plum+orchard+velvet+sky")));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(f.state().sessions()).isZero();
    }

    // ---- cookies and sessions ----

    @Test
    void theSessionCookieIsHttpOnlyLaxRandomAndOnlyItsHashIsStored() {
        f.membershipPassword(PASSWORD);
        HttpSession browser = f.browser();
        Page login = browser.get("/");
        assertThat(login.all("Set-Cookie")).singleElement().satisfies(c -> assertThat(c)
                .startsWith("md_csrf=").contains("; Path=/").contains("; HttpOnly").contains("; SameSite=Lax")
                .doesNotContain("Secure"));
        Page signedIn = browser.submit(login, "/login", Map.of("email", DANA, "password", PASSWORD));
        String cookie = signedIn.all("Set-Cookie").stream().filter(c -> c.startsWith("md_session=")).findFirst()
                .orElseThrow();
        assertThat(cookie).contains("; Path=/").contains("; HttpOnly").contains("; SameSite=Lax")
                .doesNotContain("Secure").doesNotContain("Expires").doesNotContain("Domain");
        String id = browser.cookie("md_session").orElseThrow();
        assertThat(java.util.Base64.getUrlDecoder().decode(id)).as("256 random bits").hasSize(32);

        browser.submit(browser.get("/"), "/login", Map.of("email", DANA, "password", PASSWORD));
        assertThat(f.state().sessions()).as("signing in again replaces this browser's session").isEqualTo(1);
        id = browser.cookie("md_session").orElseThrow();

        HttpSession second = f.browser();
        second.submit(second.get("/"), "/login", Map.of("email", DANA, "password", PASSWORD));
        assertThat(second.cookie("md_session").orElseThrow()).isNotEqualTo(id);

        String stored = f.services.transactions().read(t -> t.portalSessions()
                .ofContact(t.contacts().byEmail(DANA).orElseThrow().getId()).get(0).getTokenHash());
        assertThat(stored).isEqualTo(org.memberdesk.service.credentials.Tokens.hash(id));
        assertThat(f.state().sessions()).isEqualTo(2);
    }

    @Test
    void aSessionOpenedByOneProcessIsSeenByAnotherOnTheSameDataDirectory() {
        f.membershipPassword(PASSWORD);
        HttpSession browser = f.browser();
        browser.submit(browser.get("/"), "/login", Map.of("email", DANA, "password", PASSWORD));
        String id = browser.cookie("md_session").orElseThrow();

        try (var other = TestServices.open(dir, f.clock)) {
            PortalServer second = new PortalServer(other);
            int port = second.start(0);
            try {
                HttpSession elsewhere = new HttpSession("http://localhost:" + port);
                elsewhere.setCookie("md_session", id);
                assertThat(elsewhere.get("/").text()).contains("Hello, Dana Whitfield");
                assertThat(second.url()).isEqualTo("http://localhost:" + port + "/");
            } finally {
                second.stop();
            }
        }
    }

    @Test
    void signingOutEndsTheSessionForGood() {
        f.membershipPassword(PASSWORD);
        HttpSession browser = f.browser();
        browser.submit(browser.get("/"), "/login", Map.of("email", DANA, "password", PASSWORD));
        String id = browser.cookie("md_session").orElseThrow();
        Page home = browser.get("/");
        Page out = browser.submit(home, "/logout", Map.of());
        assertThat(out.status()).isEqualTo(303);
        assertThat(out.header("Location")).contains("/?notice=signed-out");
        assertThat(out.all("Set-Cookie"))
                .anySatisfy(c -> assertThat(c).startsWith("md_session=;").contains("Max-Age=0"));
        assertThat(browser.get("/?notice=signed-out").text()).contains("You have signed out").contains("Sign in");

        HttpSession replay = f.browser();
        replay.setCookie("md_session", id);
        assertThat(replay.get("/").text()).as("the old id is worthless").doesNotContain("Your memberships")
                .contains("Sign in");
        assertThat(f.state().sessions()).isZero();
    }

    @Test
    void aPasswordChangedByTheAgentOrAResetEndsEveryOtherSession() {
        f.membershipPassword(PASSWORD);
        HttpSession phone = f.browser();
        HttpSession laptop = f.browser();
        phone.submit(phone.get("/"), "/login", Map.of("email", DANA, "password", PASSWORD));
        laptop.submit(laptop.get("/"), "/login", Map.of("email", DANA, "password", PASSWORD));
        assertThat(phone.get("/").text()).contains("Your memberships");

        f.clock.advance(Duration.ofMinutes(1));
        f.services.credentials().setPassword(DANA, null, "agent chosen passphrase", false, PortalFixture.AGENT);
        Page ended = phone.get("/");
        assertThat(ended.text()).contains("Your password was changed, so you were signed out everywhere")
                .doesNotContain("Your memberships");
        assertThat(ended.all("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("md_session=;"));

        laptop.submit(laptop.get("/"), "/login", Map.of("email", DANA, "password", "agent chosen passphrase"));
        assertThat(laptop.get("/").text()).contains("Your memberships");
        f.clock.advance(Duration.ofMinutes(1));
        f.services.credentials().sendResetLink(DANA, null, null, PortalFixture.AGENT);
        PortalFixture.MailedLink link = f.latestLink();
        HttpSession mailReader = f.browser();
        Page form = mailReader.get(link.path());
        mailReader.submit(form, link.path(), Map.of("password", "reset chosen passphrase",
                "confirm", "reset chosen passphrase"));
        assertThat(laptop.get("/").text()).contains("signed out everywhere");
        assertThat(f.services.portalAuth().liveSessions(DANA)).isZero();
    }

    @Test
    void cookiesAreSecureAndHostBoundWhenThePortalUrlIsHttps() {
        f.close();
        f = PortalFixture.start(dir.resolve("https"), Map.of(PortalLinks.ENV, "https://portal.example.com"), true);
        f.membershipPassword(PASSWORD);
        HttpSession browser = f.browser();
        Page login = browser.get("/");
        assertThat(login.all("Set-Cookie")).singleElement().satisfies(c -> assertThat(c)
                .startsWith("__Host-md_csrf=").contains("; Path=/").contains("; HttpOnly")
                .contains("; SameSite=Lax").contains("; Secure"));
        // java.net's cookie jar keeps Secure cookies off plain http, as a browser would: send them by hand.
        String csrf = login.csrf();
        Page signedIn = browser.send(HttpRequest.newBuilder(URI.create(f.base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "__Host-md_csrf=" + csrf)
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrf + "&email=" + DANA
                        + "&password=plum+orchard+velvet+sky")));
        assertThat(signedIn.status()).isEqualTo(303);
        assertThat(signedIn.all("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("__Host-md_session=")
                .contains("; HttpOnly").contains("; SameSite=Lax").contains("; Secure"));
        assertThat(f.portal.publicUrl()).isEqualTo("https://portal.example.com/");
    }

    // ---- Host header ----

    @Test
    void aForgedHostHeaderNeverReachesALinkOrARedirect() throws IOException {
        f.membershipPassword(PASSWORD);
        HttpSession browser = f.browser();
        Page forgot = browser.get("/forgot");
        String csrf = forgot.csrf();
        String cookie = "md_csrf=" + csrf;

        String answer = raw("POST /forgot HTTP/1.1\r\nHost: evil.example\r\nCookie: " + cookie
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nConnection: close\r\nContent-Length: "
                + ("_csrf=" + csrf + "&email=dana%40example.com").length() + "\r\n\r\n_csrf=" + csrf
                + "&email=dana%40example.com");
        assertThat(answer).startsWith("HTTP/1.1 200").contains("Check your email").doesNotContain("evil.example");

        PortalFixture.MailedLink link = f.latestLink();
        assertThat(link.url()).startsWith(f.base + "/reset/").doesNotContain("evil.example");

        String redirect = raw("POST /login HTTP/1.1\r\nHost: evil.example\r\nCookie: " + cookie
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nConnection: close\r\nContent-Length: "
                + ("_csrf=" + csrf + "&email=dana%40example.com&password=plum+orchard+velvet+sky").length()
                + "\r\n\r\n_csrf=" + csrf + "&email=dana%40example.com&password=plum+orchard+velvet+sky");
        assertThat(redirect).startsWith("HTTP/1.1 303").containsIgnoringCase("\r\nLocation: /\r\n")
                .doesNotContain("evil.example");
        String page = raw("GET / HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
        assertThat(page).startsWith("HTTP/1.1 200").doesNotContain("evil.example");
    }

    @Test
    void linksInEmailsUseTheConfiguredUrlWhateverTheRequest() {
        f.close();
        f = PortalFixture.start(dir.resolve("configured"),
                Map.of(PortalLinks.ENV, "https://members.example.org/portal"), true);
        HttpSession browser = f.browser();
        String csrf = browser.get("/forgot").csrf();
        Page sent = browser.send(HttpRequest.newBuilder(URI.create(f.base + "/forgot"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "__Host-md_csrf=" + csrf)
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrf + "&email=" + DANA)));
        assertThat(sent.status()).isEqualTo(200);
        assertThat(f.latestLink().url()).startsWith("https://members.example.org/portal/reset/");
    }

    private String raw(String request) throws IOException {
        int port = f.portal.port();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }
}
