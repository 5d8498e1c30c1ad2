package org.memberdesk.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.memberdesk.portal.PortalFixture.DANA;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberdesk.portal.RawHttp.Response;
import org.memberdesk.service.Services;
import org.memberdesk.service.portal.PortalSiteService;
import org.memberdesk.testsupport.TestClock;
import org.memberdesk.testsupport.TestServices;

/**
 * Every POST that needs no session (sign-in and Forgot Password at each door, the reset form) is
 * limited per client address and per typed address; past a limit the answer is a plain 429 page
 * with Retry-After and nothing else happens. Clients are told apart by the socket's address
 * (127.0.0.2, 127.0.0.3, ...), or by X-Forwarded-For when the socket is a trusted proxy.
 */
class PortalRequestLimitsHttpTest extends PortalCase {

    private static final String PASSWORD = "plum orchard velvet sky";


    @BeforeEach
    void start() {
        f.membershipPassword(PASSWORD);
        f.communityPassword(PASSWORD);
    }

    @Test
    void signInPastThePerAddressLimitIs429WithRetryAfterAndNoWork() {
        f.setting(PortalSiteService.SIGN_IN_PER_IP_SETTING, "3");
        RawHttp attacker = client("127.0.0.2");
        for (int i = 0; i < 3; i++) {
            assertThat(signIn(attacker, "/login", "someone" + i + "@example.com", "wrong password").status())
                    .isEqualTo(401);
        }
        PortalFixture.State before = f.state();
        Response refused = signIn(attacker, "/login", DANA, "wrong password");
        assertTooMany(refused);
        Response refusedRight = signIn(attacker, "/login", DANA, PASSWORD);
        assertTooMany(refusedRight);
        assertThat(f.state()).as("no failure counted, no session, nothing written").isEqualTo(before);

        assertThat(signIn(client("127.0.0.3"), "/login", DANA, PASSWORD).status())
                .as("another client is not limited by the first").isEqualTo(303);
    }

    @Test
    void forgotPasswordPastThePerAddressLimitIs429AndQueuesNoEmail() {
        RawHttp flooder = client("127.0.0.2");
        for (int i = 0; i < 5; i++) {
            assertThat(forgot(flooder, "/forgot", "contact" + i + "@example.com").status()).isEqualTo(200);
        }
        int resetsBefore = resets();
        Response refused = forgot(flooder, "/forgot", DANA);
        assertTooMany(refused);
        assertThat(resets()).as("no email queued past the limit").isEqualTo(resetsBefore);
        f.services.emails().runOutbox(true);
        assertThat(f.received()).isZero();

        assertThat(forgot(client("127.0.0.3"), "/forgot", DANA).status()).isEqualTo(200);
        assertThat(resets()).isEqualTo(resetsBefore + 1);
    }

    @Test
    void aCommunityDoorAndTheResetFormAreLimitedToo() {
        f.setting(PortalSiteService.SIGN_IN_PER_IP_SETTING, "2");
        f.setting(PortalSiteService.FORGOT_PER_IP_SETTING, "1");
        f.setting(PortalSiteService.LINK_PER_IP_SETTING, "2");
        RawHttp client = client("127.0.0.2");
        String door = "/community/" + PortalFixture.GROUP_SLUG;
        assertThat(signIn(client, door + "/login", DANA, "wrong password").status()).isEqualTo(401);
        assertThat(signIn(client, door + "/login", DANA, "wrong password").status()).isEqualTo(401);
        assertTooMany(signIn(client, door + "/login", DANA, PASSWORD));
        assertThat(forgot(client, door + "/forgot", DANA).status()).isEqualTo(200);
        assertTooMany(forgot(client, door + "/forgot", DANA));

        String resetPath = "/reset/" + "A".repeat(43);
        Response page = client.get("/");
        assertThat(client.post(resetPath, page, "password=x&confirm=x").status()).isEqualTo(404);
        assertThat(client.post(resetPath, page, "password=x&confirm=x").status()).isEqualTo(404);
        assertTooMany(client.post(resetPath, page, "password=x&confirm=x"));
    }

