package org.memberdesk.ui.viewmodel.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.service.Actor;
import org.memberdesk.service.AuditLog;
import org.memberdesk.service.Services;
import org.memberdesk.service.contacts.ContactCard;
import org.memberdesk.service.email.EmailView;
import org.memberdesk.service.credentials.IdentityCheck;
import org.memberdesk.testsupport.TestClock;
import org.memberdesk.testsupport.TestServices;
import org.memberdesk.ui.common.DialogService;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.common.RecordingClipboard;
import org.memberdesk.ui.common.RecordingDialogService;
import org.memberdesk.ui.common.TestExecutor;
import org.memberdesk.ui.viewmodel.DeliveryFeed;
import org.memberdesk.ui.viewmodel.DemoDirectory;
import org.memberdesk.ui.viewmodel.DisplayTime;
import org.memberdesk.ui.viewmodel.RecordingContactWindows;

/**
 * Every command of the contact window on the real back end (demo data on SQLite in a temporary
 * data directory): what it asks, what it changes, what it queues, what the window then says.
 */
class ContactActionsViewModelTest {

    static final Actor AGENT = Actor.agent("Sam (support)");

    @TempDir
    Path dir;
    final TestClock clock = TestClock.at(TestServices.START);
    final Messages messages = Messages.load();
    final TestExecutor executor = TestExecutor.currentThread().holdTimers();
    final DisplayTime time = new DisplayTime(ZoneOffset.UTC, messages.locale());
    final RecordingDialogService dialogs = RecordingDialogService.accepting();
    final RecordingClipboard clipboard = new RecordingClipboard();
    final RecordingContactWindows windows = new RecordingContactWindows();
    Services services;

    @BeforeEach
    void seed() {
        services = DemoDirectory.seeded(dir, clock);
    }

    @AfterEach
    void close() {
        services.close();
    }

    /** How often Edit contact told the console to read its list again. */
    int edits;

    private ContactViewModel open(String email) {
        return open(email, dialogs);
    }

    private ContactViewModel open(String email, DialogService dialogs) {
        UUID id = services.contacts().byEmail(email).id();
        EmailHistoryViewModel history = new EmailHistoryViewModel(services.emails(), id, new DeliveryFeed(executor),
                new EmailHistoryViewModel.Tools(executor, dialogs, clipboard, messages, time, AGENT));
        ContactViewModel contact = new ContactViewModel(ContactBackend.of(services), windows, id, "", history,
                new ContactViewModel.Hooks(() -> edits++, diagnosed -> { }));
        contact.load();
        return contact;
    }

    private List<EmailView> emails(String email) {
        return services.emails().list(email);
    }

    private ContactCard card(String email) {
        return services.contacts().card(services.contacts().byEmail(email).id());
    }

    private List<AuditLog.Entry> audit(String email) {
        return services.audit().ofContact(services.contacts().byEmail(email).id());
    }

    // ---- Offers -> Resend ----

    @Test
    void resendQueuesTheOffersWelcomeAgainWithoutTouchingThePassword() {
        ContactViewModel ben = open("ben.carter@example.com");
        var passwordSetBefore = card("ben.carter@example.com").portal().passwordSetAt();
        OfferRow membership = ben.offers().get(0);
        assertThat(ben.actions().resendUnavailable(membership)).isEmpty();

        ben.actions().resend(membership);

        EmailView queued = emails("ben.carter@example.com").get(0);
        assertThat(queued.kind().code()).isEqualTo("welcome");
        assertThat(queued.offer()).isEqualTo("Momentum Membership");
        assertThat(queued.status().code()).isEqualTo("queued");
        assertThat(queued.resendOfId()).as("linked to the original welcome").isNotNull();
        assertThat(queued.originDetail()).isEqualTo("Sam (support)");
        assertThat(card("ben.carter@example.com").portal().passwordSetAt()).isEqualTo(passwordSetBefore);
        assertThat(ben.notificationProperty().get())
                .isEqualTo("The Momentum Membership welcome email is queued for ben.carter@example.com."
                        + " The password was left unchanged.");
        assertThat(ben.history().rows().get(0).kind()).as("the window read its history again")
                .isEqualTo("Membership welcome");
        assertThat(ben.history().rows().get(0).status()).isEqualTo("Queued");
        assertThat(audit("ben.carter@example.com")).anySatisfy(entry -> {
            assertThat(entry.action()).isEqualTo("credentials.welcome-resent");
            assertThat(entry.agent()).isEqualTo("Sam (support)");
        });
    }

