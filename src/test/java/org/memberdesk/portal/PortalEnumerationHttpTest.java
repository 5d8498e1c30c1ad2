package org.memberdesk.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.memberdesk.portal.PortalFixture.DANA;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.portal.HttpSession.Page;

/**
 * Nobody learns from the portal whether an address has an account: Forgot Password and sign-in
 * answer the same (status, body, comparable time) for known and unknown addresses, SMTP up or down.
 */
class PortalEnumerationHttpTest {

    private static final String PASSWORD = "plum orchard velvet sky";
    private static final String NOBODY = "nobody@example.com";

    @TempDir
    Path dir;
    PortalFixture f;

    @AfterEach
    void stop() {
        if (f != null) {
            f.close();
        }
    }

    @Test
    void forgotPasswordAnswersTheSameForKnownAndUnknownAddressesAndQueuesOnlyForTheKnownOne() throws Exception {
        f = PortalFixture.start(dir);
        assertSameForgotAnswer();
        f.services.emails().runOutbox(true);
        assertThat(f.received()).as("Dana's three requests (two membership, one community), nobody's none")
                .isEqualTo(3);
        for (var message : f.smtp.getReceivedMessages()) {
            assertThat(message.getAllRecipients()[0].toString()).isEqualTo(DANA);
        }
    }

    @Test
    void forgotPasswordAnswersTheSameWhenSmtpIsDownAndTheEmailWaitsInTheOutbox() {
        f = PortalFixture.start(dir, Map.of(), false);
        assertSameForgotAnswer();
        f.services.emails().runOutbox(false);
        assertThat(f.services.emails().list(DANA)).filteredOn(e -> e.kind().code().equals("reset-link"))
                .extracting(e -> e.status().code()).containsOnly("retrying");
    }

    private void assertSameForgotAnswer() {
        HttpSession browser = f.browser();
        Page form = browser.get("/forgot");
        Page known = browser.submit(form, "/forgot", Map.of("email", DANA));
        Page unknown = browser.submit(form, "/forgot", Map.of("email", NOBODY));
        Page knownUpper = browser.submit(form, "/forgot", Map.of("email", " DANA@Example.com "));
        assertThat(known.status()).isEqualTo(200);
        assertThat(unknown.status()).isEqualTo(known.status());
        assertThat(unknown.body()).isEqualTo(known.body());
        assertThat(knownUpper.body()).isEqualTo(known.body());
        assertThat(known.text()).contains("Check your email").contains("If an account with that email address exists")
                .contains("expires in 60 minutes");
        assertThat(withoutDate(unknown.headers())).isEqualTo(withoutDate(known.headers()));

        Page community = browser.submit(browser.get("/community/founders-circle/forgot"),
                "/community/founders-circle/forgot", Map.of("email", NOBODY));
        Page communityKnown = browser.submit(browser.get("/community/founders-circle/forgot"),
                "/community/founders-circle/forgot", Map.of("email", DANA));
        assertThat(community.status()).isEqualTo(200);
        assertThat(community.body()).isEqualTo(communityKnown.body());
    }

