package org.memberdesk.ui.viewmodel.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.service.Actor;
import org.memberdesk.service.Services;
import org.memberdesk.service.contacts.ContactCard;
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
 * Edit contact and Change Password while a second desk works on the same data directory: a save
 * over the other desk's change keeps what was typed and names who changed it and when; Reload
 * takes the current values, and the next save goes through.
 */
class ChangedMeanwhileDialogsTest {

    static final Actor SAM = Actor.agent("Sam (support)");
    static final Actor BOB = Actor.agent("Bob (billing)");
    static final String DANA = "dana.whitfield@example.com";
    static final String BOBS_PASSWORD = "copper lantern meadow frost";
    static final String SAMS_PASSWORD = "amber kettle violin harbour";

    @TempDir
    Path dir;
    final TestClock clock = TestClock.at(TestServices.START);
    final Messages messages = Messages.load();
    final TestExecutor executor = TestExecutor.currentThread().holdTimers();
    final DisplayTime time = new DisplayTime(ZoneOffset.UTC, messages.locale());
    final RecordingContactWindows windows = new RecordingContactWindows();
    Services services;
    Services otherDesk;

    @BeforeEach
    void seedAndOpenASecondDesk() {
        services = DemoDirectory.seeded(dir, clock);
        otherDesk = TestServices.open(dir, clock);
        clock.advance(Duration.ofMinutes(10));
    }

    @AfterEach
    void close() {
        otherDesk.close();
        services.close();
    }

    private ContactViewModel open(String email) {
        UUID id = services.contacts().byEmail(email).id();
        EmailHistoryViewModel history = new EmailHistoryViewModel(services.emails(), id, new DeliveryFeed(executor),
                new EmailHistoryViewModel.Tools(executor, RecordingDialogService.accepting(), new RecordingClipboard(),
                        messages, time, SAM));
        ContactViewModel contact = new ContactViewModel(ContactBackend.of(services), windows, id, "", history,
                new ContactViewModel.Hooks(() -> { }, diagnosed -> { }));
        contact.load();
        return contact;
    }

    private ContactCard card(String email) {
        return services.contacts().card(services.contacts().byEmail(email).id());
    }

    // ---- Edit contact ----

    @Test
    void editContactOverAnotherDesksEditKeepsWhatWasTypedNamesBobAndReloadLetsTheNextSaveThrough() {
        ContactViewModel dana = open(DANA);
        dana.actions().editContact();
        ContactFormViewModel form = windows.forms.get(0);
        form.nameProperty().set("Dana W. Whitfield");
        form.tagsProperty().set("vip, call back");

        clock.advance(Duration.ofMinutes(3));
        Instant bobsEdit = clock.instant();
        UUID id = card(DANA).contact().id();
        otherDesk.contacts().change(id, otherDesk.contacts().card(id).version(), null, "Dana Whitfield-Hart",
                List.of("billing"), BOB);
        clock.advance(Duration.ofMinutes(2));

        form.save();

        assertThat(form.doneProperty().get()).as("the dialog stays open").isFalse();
        assertThat(form.changedMeanwhileProperty().get()).isTrue();
        assertThat(form.errorProperty().get()).contains("Bob (billing)").contains(time.format(bobsEdit));
        assertThat(form.errorProperty().get())
                .startsWith("This contact was changed by Bob (billing) at " + time.format(bobsEdit) + " meanwhile.")
                .contains("What you typed is still here");
        assertThat(form.nameProperty().get()).isEqualTo("Dana W. Whitfield");
        assertThat(form.emailProperty().get()).isEqualTo(DANA);
        assertThat(form.tagsProperty().get()).isEqualTo("vip, call back");
        assertThat(card(DANA).contact().name()).as("Bob's edit stands").isEqualTo("Dana Whitfield-Hart");

        form.reload();

        assertThat(form.changedMeanwhileProperty().get()).isFalse();
        assertThat(form.nameProperty().get()).isEqualTo("Dana Whitfield-Hart");
        assertThat(form.tagsProperty().get()).isEqualTo("billing");
        form.tagsProperty().set("billing, vip");
        form.save();

        assertThat(form.doneProperty().get()).isTrue();
        assertThat(form.errorProperty().get()).isEmpty();
        assertThat(card(DANA).contact().name()).isEqualTo("Dana Whitfield-Hart");
        assertThat(card(DANA).contact().tags()).containsExactlyInAnyOrder("billing", "vip");
    }