    @Test
    void aRevokedOrExpiredOfferCannotBeResentAndSaysWhy() {
        ContactViewModel grace = open("grace.omalley@example.net");
        OfferRow revoked = grace.offers().get(0);
        int before = emails("grace.omalley@example.net").size();

        assertThat(grace.actions().resendUnavailable(revoked))
                .isEqualTo("Revoked: there is no access to resend. Grant the offer again first.");
        grace.actions().resend(revoked);

        assertThat(emails("grace.omalley@example.net")).hasSize(before);
        OfferRow expired = open("tomas.novak@example.com").offers().get(0);
        assertThat(open("tomas.novak@example.com").actions().resendUnavailable(expired)).startsWith("Expired:");
    }

    @Test
    void theKeyboardsResendTakesTheFirstActiveOfferAndWithoutOneSaysSo() {
        ContactViewModel ben = open("ben.carter@example.com");

        ben.actions().resendChosenOrFirstActive(null);

        assertThat(dialogs.asked()).singleElement().satisfies(asked -> {
            assertThat(asked.title()).isEqualTo("Resend welcome email");
            assertThat(asked.question()).isEqualTo("Send the " + ben.offers().get(0).offer()
                    + " welcome email to ben.carter@example.com again now?");
            assertThat(asked.acceptLabel()).isEqualTo("Resend");
        });
        assertThat(emails("ben.carter@example.com").get(0)).satisfies(queued -> {
            assertThat(queued.kind().code()).isEqualTo("welcome");
            assertThat(queued.offer()).isEqualTo(ben.offers().get(0).offer());
            assertThat(queued.status().code()).isEqualTo("queued");
        });
        ContactViewModel grace = open("grace.omalley@example.net");
        int before = emails("grace.omalley@example.net").size();

        grace.actions().resendChosenOrFirstActive(grace.offers().get(0));

        assertThat(emails("grace.omalley@example.net")).hasSize(before);
        assertThat(grace.notificationProperty().get()).startsWith("No active offer to resend");
    }

    @Test
    void theKeyboardsResendSendsNothingWhenTheConfirmationIsDeclined() {
        RecordingDialogService declining = RecordingDialogService.declining();
        ContactViewModel ben = open("ben.carter@example.com", declining);
        int before = emails("ben.carter@example.com").size();

        ben.actions().resendChosenOrFirstActive(ben.offers().get(0));

        assertThat(declining.asked()).as("Ctrl+R asks first").hasSize(1);
        assertThat(emails("ben.carter@example.com")).hasSize(before);
        assertThat(audit("ben.carter@example.com")).noneSatisfy(entry ->
                assertThat(entry.action()).isEqualTo("credentials.welcome-resent"));
    }

    @Test
    void theSameWelcomeMinutesLaterAsksFirstNamingWhenItWentAndSendsOnlyWhenTold() {
        ContactViewModel ben = open("ben.carter@example.com");
        OfferRow membership = ben.offers().get(0);
        ben.actions().resend(membership);
        java.time.Instant first = emails("ben.carter@example.com").get(0).createdAt();
        clock.advance(java.time.Duration.ofMinutes(4));

        RecordingDialogService declining = RecordingDialogService.declining();
        ContactViewModel again = open("ben.carter@example.com", declining);
        int before = emails("ben.carter@example.com").size();
        again.actions().resend(again.offers().get(0));

        assertThat(declining.asked()).singleElement().satisfies(asked -> {
            assertThat(asked.title()).isEqualTo("Welcome email sent minutes ago");
            assertThat(asked.question()).isEqualTo("The " + membership.offer()
                    + " welcome email already went to ben.carter@example.com at " + time.format(first)
                    + ". Send it once more?");
            assertThat(asked.acceptLabel()).isEqualTo("Send once more");
        });
        assertThat(declining.errors()).as("a question, not an error").isEmpty();
        assertThat(emails("ben.carter@example.com")).hasSize(before);

        ben.actions().resend(membership);

        assertThat(dialogs.asked()).hasSize(1);
        assertThat(emails("ben.carter@example.com")).hasSize(before + 1);
        assertThat(ben.notificationProperty().get()).startsWith("The " + membership.offer() + " welcome email is queued");
    }

    // ---- Send Reset Link ----

    @Test
    void aOneHourResetLinkIsAnnouncedInTheSingular() {
        ContactViewModel dana = open("dana.whitfield@example.com");
        dana.actions().sendResetLink(null);
        ResetLinkViewModel dialog = windows.resetLinks.get(0);

        dialog.expiryProperty().set(dialog.choices().get(0));
        dialog.send();

        assertThat(dana.notificationProperty().get()).isEqualTo("A reset link for the Client Portal (membership)"
                + " is queued for dana.whitfield@example.com; it works once, for 1 hour after it is sent.");
    }