    @Test
    void aTrustedProxyNamesTheClientAndAnyoneElsesForwardedForIsIgnored() {
        f.setting(PortalSiteService.FORGOT_PER_IP_SETTING, "2");
        f.setting(PortalSiteService.TRUSTED_PROXIES_SETTING, "127.0.0.10, 10.9.0.0/16");
        RawHttp proxy = client("127.0.0.10");
        // The client put a made-up first entry; the proxy appended the real one; an inner proxy hop follows.
        assertThat(forgotVia(proxy, "198.51.100.1, 203.0.113.5").status()).isEqualTo(200);
        assertThat(forgotVia(proxy, "198.51.100.2, 203.0.113.5, 10.9.0.7").status()).isEqualTo(200);
        assertTooMany(forgotVia(proxy, "198.51.100.3, 203.0.113.5"));
        assertThat(forgotVia(proxy, "203.0.113.6").status()).as("another client behind the proxy").isEqualTo(200);

        RawHttp untrusted = client("127.0.0.2");
        assertThat(forgotVia(untrusted, "203.0.113.7").status()).isEqualTo(200);
        assertThat(forgotVia(untrusted, "203.0.113.8").status()).isEqualTo(200);
        assertTooMany(forgotVia(untrusted, "203.0.113.9"));
    }

    @Test
    void thePerAccountLimitAnswersTheSameForAnAddressWithAndWithoutAnAccount() {
        f.setting(PortalSiteService.FORGOT_PER_ACCOUNT_SETTING, "2");
        f.setting(PortalSiteService.SIGN_IN_PER_ACCOUNT_SETTING, "2");
        List<Response> dana = new ArrayList<>();
        List<Response> nobody = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            dana.add(forgot(client("127.0.1." + (i + 1)), "/forgot", DANA));
            nobody.add(forgot(client("127.0.2." + (i + 1)), "/forgot", "nobody@example.com"));
        }
        assertThat(dana.subList(0, 2)).allMatch(r -> r.status() == 200);
        assertThat(nobody.subList(0, 2)).allMatch(r -> r.status() == 200);
        assertTooMany(dana.get(2));
        assertTooMany(nobody.get(2));
        assertThat(dana.get(2).body()).isEqualTo(nobody.get(2).body());
        assertThat(resets()).as("Dana got two links, not three").isEqualTo(2);

