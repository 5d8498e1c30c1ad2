package org.memberdesk.ui.viewmodel.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.service.Actor;
import org.memberdesk.service.Services;
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
import org.memberdesk.ui.viewmodel.Tone;

class ContactViewModelTest {

    @TempDir
    static Path dir;
    static final TestClock CLOCK = TestClock.at(TestServices.START);
    final Messages messages = Messages.load();
    final TestExecutor executor = TestExecutor.currentThread();
    final DisplayTime time = new DisplayTime(ZoneOffset.UTC, messages.locale());
    static Services services;

    @BeforeAll
    static void seed() {
        services = DemoDirectory.seeded(dir, CLOCK);
    }

    @AfterAll
    static void close() {
        services.close();
    }

    private ContactViewModel loaded(String email) {
        UUID id = services.contacts().byEmail(email).id();
        ContactViewModel contact = new ContactViewModel(ContactBackend.of(services), new RecordingContactWindows(), id,
                "", history(id), new ContactViewModel.Hooks(() -> { }, diagnosed -> { }));
        contact.load();
        return contact;
    }

    private EmailHistoryViewModel history(UUID id) {
        return new EmailHistoryViewModel(services.emails(), id, new DeliveryFeed(executor),
                new EmailHistoryViewModel.Tools(executor, RecordingDialogService.accepting(), new RecordingClipboard(),
                        messages, time, Actor.agent("Sam (support)")));
    }

    @Test
    void danaShowsHeaderAccessSummaryAndHistoryNewestFirst() {
        ContactViewModel dana = loaded("dana.whitfield@example.com");

        assertThat(dana.loadingProperty().get()).isFalse();
        assertThat(dana.loadErrorProperty().get()).isEmpty();
        assertThat(dana.nameProperty().get()).isEqualTo("Dana Whitfield");
        assertThat(dana.titleProperty().get()).isEqualTo("Dana Whitfield \u2014 MemberDesk");
        assertThat(dana.emailProperty().get()).isEqualTo("dana.whitfield@example.com");
        assertThat(dana.tags()).containsExactly("cant-login", "vip");
        assertThat(dana.accessSummaryProperty().get())
                .isEqualTo("2 active offers \u00b7 no community group \u00b7 Client Portal: no password set, not locked");

        assertThat(dana.history().rows()).extracting(EmailRow::kind)
                .containsExactly("Reset link", "Membership welcome", "Membership welcome");
        EmailRow reset = dana.history().rows().get(0);
        assertThat(reset.time()).isEqualTo("28 Feb 2026, 09:00");
        assertThat(reset.about()).isEqualTo("Client Portal");
        assertThat(reset.status()).isEqualTo("Sent");
        assertThat(reset.statusTone()).isEqualTo(Tone.GOOD);
        assertThat(reset.sentBy()).isEqualTo("Sam (support)");
        assertThat(dana.history().rows().get(1).about()).isEqualTo("Budget Bootcamp");
        assertThat(dana.history().rows().get(1).sentBy()).isEqualTo("Workflow: Welcome new members");
    }

    @Test
    void danaHasNoPortalPasswordAndTwoActiveOffers() {
        ContactViewModel dana = loaded("dana.whitfield@example.com");

        CredentialState portal = dana.portalProperty().get();
        assertThat(portal.password()).isEqualTo("No password set");
        assertThat(portal.passwordTone()).isEqualTo(Tone.CAUTION);
        assertThat(portal.lastLogin()).isEqualTo("Never logged in");
        assertThat(portal.lock()).isEqualTo("Not locked");
        assertThat(dana.communities()).isEmpty();

        assertThat(dana.offers()).extracting(OfferRow::offer).containsExactly("Budget Bootcamp", "Momentum Membership");
        assertThat(dana.offers()).allSatisfy(offer -> {
            assertThat(offer.status()).isEqualTo("Active");
            assertThat(offer.statusTone()).isEqualTo(Tone.GOOD);
            assertThat(offer.ends()).isEqualTo("No end date");
            assertThat(offer.revoked()).isEmpty();
        });
        assertThat(dana.offers().get(0).granted()).isEqualTo("25 Feb 2026, 09:00");
    }

    @Test
    void revokedAndExpiredOffersSayWhenAndWhy() {
        OfferRow revoked = loaded("grace.omalley@example.net").offers().get(0);
        assertThat(revoked.status()).isEqualTo("Revoked");
        assertThat(revoked.statusTone()).isEqualTo(Tone.BAD);
        assertThat(revoked.revoked()).isEqualTo("24 Feb 2026, 09:00: refund requested");

        OfferRow expired = loaded("tomas.novak@example.com").offers().get(0);
        assertThat(expired.status()).isEqualTo("Expired");
        assertThat(expired.statusTone()).isEqualTo(Tone.NEUTRAL);
        assertThat(expired.ends()).isEqualTo("Expired 21 Feb 2026, 09:00");
    }

    @Test
    void communityGroupsCarryTheirOwnPasswordState() {
        ContactViewModel sofia = loaded("sofia.rossi@example.net");

        assertThat(sofia.accessSummaryProperty().get()).startsWith("1 active offer \u00b7 1 community group");
        assertThat(sofia.portalProperty().get().passwordSet()).isFalse();
        assertThat(sofia.communities()).singleElement().satisfies(group -> {
            assertThat(group.group()).isEqualTo("Founders Circle");
            assertThat(group.credential().password()).isEqualTo("Password set 22 Jan 2026, 09:00");
            assertThat(group.credential().lastLogin()).isEqualTo("28 Feb 2026, 09:00");
            assertThat(group.credential().locked()).isFalse();
        });
        assertThat(sofia.history().rows()).extracting(EmailRow::kind, EmailRow::about)
                .contains(org.assertj.core.groups.Tuple.tuple("Community welcome", "Founders Circle"));
    }

    @Test
    void aLockedPortalAccountSaysSo() {
        ContactViewModel ben = loaded("ben.carter@example.com");

        // The demo's lock has no end: it holds until someone unlocks him (issue 18).
        assertThat(ben.portalProperty().get().lock()).isEqualTo("Locked");
        assertThat(ben.portalProperty().get().lockTone()).isEqualTo(Tone.BAD);
        assertThat(ben.accessSummaryProperty().get()).endsWith("Client Portal: password set, locked");
    }

    @Test
    void aFailedEmailShowsTheServersReply() {
        EmailRow failed = loaded("priya.natarajan@example.net").history().rows().get(0);

        assertThat(failed.status()).isEqualTo("Failed");
        assertThat(failed.statusTone()).isEqualTo(Tone.BAD);
        assertThat(failed.reply()).startsWith("550 5.1.1");
    }

    @Test
    void aContactThatNoLongerExistsSaysSo() {
        UUID goneId = UUID.randomUUID();
        ContactViewModel gone = new ContactViewModel(ContactBackend.of(services), new RecordingContactWindows(), goneId,
                "Gone", history(goneId), new ContactViewModel.Hooks(() -> { }, diagnosed -> { }));

        gone.load();

        assertThat(gone.loadingProperty().get()).isFalse();
        assertThat(gone.loadErrorProperty().get()).isEqualTo("that contact no longer exists");
        assertThat(gone.nameProperty().get()).isEqualTo("Gone");
    }
}