    @Test
    void sendResetLinkConfirmsAddressAndExpiryThenQueuesTheEmail() {
        ContactViewModel dana = open("dana.whitfield@example.com");

        dana.actions().sendResetLink(null);

        ResetLinkViewModel dialog = windows.resetLinks.get(0);
        assertThat(windows.dialogOwners).containsExactly(dana.contactId());
        assertThat(dialog.titleProperty().get()).isEqualTo("Send Reset Link \u2014 Client Portal (membership)");
        assertThat(dialog.whenToUseProperty().get()).contains("cannot log in");
        assertThat(dialog.recipientProperty().get()).isEqualTo("dana.whitfield@example.com");
        assertThat(dialog.expiryProperty().get().hours()).as("default").isEqualTo(24);
        assertThat(dialog.choices()).extracting(ExpiryChoice::hours).containsExactly(1, 2, 4, 8, 12, 24, 48, 72);
        assertThat(dialog.expiryText().get()).contains("24 hours after the email is sent");
        assertThat(dialog.canSend().get()).isTrue();

        dialog.expiryProperty().set(dialog.choices().get(7));
        dialog.send();

        assertThat(dialog.doneProperty().get()).isTrue();
        EmailView queued = emails("dana.whitfield@example.com").get(0);
        assertThat(queued.kind().code()).isEqualTo("reset-link");
        assertThat(queued.recipient()).isEqualTo("dana.whitfield@example.com");
        assertThat(dana.notificationProperty().get()).isEqualTo("A reset link for the Client Portal (membership)"
                + " is queued for dana.whitfield@example.com; it works once, for 72 hours after it is sent.");
        assertThat(dana.history().rows().get(0).kind()).isEqualTo("Reset link");
        assertThat(audit("dana.whitfield@example.com")).anySatisfy(entry ->
                assertThat(entry.detail()).contains("link valid 72 hours"));
    }

    @Test
    void theSixthResetEmailWithinTheHourIsNotOffered() {
        for (int i = 0; i < 4; i++) {
            services.credentials().sendResetLink("noah.fischer@example.org", null, null, AGENT);
        }
        ContactViewModel noah = open("noah.fischer@example.org");
        noah.actions().sendResetLink(null);
        ResetLinkViewModel fifth = windows.resetLinks.get(0);
        assertThat(fifth.limitTextProperty().get()).startsWith("4 of 5 reset emails");
        fifth.send();
        assertThat(fifth.doneProperty().get()).isTrue();

        noah.actions().sendResetLink(null);
        ResetLinkViewModel sixth = windows.resetLinks.get(1);

        assertThat(sixth.allowedProperty().get()).isFalse();
        assertThat(sixth.canSend().get()).isFalse();
        assertThat(sixth.limitTextProperty().get())
                .isEqualTo("The limit of 5 reset emails per hour is reached for this contact;"
                        + " the next one can go at 2 Mar 2026, 10:00.");
        sixth.send();
        assertThat(emails("noah.fischer@example.org").stream().filter(e -> "reset-link".equals(e.kind().code())))
                .hasSize(5);
    }

    // ---- Change Password ----

    @Test
    void changePasswordChecksThePolicyAsItIsTyped() {
        ContactViewModel dana = open("dana.whitfield@example.com");
        dana.actions().changePassword(null);
        ChangePasswordViewModel dialog = windows.passwords.get(0);
        assertThat(dialog.feedback().get()).startsWith("15 to 128 characters");
        assertThat(dialog.sendNotificationProperty().get()).as("off by default").isFalse();

        dialog.passwordProperty().set("short");
        assertThat(dialog.feedback().get()).isEqualTo("Not accepted: use at least 15 characters (5 so far).");
        dialog.passwordProperty().set("1qaz2wsx3edc4rfv");
        assertThat(dialog.feedback().get()).contains("commonly used");
        dialog.passwordProperty().set("dana.whitfield@example.com");
        assertThat(dialog.feedback().get()).contains("email address");
        dialog.passwordProperty().set("amber kettle violin");
        assertThat(dialog.feedback().get()).isEqualTo("Accepted. Type it again below.");
        dialog.confirmationProperty().set("amber kettle violon");
        assertThat(dialog.feedback().get()).isEqualTo("The two entries differ.");
        assertThat(dialog.canSave().get()).isFalse();
        dialog.confirmationProperty().set("amber kettle violin");
        assertThat(dialog.feedback().get()).isEqualTo("Accepted, and both entries match.");
        assertThat(dialog.canSave().get()).isTrue();
    }