        for (int i = 0; i < 2; i++) {
            assertThat(signIn(client("127.0.3." + (i + 1)), "/login", DANA, "wrong " + i).status()).isEqualTo(401);
            assertThat(signIn(client("127.0.4." + (i + 1)), "/login", "nobody@example.com", "wrong").status())
                    .isEqualTo(401);
        }
        Response danaRefused = signIn(client("127.0.3.9"), "/login", " Dana@Example.com", PASSWORD);
        Response nobodyRefused = signIn(client("127.0.4.9"), "/login", "nobody@example.com", "wrong");
        assertTooMany(danaRefused);
        assertTooMany(nobodyRefused);
        assertThat(danaRefused.body()).isEqualTo(nobodyRefused.body());
        assertThat(f.state().sessions()).isZero();
    }

    @Test
    void limitsLiftedMeansNoLimit() {
        f.setting(PortalSiteService.LIMITS_SETTING, "off");
        f.setting(PortalSiteService.FORGOT_PER_IP_SETTING, "1");
        RawHttp client = client("127.0.0.2");
        for (int i = 0; i < 4; i++) {
            assertThat(forgot(client, "/forgot", "contact" + i + "@example.com").status()).isEqualTo(200);
        }
    }

    @Test
    void aPunycodeAndAUnicodeSpellingOfOneAddressCountAsOneAccount() {
        f.setting(PortalSiteService.SIGN_IN_PER_ACCOUNT_SETTING, "2");
        assertThat(signIn(client("127.0.5.1"), "/login", "kim@xn--bcher-kva.example", "wrong").status())
                .isEqualTo(401);
        assertThat(signIn(client("127.0.5.2"), "/login", "Kim@B\u00FCcher.example", "wrong").status())
                .isEqualTo(401);
        assertTooMany(signIn(client("127.0.5.3"), "/login", "kim@XN--BCHER-KVA.example", "wrong"));
        assertTooMany(signIn(client("127.0.5.4"), "/login", "kim@b\u00FCcher.example", "wrong"));
    }

    @Test
    void theEnvironmentsTrustedProxiesWinOverTheStoredSetting() {
        f.close();
        f = PortalFixture.start(dir.resolve("env"), java.util.Map.of(PortalSiteService.TRUSTED_PROXIES_ENV,
                "127.0.0.10"), true);
        f.setting(PortalSiteService.TRUSTED_PROXIES_SETTING, "127.0.0.20");
        f.setting(PortalSiteService.FORGOT_PER_IP_SETTING, "1");
        RawHttp fromEnvironment = client("127.0.0.10");
        assertThat(forgotVia(fromEnvironment, "203.0.113.1").status()).isEqualTo(200);
        assertThat(forgotVia(fromEnvironment, "203.0.113.2").status()).as("another client behind the proxy")
                .isEqualTo(200);
        RawHttp stored = client("127.0.0.20");
        assertThat(forgotVia(stored, "203.0.113.3").status()).isEqualTo(200);
        assertTooMany(forgotVia(stored, "203.0.113.4"));
    }

    @Test
    void thePortalReadsTheLimitsAgainWithinSecondsNotOnEveryPost() {
        assertThat(forgot(client("127.0.6.1"), "/forgot", "a@example.com").status()).isEqualTo(200);
        // Another process (memberdesk portal limits) changes the limit.
        try (Services cliProcess = TestServices.open(dir, TestClock.at(TestServices.START), java.util.Map.of())) {
            cliProcess.portalSite().saveLimits(new PortalSiteService.LimitsChange(null, null, 1, null, null, null,
                    null), PortalFixture.AGENT);
        }
        RawHttp client = client("127.0.6.2");
        assertThat(forgot(client, "/forgot", "b@example.com").status()).isEqualTo(200);
        assertThat(forgot(client, "/forgot", "c@example.com").status())
                .as("the limits read a moment ago still hold: no database read per POST").isEqualTo(200);

        f.clock.advance(PortalSiteService.LIMITS_READ_EVERY);
        RawHttp later = client("127.0.6.3");
        assertThat(forgot(later, "/forgot", "d@example.com").status()).isEqualTo(200);
        assertTooMany(forgot(later, "/forgot", "e@example.com"));
    }

    private RawHttp client(String from) {
        return new RawHttp(f.portal.port(), from);
    }

    private static Response signIn(RawHttp client, String path, String email, String password) {
        Response page = client.get("/");
        return client.post(path, page, "email=" + enc(email) + "&password=" + enc(password));
    }

    private static Response forgot(RawHttp client, String path, String email) {
        Response page = client.get("/");
        return client.post(path, page, "email=" + enc(email));
    }

    private static Response forgotVia(RawHttp proxy, String forwardedFor) {
        Response page = proxy.get("/");
        return proxy.post("/forgot", page, "email=" + enc("someone@example.com"), "X-Forwarded-For: " + forwardedFor);
    }

    private int resets() {
        return (int) f.services.emails().list(DANA).stream().filter(e -> e.kind().code().equals("reset-link")).count();
    }

    private static void assertTooMany(Response answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(429);
        assertThat(answer.header("Retry-After")).hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isPositive());
        assertThat(answer.header("Content-Security-Policy")).contains(PortalServer.CONTENT_SECURITY_POLICY);
        assertThat(answer.header("Referrer-Policy")).contains("no-referrer");
        assertThat(answer.header("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        assertThat(answer.body()).contains("<html lang=\"en\">").contains("Too many attempts")
                .contains("Nothing was sent or changed");
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
