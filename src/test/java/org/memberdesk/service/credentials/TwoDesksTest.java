package org.memberdesk.service.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.service.Actor;
import org.memberdesk.service.Services;
import org.memberdesk.service.UserError;
import org.memberdesk.service.portal.PortalAuthService.Door;
import org.memberdesk.service.portal.PortalAuthService.SignIn;
import org.memberdesk.testsupport.TestClock;
import org.memberdesk.testsupport.TestServices;

/**
 * Two desks on one database (on SQLite two openings of one file, on PostgreSQL two connection pools
 * on one server) act on the same contact at the same moment: the per-contact rules hold as they do
 * for one desk, because each rule reads and writes in one transaction that no other desk's write
 * can interleave with.
 */
class TwoDesksTest {

    private static final String DANA = "dana@example.com";

    @TempDir
    Path dir;
    final TestClock clock = TestClock.at(TestServices.START);
    Services deskA;
    Services deskB;
    ExecutorService threads;

    @BeforeEach
    void twoDesks() {
        deskA = TestServices.open(dir, clock, Map.of());
        deskA.contacts().add(DANA, "Dana Whitfield", List.of(), Actor.agent("Sam"));
        deskB = TestServices.open(dir, clock, Map.of());
        threads = Executors.newFixedThreadPool(12);
    }

    @AfterEach
    void close() throws InterruptedException {
        threads.shutdownNow();
        threads.awaitTermination(30, TimeUnit.SECONDS);
        deskB.close();
        deskA.close();
    }

    @Test
    void twelveResetLinksAskedAtOnceFromTwoDesksGiveFiveBetweenThem() throws Exception {
        List<Callable<Boolean>> attempts = new ArrayList<>();
        CyclicBarrier start = new CyclicBarrier(12);
        for (int i = 0; i < 12; i++) {
            Services desk = i % 2 == 0 ? deskA : deskB;
            Actor agent = Actor.agent(i % 2 == 0 ? "Sam (desk A)" : "Kim (desk B)");
            attempts.add(() -> {
                start.await(30, TimeUnit.SECONDS);
                try {
                    desk.credentials().sendResetLink(DANA, null, null, agent);
                    return true;
                } catch (UserError refused) {
                    assertThat(refused.getMessage()).contains("in the last hour");
                    return false;
                }
            });
        }

        int sent = 0;
        for (Future<Boolean> outcome : threads.invokeAll(attempts)) {
            sent += outcome.get() ? 1 : 0;
        }

        assertThat(sent).isEqualTo(5);
        assertThat(deskB.emails().list(DANA)).filteredOn(e -> e.kind().code().equals("reset-link")).hasSize(5);
    }

    @Test
    void wrongPasswordsTypedAtOnceAtTwoDesksAddUpToOneLockout() throws Exception {
        deskA.credentials().setPassword(DANA, null, "correct horse battery staple", false, Actor.agent("Sam"));
        int failures = deskA.portalAuth().lockout().failures();
        int tries = failures + 3;
        List<Callable<SignIn.Outcome>> attempts = new ArrayList<>();
        CyclicBarrier start = new CyclicBarrier(tries);
        for (int i = 0; i < tries; i++) {
            Services desk = i % 2 == 0 ? deskA : deskB;
            attempts.add(() -> {
                start.await(30, TimeUnit.SECONDS);
                return desk.portalAuth().signIn(DANA, "not her password at all", Door.MEMBERSHIP).outcome();
            });
        }

        List<SignIn.Outcome> outcomes = new ArrayList<>();
        for (Future<SignIn.Outcome> outcome : threads.invokeAll(attempts)) {
            outcomes.add(outcome.get());
        }

        assertThat(outcomes).containsOnly(SignIn.Outcome.REFUSED, SignIn.Outcome.LOCKED);
        assertThat(outcomes).filteredOn(o -> o == SignIn.Outcome.REFUSED).hasSize(failures - 1);
        assertThat(deskB.audit().latest(100)).filteredOn(e -> e.action().equals("portal.locked")).hasSize(1);
        assertThat(deskA.portalAuth().signIn(DANA, "correct horse battery staple", Door.MEMBERSHIP).outcome())
                .as("locked, whatever the password").isEqualTo(SignIn.Outcome.LOCKED);
    }
}