    @Test
    void aLinkToPasteShowsOnceIsNeverEmailedAndLeavesTheClipboardAfterAMinute() {
        ContactViewModel dana = open("dana.whitfield@example.com");
        int emailsBefore = emails("dana.whitfield@example.com").size();
        dana.actions().sendResetLink(null);
        ResetLinkViewModel dialog = windows.resetLinks.get(0);
        dialog.expiryProperty().set(dialog.choices().get(1));
        dialog.makeLinkToPaste();
        assertThat(dialog.pastedLinkProperty().get()).as("not before the caller's verification is said").isEmpty();
        verify(dialog.verification(), IdentityCheck.Method.OTHER);
        assertThat(dialog.canHandOut().get()).as("other needs a note").isFalse();
        dialog.verification().noteProperty().set("knew the order number");

        dialog.makeLinkToPaste();

        String link = dialog.pastedLinkProperty().get();
        assertThat(link).matches("http://\\S+/reset/[A-Za-z0-9_-]{43}");
        assertThat(dialog.pastedNoteProperty().get()).startsWith("Shown once, never emailed");
        assertThat(dialog.doneProperty().get()).as("the dialog stays open to copy it").isFalse();
        assertThat(dialog.canSend().get()).as("an email now would supersede the pasted link").isFalse();
        assertThat(emails("dana.whitfield@example.com")).hasSize(emailsBefore);
        assertThat(dana.notificationProperty().get())
                .isEqualTo("A recovery link for the Client Portal (membership) was made for dana.whitfield@example.com,"
                        + " shown once and not emailed.");
        assertThat(audit("dana.whitfield@example.com")).anySatisfy(entry -> {
            assertThat(entry.action()).isEqualTo("credentials.recovery-link-made");
            assertThat(entry.detail()).contains("2 hours").contains("caller verified by other (note: knew the order number)")
                    .doesNotContain(link.substring(link.lastIndexOf('/') + 1));
        });

        dialog.copyLink();
        assertThat(clipboard.current()).isEqualTo(link);
        assertThat(dialog.pastedNoteProperty().get()).contains("60 seconds");
        executor.elapseTimers();
        assertThat(clipboard.current()).isEmpty();
        assertThat(dialog.pastedNoteProperty().get()).startsWith("The link was taken off the clipboard.");
    }

    @Test
    void aCodeByPhoneShowsOnceWithWhereToTypeItAndNothingIsEmailed() {
        ContactViewModel dana = open("dana.whitfield@example.com");
        int emailsBefore = emails("dana.whitfield@example.com").size();
        dana.actions().sendResetLink(null);
        ResetLinkViewModel dialog = windows.resetLinks.get(0);
        verify(dialog.verification(), IdentityCheck.Method.PHONE);

        dialog.makeCodeToReadOut();

        String code = dialog.codeProperty().get();
        assertThat(code).matches("[0-9]{4} [0-9]{4}");
        assertThat(dialog.codeNoteProperty().get()).startsWith("Read it out now; it is shown once.")
                .contains("/code until ").contains("5 wrong tries");
        assertThat(dialog.canSend().get()).as("a link now would supersede the code").isFalse();
        assertThat(emails("dana.whitfield@example.com")).hasSize(emailsBefore);
        assertThat(dana.notificationProperty().get()).isEqualTo("A code by phone for the Client Portal (membership)"
                + " was made for dana.whitfield@example.com, shown once and not emailed.");
        assertThat(services.credentials().redeemCode("dana.whitfield@example.com", null, code)).isPresent();
        assertThat(dialog.verification().choices()).extracting(VerificationChoice::label).containsExactly(
                "Reply from the address on file", "Code emailed to the address on file, read back", "Known phone number",
                "Other (say how in the note)");
    }

    @Test
    void changePasswordKeepsAnOptionalVerificationInTheActivityLog() {
        ContactViewModel dana = open("dana.whitfield@example.com");
        dana.actions().changePassword(null);
        ChangePasswordViewModel dialog = windows.passwords.get(0);
        dialog.passwordProperty().set("plum orchard velvet sky");
        dialog.confirmationProperty().set("plum orchard velvet sky");
        assertThat(dialog.canSave().get()).as("optional: nothing said is fine").isTrue();

        dialog.verification().noteProperty().set("a note without a method");
        assertThat(dialog.canSave().get()).as("a note needs its method").isFalse();
        verify(dialog.verification(), IdentityCheck.Method.EMAIL_REPLY);
        dialog.save();

        assertThat(dialog.doneProperty().get()).isTrue();
        assertThat(audit("dana.whitfield@example.com")).anySatisfy(entry -> {
            assertThat(entry.action()).isEqualTo("credentials.password-set");
            assertThat(entry.detail()).endsWith("caller verified by email-reply (note: a note without a method)");
        });
    }