    @Test
    void forgotPasswordTakesComparableTimeForKnownAndUnknownAddresses() {
        f = PortalFixture.start(dir);
        f.services.portalAuth().forgotFloor(org.memberdesk.service.portal.PortalAuthService.DEFAULT_FORGOT_FLOOR);
        HttpSession browser = f.browser();
        Page form = browser.get("/forgot");
        browser.submit(form, "/forgot", Map.of("email", "warm-up@example.com"));
        List<Long> known = new ArrayList<>();
        List<Long> unknown = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            // Spread out so Dana's hourly limit is never what differs.
            f.clock.advance(Duration.ofMinutes(13));
            String stranger = "nobody" + i + "@example.com";
            known.add(millis(() -> browser.submit(form, "/forgot", Map.of("email", DANA))));
            unknown.add(millis(() -> browser.submit(form, "/forgot", Map.of("email", stranger))));
        }
        long knownMedian = median(known);
        long unknownMedian = median(unknown);
        assertThat(Math.min(knownMedian, unknownMedian)).as("the floor holds").isGreaterThanOrEqualTo(300);
        assertThat(Math.abs(knownMedian - unknownMedian)).as("known %s ms, unknown %s ms", known, unknown)
                .isLessThan(100);
    }

    @Test
    void aWrongPasswordAndAnUnknownAddressGetTheSameAnswer() {
        f = PortalFixture.start(dir);
        f.membershipPassword(PASSWORD);
        HttpSession browser = f.browser();
        Page form = browser.get("/");
        Page wrong = browser.submit(form, "/login", Map.of("email", DANA, "password", "not my password"));
        Page unknown = browser.submit(form, "/login", Map.of("email", NOBODY, "password", "not my password"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.body().replace(NOBODY, "EMAIL")).isEqualTo(wrong.body().replace(DANA, "EMAIL"));
        assertThat(wrong.text()).contains("That email and password do not match an account");
        assertThat(wrong.body()).as("the typed address stays in the field, the password never")
                .contains("value=\"" + DANA + "\"").doesNotContain("not my password");
        assertThat(wrong.all("Set-Cookie")).noneSatisfy(c -> assertThat(c).startsWith("md_session="));
    }

    @Test
    void signInTakesComparableTimeForKnownAndUnknownAddresses() {
        f = PortalFixture.start(dir);
        f.membershipPassword(PASSWORD);
        HttpSession browser = f.browser();
        Page form = browser.get("/");
        browser.submit(form, "/login", Map.of("email", "warm-up@example.com", "password", "x"));
        List<Long> known = new ArrayList<>();
        List<Long> unknown = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            f.clock.advance(Duration.ofMinutes(16)); // never locked: 1 failure per window each
            String stranger = "nobody" + i + "@example.com";
            String guess = "wrong" + i;
            known.add(millis(() -> browser.submit(form, "/login", Map.of("email", DANA, "password", guess))));
            unknown.add(millis(() -> browser.submit(form, "/login", Map.of("email", stranger, "password", guess))));
        }
        long knownMedian = median(known);
        long unknownMedian = median(unknown);
        assertThat(Math.abs(knownMedian - unknownMedian)).as("known %s ms, unknown %s ms", known, unknown)
                .isLessThan(Math.max(60, Math.max(knownMedian, unknownMedian) / 2));
    }

    @Test
    void fiveFailuresLockWithAClearMessageThatAnUnknownAddressGetsToo() {
        f = PortalFixture.start(dir);
        f.membershipPassword(PASSWORD);
        HttpSession browser = f.browser();
        Page form = browser.get("/");
        Page last = null;
        Page lastUnknown = null;
        for (int i = 0; i < 5; i++) {
            last = browser.submit(form, "/login", Map.of("email", DANA, "password", "wrong"));
            lastUnknown = browser.submit(form, "/login", Map.of("email", NOBODY, "password", "wrong"));
        }
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.text()).contains("Too many unsuccessful attempts")
                .contains("paused for 15 minutes").contains("Forgot your password?");
        assertThat(lastUnknown.status()).isEqualTo(429);
        assertThat(lastUnknown.body().replace(NOBODY, "EMAIL")).isEqualTo(last.body().replace(DANA, "EMAIL"));
        assertThat(f.state().loginFailures()).as("each failure of Dana is an event for workflows").isEqualTo(5);

        Page right = browser.submit(form, "/login", Map.of("email", DANA, "password", PASSWORD));
        assertThat(right.status()).as("locked, even with the right password").isEqualTo(429);

        // A reset unlocks at once.
        browser.submit(form, "/forgot", Map.of("email", DANA));
        PortalFixture.MailedLink link = f.latestLink();
        Page reset = browser.get(link.path());
        browser.submit(reset, link.path(), Map.of("password", "unlocked new passphrase",
                "confirm", "unlocked new passphrase"));
        Page in = browser.submit(form, "/login", Map.of("email", DANA, "password", "unlocked new passphrase"));
        assertThat(in.status()).isEqualTo(303);
    }

    @Test
    void emptyFieldsAreMarkedWithoutAnyLookup() {
        f = PortalFixture.start(dir);
        HttpSession browser = f.browser();
        Page form = browser.get("/");
        Page empty = browser.submit(form, "/login", Map.of("email", "", "password", ""));
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.body()).contains("id=\"email-error\">Enter your email address.")
                .contains("id=\"password-error\">Enter your password.");
        Page forgot = browser.submit(browser.get("/forgot"), "/forgot", Map.of("email", "dana@"));
        assertThat(forgot.status()).isEqualTo(422);
        assertThat(forgot.body()).containsPattern("id=\"email\"[^>]*aria-invalid=\"true\"")
                .contains("id=\"email-error\">This does not look like an email address");
        assertThat(f.state().loginFailures()).isZero();
    }

    private static Map<String, List<String>> withoutDate(Map<String, List<String>> headers) {
        Map<String, List<String>> copy = new java.util.TreeMap<>(headers);
        copy.remove("date");
        copy.remove("set-cookie");
        return copy;
    }

    private static long millis(Supplier<Page> request) {
        long start = System.nanoTime();
        request.get();
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
