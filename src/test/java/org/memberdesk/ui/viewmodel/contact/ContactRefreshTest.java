package org.memberdesk.ui.viewmodel.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.service.Actor;
import org.memberdesk.service.Services;
import org.memberdesk.service.portal.PortalAuthService.Door;
import org.memberdesk.testsupport.TestClock;
import org.memberdesk.testsupport.TestServices;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.common.RecordingClipboard;
import org.memberdesk.ui.common.RecordingDialogService;
import org.memberdesk.ui.common.TestExecutor;
import org.memberdesk.ui.viewmodel.DeliveryFeed;
import org.memberdesk.ui.viewmodel.DemoDirectory;
import org.memberdesk.ui.viewmodel.DisplayTime;
import org.memberdesk.ui.viewmodel.RecordingContactWindows;

/**
 * An open contact window and a second {@code Services} on the same SQLite file, standing for another
 * process (the portal, the command line, a teammate): what the other one changes shows in the window
 * once it is refreshed, and what the agent had chosen stays chosen.
 */
class ContactRefreshTest {

    static final String DANA = "dana.whitfield@example.com";
    static final Actor AGENT = Actor.agent("Sam (support)");
    static final Actor ELSEWHERE = Actor.agent("Robin (other desk)");

    @TempDir
    Path dir;
    final TestClock clock = TestClock.at(TestServices.START);
    final Messages messages = Messages.load();
    final TestExecutor executor = TestExecutor.currentThread().holdTimers();
    final RecordingContactWindows windows = new RecordingContactWindows();
    Services console;
    Services other;
    UUID dana;

    @BeforeEach
    void openTwice() {
        console = DemoDirectory.seeded(dir, clock);
        other = TestServices.open(dir, clock);
        dana = console.contacts().byEmail(DANA).id();
    }

    @AfterEach
    void close() {
        other.close();
        console.close();
    }

    private ContactViewModel open(UUID id) {
        windows.show(id, () -> {
            EmailHistoryViewModel history = new EmailHistoryViewModel(console.emails(), id,
                    new DeliveryFeed(executor), new EmailHistoryViewModel.Tools(executor,
                    RecordingDialogService.accepting(), new RecordingClipboard(), messages,
                    new DisplayTime(ZoneOffset.UTC, messages.locale()), AGENT));
            ContactViewModel contact = new ContactViewModel(ContactBackend.of(console), windows, id, "", history,
                    new ContactViewModel.Hooks(() -> { }, diagnosed -> { }));
            contact.load();
            return contact;
        });
        return windows.shown.get(windows.shown.size() - 1);
    }

    @Test
    void aPasswordSetAndFailedLoginsElsewhereShowAsLockedWithUnlockEnabled() {
        ContactViewModel window = open(dana);
        assertThat(window.portalProperty().get().passwordSet()).isFalse();
        assertThat(window.actions().canUnlockPortal().get()).isFalse();

        other.credentials().setPassword(DANA, null, "a long passphrase for dana", false, ELSEWHERE);
        for (int i = 0; i < 5; i++) {
            other.portalAuth().signIn(DANA, "not her password at all", Door.MEMBERSHIP);
        }
        assertThat(window.portalProperty().get().locked()).as("nothing reads by itself").isFalse();

        windows.refresh(dana);

        CredentialState portal = window.portalProperty().get();
        assertThat(portal.passwordSet()).isTrue();
        assertThat(portal.locked()).isTrue();
        assertThat(portal.lock()).startsWith("Locked");
        assertThat(window.accessSummaryProperty().get()).contains("locked").doesNotContain("not locked");
        assertThat(window.actions().canUnlockPortal().get()).as("Unlock is executable").isTrue();

        window.actions().unlock(null);
        windows.unlocks.get(0).unlock();

        assertThat(window.portalProperty().get().locked()).isFalse();
        assertThat(window.actions().canUnlockPortal().get()).isFalse();
    }