    @Test
    void aGeneratedPasswordIsShownCopiedAndTakenOffTheClipboardAfterAMinute() {
        ContactViewModel dana = open("dana.whitfield@example.com");
        dana.actions().changePassword(null);
        ChangePasswordViewModel dialog = windows.passwords.get(0);

        dialog.generate();

        String generated = dialog.passwordProperty().get();
        assertThat(generated).hasSizeGreaterThanOrEqualTo(20);
        assertThat(dialog.confirmationProperty().get()).isEqualTo(generated);
        assertThat(dialog.revealedProperty().get()).isTrue();
        assertThat(dialog.canSave().get()).isTrue();

        dialog.copy();
        assertThat(clipboard.current()).isEqualTo(generated);
        assertThat(dialog.copiedTextProperty().get()).contains("60 seconds");
        assertThat(executor.heldTimers()).isGreaterThanOrEqualTo(1);
        executor.elapseTimers();
        assertThat(clipboard.current()).isEmpty();
        assertThat(dialog.copiedTextProperty().get()).isEqualTo("The password was taken off the clipboard.");
    }

    @Test
    void savingAPasswordWithoutNotificationSendsNoEmail() {
        ContactViewModel dana = open("dana.whitfield@example.com");
        int before = emails("dana.whitfield@example.com").size();
        dana.actions().changePassword(null);
        ChangePasswordViewModel dialog = windows.passwords.get(0);
        dialog.passwordProperty().set("amber kettle violin");
        dialog.confirmationProperty().set("amber kettle violin");

        dialog.save();

        assertThat(dialog.doneProperty().get()).isTrue();
        assertThat(emails("dana.whitfield@example.com")).hasSize(before);
        assertThat(card("dana.whitfield@example.com").portal().passwordSet()).isTrue();
        assertThat(dana.portalProperty().get().passwordSet()).as("the card was read again").isTrue();
        assertThat(dana.notificationProperty().get()).startsWith(
                "New password set for the Client Portal (membership) of dana.whitfield@example.com;")
                .endsWith("No email was sent: share the password yourself.");
    }

    @Test
    void savingAPasswordWithNotificationQueuesThePasswordChangedEmail() {
        ContactViewModel ben = open("ben.carter@example.com");
        ben.actions().changePassword(null);
        ChangePasswordViewModel dialog = windows.passwords.get(0);
        dialog.passwordProperty().set("amber kettle violin");
        dialog.confirmationProperty().set("amber kettle violin");
        dialog.sendNotificationProperty().set(true);

        dialog.save();

        assertThat(emails("ben.carter@example.com").get(0).kind().code()).isEqualTo("password-changed");
        assertThat(ben.notificationProperty().get())
                .endsWith("A notification email is queued for ben.carter@example.com.");
        assertThat(ben.history().rows().get(0).kind()).isEqualTo("Password changed");
    }

    @Test
    void aRefusedPasswordShowsTheReasonInTheDialogAndChangesNothing() {
        ContactViewModel dana = open("dana.whitfield@example.com");
        dana.actions().changePassword(null);
        ChangePasswordViewModel dialog = windows.passwords.get(0);
        dialog.passwordProperty().set("1qaz2wsx3edc4rfv");
        dialog.confirmationProperty().set("password123");

        dialog.save();

        assertThat(dialog.doneProperty().get()).isFalse();
        assertThat(card("dana.whitfield@example.com").portal().passwordSet()).isFalse();
    }

    // ---- Send login email ----

    @Test
    void sendLoginEmailAsksFirstThenSendsOrSaysWhyNot() {
        ContactViewModel dana = open("dana.whitfield@example.com");
        int before = emails("dana.whitfield@example.com").size();

        dana.actions().sendLoginLink();

        assertThat(dialogs.asked()).singleElement().satisfies(asked ->
                assertThat(asked.question()).isEqualTo("Email dana.whitfield@example.com a link that signs them in to"
                        + " the Client Portal?"));
        assertThat(emails("dana.whitfield@example.com")).as("magic-link sign-in is off").hasSize(before);
        assertThat(dialogs.errors()).singleElement().satisfies(error ->
                assertThat(error.toString()).contains("magic-link sign-in is off"));

        services.signInLinks().setEnabled(true, AGENT);
        dana.actions().sendLoginLink();

        assertThat(emails("dana.whitfield@example.com")).hasSize(before + 1);
        assertThat(emails("dana.whitfield@example.com").get(0).kind().code()).isEqualTo("login-link");
        assertThat(dana.notificationProperty().get()).isEqualTo("A sign-in link is on its way to"
                + " dana.whitfield@example.com; it works once, within 15 minutes.");
    }

