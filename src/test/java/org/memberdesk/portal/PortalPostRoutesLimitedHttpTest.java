package org.memberdesk.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberdesk.portal.RawHttp.Response;
import org.memberdesk.service.portal.PortalSiteService;

/**
 * The per-client limit is one mechanism in front of every route: each POST the portal's router
 * knows (and any path it does not) is refused with a 429 once a client without a session is past
 * its limit. The routes are taken from the running router, so a POST route added later without the
 * limit fails here.
 */
class PortalPostRoutesLimitedHttpTest extends PortalCase {

    private static final String PASSWORD = "plum orchard velvet sky";


    @BeforeEach
    void start() {
        f.membershipPassword(PASSWORD);
        f.setting(PortalSiteService.SIGN_IN_PER_IP_SETTING, "2");
        f.setting(PortalSiteService.FORGOT_PER_IP_SETTING, "2");
        f.setting(PortalSiteService.LINK_PER_IP_SETTING, "2");
    }

    @Test
    void everyPostRouteOfTheRouterAndAnyOtherPathIsLimitedPerClient() {
        List<String> paths = new ArrayList<>(f.portal.routePaths("POST").stream()
                .map(p -> p.replace("{slug}", PortalFixture.GROUP_SLUG).replace("{token}", "A".repeat(43)))
                .toList());
        assertThat(paths).as("the router's POST routes").contains("/login", "/forgot", "/logout",
                "/community/" + PortalFixture.GROUP_SLUG + "/login");
        paths.add("/no-such-page");
        paths.add("/community/no-such-group/login");
        paths.add("/community/" + PortalFixture.GROUP_SLUG + "/no-such-page");
        paths.add("/login/");

        int n = 0;
        for (String path : paths) {
            RawHttp client = new RawHttp(f.portal.port(), "127.0.7." + (++n));
            Response page = client.get("/");
            for (int i = 0; i < 2; i++) {
                assertThat(client.post(path, page, "email=someone%40example.com&password=x").status())
                        .as("POST %s, attempt %d", path, i + 1).isNotEqualTo(429);
            }
            Response refused = client.post(path, page, "email=someone%40example.com&password=x");
            assertThat(refused.status()).as("POST %s past the limit: %s", path, refused.body()).isEqualTo(429);
            assertThat(refused.header("Retry-After")).isPresent();
            assertThat(refused.body()).contains("Too many attempts");
        }
    }

    @Test
    void aSignedInContactsSignOutIsNeverRefused() {
        RawHttp client = new RawHttp(f.portal.port(), "127.0.8.1");
        Response page = client.get("/");
        for (int i = 0; i < 2; i++) {
            assertThat(client.post("/logout", page, "").status()).isEqualTo(303);
        }
        assertThat(client.post("/logout", page, "").status()).as("without a session: limited").isEqualTo(429);

        Response signedIn = client.post("/login", page, "email=" + PortalFixture.DANA.replace("@", "%40")
                + "&password=" + PASSWORD.replace(" ", "+"));
        assertThat(signedIn.status()).isEqualTo(303);
        Matcher session = Pattern.compile("md_session=([A-Za-z0-9_-]{43})")
                .matcher(signedIn.header("Set-Cookie").orElseThrow());
        assertThat(session.find()).isTrue();
        String body = "_csrf=" + page.csrf();
        Response signedOut = client.send("POST /logout HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\n"
                + "Cookie: " + page.csrfCookie() + "; md_session=" + session.group(1) + "\r\n"
                + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body);
        assertThat(signedOut.status()).as(signedOut.body()).isEqualTo(303);
        assertThat(f.state().sessions()).isZero();
    }
}