    @Test
    void aLockThatEndsByTheClockShowsAsEndedWithUnlockDisabled() {
        other.credentials().setPassword(DANA, null, "a long passphrase for dana", false, ELSEWHERE);
        for (int i = 0; i < 5; i++) {
            other.portalAuth().signIn(DANA, "not her password at all", Door.MEMBERSHIP);
        }
        ContactViewModel window = open(dana);
        CredentialState locked = window.portalProperty().get();
        assertThat(locked.locked()).isTrue();
        assertThat(window.actions().canUnlockPortal().get()).isTrue();
        Instant lockedUntil = console.contacts().card(dana).portal().lockedUntil();
        assertThat(lockedUntil).as("a lock that ends by itself").isNotNull();

        clock.set(lockedUntil.plusSeconds(1));
        executor.elapseTimers();

        assertThat(window.portalProperty().get().locked()).as("read again once the lock ended").isFalse();
        assertThat(window.actions().canUnlockPortal().get()).isFalse();
        assertThat(window.accessSummaryProperty().get()).contains("not locked");
    }

    @Test
    void aClosedWindowIsNotReadWhenItsLockEnds() {
        other.credentials().setPassword(DANA, null, "a long passphrase for dana", false, ELSEWHERE);
        for (int i = 0; i < 5; i++) {
            other.portalAuth().signIn(DANA, "not her password at all", Door.MEMBERSHIP);
        }
        ContactViewModel window = open(dana);
        assertThat(executor.heldTimers()).as("a reread at the lock's end").isPositive();
        window.close();
        int before = executor.submitted();

        clock.advance(Duration.ofDays(1));
        executor.elapseTimers();

        assertThat(executor.submitted()).as("no read after the close").isEqualTo(before);
        assertThat(window.portalProperty().get().locked()).isTrue();
    }

    @Test
    void anEmailSentElsewhereShowsAndTheChosenEmailStaysChosen() {
        ContactViewModel window = open(dana);
        EmailHistoryViewModel history = window.history();
        int before = history.rows().size();
        EmailRow chosen = history.rows().get(1);
        history.selectedProperty().set(chosen);

        other.credentials().sendResetLink(DANA, null, null, ELSEWHERE);
        window.refresh();

        assertThat(history.rows()).hasSize(before + 1);
        assertThat(history.rows().get(0).kind()).isEqualTo("Reset link");
        assertThat(history.selectedProperty().get().id()).isEqualTo(chosen.id());
        assertThat(history.openedProperty().get()).isNotNull();
    }

    @Test
    void anOfferGrantedElsewhereShowsAndTheChosenOfferStaysChosen() {
        other.offers().create("Spring Retreat", null, ELSEWHERE);
        ContactViewModel window = open(dana);
        OfferRow chosen = window.offers().get(1);
        window.selectedOfferProperty().set(chosen);

        other.offers().grant(DANA, "Spring Retreat", null, ELSEWHERE);
        windows.refreshAll();

        assertThat(window.offers()).extracting(OfferRow::offer).contains("Spring Retreat");
        assertThat(window.selectedOfferProperty().get().grantId()).isEqualTo(chosen.grantId());
    }

    @Test
    void manyRefreshesWhileOneRunsReadOnceMoreAfterIt() {
        TestExecutor held = TestExecutor.currentThread().holdWork().holdTimers();
        EmailHistoryViewModel history = new EmailHistoryViewModel(console.emails(), dana, new DeliveryFeed(held),
                new EmailHistoryViewModel.Tools(held, RecordingDialogService.accepting(), new RecordingClipboard(),
                        messages, new DisplayTime(ZoneOffset.UTC, messages.locale()), AGENT));
        ContactViewModel window = new ContactViewModel(ContactBackend.of(console), windows, dana, "", history,
                new ContactViewModel.Hooks(() -> { }, diagnosed -> { }));
        window.refresh();
        window.refresh();
        window.refresh();
        assertThat(held.heldWork()).as("one card read and one history read under way").isEqualTo(2);

        held.runHeldWork();
        assertThat(held.heldWork()).as("the card and the list once more, and the newest email opened")
                .isEqualTo(3);
        other.credentials().setPassword(DANA, null, "a long passphrase for dana", false, ELSEWHERE);
        held.runHeldWork();

        assertThat(held.heldWork()).isZero();
        assertThat(held.submitted()).isEqualTo(5);
        assertThat(window.portalProperty().get().passwordSet()).as("the read after the change").isTrue();
    }

    @Test
    void aClosedWindowReadsNothing() {
        ContactViewModel window = open(dana);
        window.close();
        other.credentials().setPassword(DANA, null, "a long passphrase for dana", false, ELSEWHERE);

        windows.refresh(dana);

        assertThat(window.portalProperty().get().passwordSet()).isFalse();
    }
}