    // ---- Unlock ----

    @Test
    void unlockIsOfferedOnlyForALockedAccountAndLiftsTheLock() {
        ContactViewModel dana = open("dana.whitfield@example.com");
        assertThat(dana.actions().canUnlockPortal().get()).isFalse();
        ContactViewModel ben = open("ben.carter@example.com");
        assertThat(ben.actions().canUnlockPortal().get()).isTrue();

        ben.actions().unlock(null);
        UnlockViewModel dialog = windows.unlocks.get(0);
        assertThat(dialog.questionProperty().get()).isEqualTo("Lift the lock on the Client Portal (membership) login of"
                + " ben.carter@example.com? They can sign in again at once.");
        assertThat(card("ben.carter@example.com").portal().locked()).as("not before the dialog says so").isTrue();
        verify(dialog.verification(), IdentityCheck.Method.OTHER);
        assertThat(dialog.canUnlock().get()).as("other needs a note").isFalse();
        dialog.verification().noteProperty().set("knew the last order number");
        dialog.unlock();

        assertThat(card("ben.carter@example.com").portal().locked()).isFalse();
        assertThat(ben.portalProperty().get().locked()).isFalse();
        assertThat(ben.actions().canUnlockPortal().get()).isFalse();
        assertThat(ben.notificationProperty().get())
                .isEqualTo("The Client Portal (membership) of ben.carter@example.com is unlocked.");
        assertThat(services.audit().latest(1).get(0).detail())
                .endsWith("caller verified by other (note: knew the last order number)");
    }

    @Test
    void resendAndUnlockRunOneAtATime() {
        ContactViewModel ben = open("ben.carter@example.com");
        OfferRow membership = ben.offers().get(0);
        int welcomes = emails("ben.carter@example.com").size();
        executor.holdWork();
        int submitted = executor.submitted();

        ben.actions().resend(membership);
        assertThat(ben.actions().busyProperty().get()).isTrue();
        assertThat(ben.actions().canUnlockPortal().get()).isFalse();
        ben.actions().unlock(null);
        ben.actions().resend(membership);
        assertThat(executor.submitted()).as("the second click waits").isEqualTo(submitted + 1);
        assertThat(windows.unlocks).as("no Unlock while Resend runs").isEmpty();

        executor.runHeldWork();
        assertThat(ben.actions().busyProperty().get()).isFalse();
        while (executor.heldWork() > 0) {
            executor.runHeldWork();
        }
        assertThat(emails("ben.carter@example.com")).hasSize(welcomes + 1);
        assertThat(card("ben.carter@example.com").portal().locked()).isTrue();
        assertThat(ben.actions().canUnlockPortal().get()).isTrue();
    }

    // ---- Community groups ----

    @Test
    void aCommunityGroupHasItsOwnResetLinkAndPasswordAndNeverAMembershipWelcome() {
        ContactViewModel sofia = open("sofia.rossi@example.net");
        CommunityRow founders = sofia.communities().get(0);
        int welcomesBefore = (int) emails("sofia.rossi@example.net").stream()
                .filter(e -> "welcome".equals(e.kind().code())).count();

        sofia.actions().sendResetLink(founders);
        ResetLinkViewModel reset = windows.resetLinks.get(0);
        assertThat(reset.titleProperty().get()).isEqualTo("Send Reset Link \u2014 community group Founders Circle");
        assertThat(reset.accessProperty().get()).isEqualTo("community group Founders Circle");
        assertThat(reset.whenToUseProperty().get()).contains("never sends a membership welcome email");
        reset.send();

        EmailView queued = emails("sofia.rossi@example.net").get(0);
        assertThat(queued.kind().code()).isEqualTo("community-reset-link");
        assertThat(queued.group()).isEqualTo("Founders Circle");

        sofia.actions().changePassword(founders);
        ChangePasswordViewModel password = windows.passwords.get(0);
        assertThat(password.titleProperty().get()).isEqualTo("Change Password \u2014 community group Founders Circle");
        password.passwordProperty().set("amber kettle violin");
        password.confirmationProperty().set("amber kettle violin");
        password.save();

        assertThat(password.doneProperty().get()).isTrue();
        assertThat(card("sofia.rossi@example.net").portal().passwordSet()).as("membership untouched").isFalse();
        assertThat(emails("sofia.rossi@example.net").stream().filter(e -> "welcome".equals(e.kind().code())))
                .hasSize(welcomesBefore);
        assertThat(sofia.notificationProperty().get())
                .startsWith("New password set for the community group Founders Circle of sofia.rossi@example.net");
    }