    // ---- Change Password ----

    private ChangePasswordViewModel changePassword(ContactViewModel contact) {
        contact.actions().changePassword(null);
        return windows.passwords.get(windows.passwords.size() - 1);
    }

    private static void type(ChangePasswordViewModel dialog, String password) {
        dialog.passwordProperty().set(password);
        dialog.confirmationProperty().set(password);
        dialog.sendNotificationProperty().set(true);
    }

    @Test
    void changePasswordOverAPasswordBobSetKeepsWhatWasTypedNamesBobAndReloadLetsTheNextSaveThrough() {
        ChangePasswordViewModel dialog = changePassword(open(DANA));
        type(dialog, SAMS_PASSWORD);

        clock.advance(Duration.ofMinutes(3));
        Instant bobsChange = clock.instant();
        otherDesk.credentials().setPassword(DANA, null, BOBS_PASSWORD, false, BOB);
        clock.advance(Duration.ofMinutes(2));

        dialog.save();

        assertThat(dialog.doneProperty().get()).isFalse();
        assertThat(dialog.changedMeanwhileProperty().get()).isTrue();
        assertThat(dialog.errorProperty().get()).contains("Bob (billing)").contains(time.format(bobsChange));
        assertThat(dialog.errorProperty().get())
                .startsWith("The password was changed by Bob (billing) at " + time.format(bobsChange) + " meanwhile.")
                .contains("Reload empties both fields")
                .doesNotContain("What you typed is still here");
        assertThat(dialog.passwordProperty().get()).isEqualTo(SAMS_PASSWORD);
        assertThat(dialog.confirmationProperty().get()).isEqualTo(SAMS_PASSWORD);
        assertThat(dialog.sendNotificationProperty().get()).isTrue();
        assertThat(signsIn(BOBS_PASSWORD)).as("Bob's password stands").isTrue();

        dialog.reload();

        assertThat(dialog.changedMeanwhileProperty().get()).isFalse();
        assertThat(dialog.errorProperty().get()).isEmpty();
        type(dialog, SAMS_PASSWORD);
        dialog.save();

        assertThat(dialog.doneProperty().get()).isTrue();
        assertThat(signsIn(SAMS_PASSWORD)).isTrue();
        assertThat(signsIn(BOBS_PASSWORD)).isFalse();
    }

    @Test
    void aFailedPortalSignInMeanwhileDoesNotRefuseTheSaveButAPasswordSetByTheOtherDeskDoes() {
        ChangePasswordViewModel dialog = changePassword(open(DANA));
        type(dialog, SAMS_PASSWORD);
        clock.advance(Duration.ofMinutes(1));
        assertThat(otherDesk.portalAuth().signIn(DANA, "not her password at all", Door.MEMBERSHIP).signedIn())
                .isFalse();
        assertThat(card(DANA).portal().failedLogins()).as("the failure was recorded").isPositive();

        dialog.save();

        assertThat(dialog.errorProperty().get()).isEmpty();
        assertThat(dialog.changedMeanwhileProperty().get()).isFalse();
        assertThat(dialog.doneProperty().get()).isTrue();
        assertThat(signsIn(SAMS_PASSWORD)).isTrue();

        ChangePasswordViewModel next = changePassword(open(DANA));
        type(next, SAMS_PASSWORD + " two");
        clock.advance(Duration.ofMinutes(1));
        otherDesk.credentials().setPassword(DANA, null, BOBS_PASSWORD, false, BOB);

        next.save();

        assertThat(next.doneProperty().get()).isFalse();
        assertThat(next.changedMeanwhileProperty().get()).isTrue();
        assertThat(next.errorProperty().get()).contains("Bob (billing)");
        assertThat(signsIn(BOBS_PASSWORD)).isTrue();
    }

    private boolean signsIn(String password) {
        clock.advance(Duration.ofMinutes(1));
        return services.portalAuth().signIn(DANA, password, Door.MEMBERSHIP).signedIn();
    }
}