    // ---- Grant offer and Revoke ----

    @Test
    void grantOfferOffersTheOffersTheContactLacksAndGrantsUntilADay() {
        ContactViewModel dana = open("dana.whitfield@example.com");

        dana.actions().grantOffer();

        GrantOfferViewModel dialog = windows.grants.get(0);
        assertThat(dialog.choices()).extracting(OfferChoice::label)
                .contains("Momentum Membership (already active)", "Budget Bootcamp (already active)", "Coaching Circle");
        assertThat(dialog.offerProperty().get().active()).isFalse();
        dialog.offerProperty().set(dialog.choices().stream().filter(c -> c.name().equals("Coaching Circle"))
                .findFirst().orElseThrow());
        dialog.untilProperty().set(LocalDate.of(2026, 1, 1));
        dialog.grant();
        assertThat(dialog.doneProperty().get()).as("a past end date is refused").isFalse();
        assertThat(dialog.errorProperty().get()).contains("in the past");
        assertThat(dana.offers()).hasSize(2);

        dialog.untilProperty().set(LocalDate.of(2026, 6, 30));
        dialog.grant();

        assertThat(dialog.doneProperty().get()).isTrue();
        assertThat(dana.offers()).extracting(OfferRow::offer).contains("Coaching Circle");
        assertThat(dana.offers().stream().filter(o -> o.offer().equals("Coaching Circle")).findFirst().orElseThrow()
                .grantStatus().code()).isEqualTo("active");
        assertThat(dana.notificationProperty().get()).startsWith("Granted Coaching Circle to dana.whitfield@example.com.");
    }

    @Test
    void revokeAsksWithTheOfferAndKeepsTheReason() {
        ContactViewModel ben = open("ben.carter@example.com");
        OfferRow membership = ben.offers().get(0);

        ben.actions().revoke(membership);

        RevokeOfferViewModel dialog = windows.revokes.get(0);
        assertThat(dialog.questionProperty().get())
                .isEqualTo("Revoke Momentum Membership for ben.carter@example.com? They lose the access it gives;"
                        + " their other offers stay.");
        dialog.reasonProperty().set("refund requested");
        dialog.revoke();

        assertThat(dialog.doneProperty().get()).isTrue();
        OfferRow revoked = ben.offers().get(0);
        assertThat(revoked.grantStatus().code()).isEqualTo("revoked");
        assertThat(revoked.revoked()).endsWith("refund requested");
        assertThat(ben.actions().resendUnavailable(revoked)).startsWith("Revoked");
    }

    // ---- Edit contact and New contact ----

    @Test
    void aNewEmailSaysWhatItCancelledForWhichAccessAndOffersTheWelcomeForTheNewAddress() {
        // Hana's welcome (with its set-password link) still waits for a retry; an agent mails her a reset link too.
        services.credentials().sendResetLink("hana.kobayashi@example.com", null, null, AGENT);
        services.emails().runOutbox(true);
        ContactViewModel hana = open("hana.kobayashi@example.com");
        hana.actions().editContact();
        ContactFormViewModel form = windows.forms.get(0);
        form.emailProperty().set("hana.k@example.com");
        verify(form.verification(), IdentityCheck.Method.PHONE);

        form.save();

        assertThat(dialogs.asked()).singleElement().satisfies(asked -> {
            assertThat(asked.title()).isEqualTo("Email address changed");
            assertThat(asked.question())
                    .isEqualTo("Send the Mindful Mornings Course welcome email to hana.k@example.com now?");
            assertThat(asked.details().lines()).containsExactly(
                    "Client Portal (membership): 1 open link cancelled, no one signed in; no password was cleared",
                    "1 email with a link waiting for hana.kobayashi@example.com will not be sent.",
                    "hana.kobayashi@example.com is told that the address changed (no link in it, the new address"
                            + " partly hidden).");
            assertThat(asked.acceptLabel()).isEqualTo("Send welcome email");
            assertThat(asked.declineLabel()).isEqualTo("Not now");
        });
        assertThat(hana.notificationProperty().get()).isEqualTo("The email address changed from"
                + " hana.kobayashi@example.com to hana.k@example.com; its old links and sign-ins no longer work."
                + " The Mindful Mornings Course welcome email is queued for hana.k@example.com.");
        List<EmailView> history = emails("hana.k@example.com");
        assertThat(history.get(0)).satisfies(welcome -> {
            assertThat(welcome.kind().code()).isEqualTo("welcome");
            assertThat(welcome.recipient()).isEqualTo("hana.k@example.com");
            assertThat(welcome.status().code()).isEqualTo("queued");
        });
        assertThat(history).anySatisfy(notice -> {
            assertThat(notice.kind().code()).isEqualTo("address-changed");
            assertThat(notice.recipient()).isEqualTo("hana.kobayashi@example.com");
        });
        assertThat(history).filteredOn(e -> e.recipient().equals("hana.kobayashi@example.com")
                        && e.kind().code().equals("welcome")).singleElement()
                .satisfies(old -> assertThat(old.status().code()).isEqualTo("failed"));
        assertThat(hana.history().rows()).anySatisfy(row -> assertThat(row.kind()).isEqualTo("Address changed"));
    }

    @Test
    void editContactRefusesABadAddressWithoutChangingAnythingThenSaves() {
        ContactViewModel dana = open("dana.whitfield@example.com");
        dana.actions().editContact();
        ContactFormViewModel form = windows.forms.get(0);
        assertThat(form.editing()).isTrue();
        assertThat(form.nameProperty().get()).isEqualTo("Dana Whitfield");
        assertThat(form.tagsProperty().get()).isEqualTo("cant-login, vip");

        form.nameProperty().set("Dana W. Whitfield");
        form.emailProperty().set("not an address");
        form.save();
        assertThat(form.doneProperty().get()).isFalse();
        assertThat(form.errorProperty().get()).isNotEmpty();
        assertThat(services.contacts().byEmail("dana.whitfield@example.com").name()).isEqualTo("Dana Whitfield");

        form.emailProperty().set("marcus.bell@example.org");
        form.save();
        assertThat(form.errorProperty().get()).contains("already exists");
        assertThat(edits).isZero();

        form.emailProperty().set("Dana.W@Example.com");
        form.tagsProperty().set("vip, , resolved");
        assertThat(form.emailChanging().get()).isTrue();
        verify(form.verification(), IdentityCheck.Method.EMAIL_REPLY);
        form.save();

        assertThat(form.doneProperty().get()).isTrue();
        assertThat(dana.emailProperty().get()).isEqualTo("dana.w@example.com");
        assertThat(dana.nameProperty().get()).isEqualTo("Dana W. Whitfield");
        assertThat(dana.tags()).containsExactlyInAnyOrder("resolved", "vip");
        // A new address (issue 18) ends in the follow-up offer rather than a plain "Saved".
        assertThat(dana.notificationProperty().get())
                .startsWith("The email address changed from dana.whitfield@example.com to dana.w@example.com");
        assertThat(edits).as("the console reads its list again").isEqualTo(1);
    }

    @Test
    void aNewContactNeedsANameAndAFreeAddress() {
        List<org.memberdesk.service.contacts.ContactSummary> saved = new java.util.ArrayList<>();
        ContactFormViewModel form = ContactFormViewModel.create(services.contacts(), executor, messages, AGENT,
                saved::add);
        assertThat(form.editing()).isFalse();
        assertThat(form.titleProperty().get()).isEqualTo("New contact");

        form.emailProperty().set("new.member@example.com");
        form.save();
        assertThat(form.nameError().get()).isEqualTo("Name is required.");
        assertThat(form.errorProperty().get()).isEqualTo("Not saved: correct the marked fields first.");
        assertThat(saved).isEmpty();

        form.nameProperty().set("New Member");
        form.tagsProperty().set("trial");
        form.save();

        assertThat(form.doneProperty().get()).isTrue();
        assertThat(saved).singleElement().satisfies(c -> {
            assertThat(c.email()).isEqualTo("new.member@example.com");
            assertThat(c.tags()).containsExactly("trial");
        });
        assertThat(services.contacts().byEmail("new.member@example.com").name()).isEqualTo("New Member");
    }

    /** Says how the caller was verified, as the agent picks it in the dialog. */
    private static void verify(CallerVerification verification, IdentityCheck.Method method) {
        verification.methodProperty().set(verification.choices().stream().filter(c -> c.method() == method)
                .findFirst().orElseThrow());
    }
}
