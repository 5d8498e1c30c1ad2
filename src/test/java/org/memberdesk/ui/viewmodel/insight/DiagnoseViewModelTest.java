package org.memberdesk.ui.viewmodel.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.service.Actor;
import org.memberdesk.service.Services;
import org.memberdesk.service.demo.DemoData;
import org.memberdesk.service.diagnostics.DiagnosticCodes;
import org.memberdesk.service.diagnostics.Fix;
import org.memberdesk.service.email.EmailView;
import org.memberdesk.testsupport.TestClock;
import org.memberdesk.testsupport.TestServices;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.common.RecordingDialogService;
import org.memberdesk.ui.common.RecordingFilePicker;
import org.memberdesk.ui.common.TestExecutor;
import org.memberdesk.ui.viewmodel.DemoDirectory;
import org.memberdesk.ui.viewmodel.DisplayTime;
import org.memberdesk.ui.viewmodel.Tone;
import org.memberdesk.ui.viewmodel.insight.DiagnoseViewModel.Question;

/** Diagnose on the demo data: ask first, findings worst first, one-click fixes that change the database. */
class DiagnoseViewModelTest {

    @TempDir
    static Path dir;
    static final TestClock CLOCK = TestClock.at(TestServices.START);
    static Services services;
    final Messages messages = Messages.load();
    final TestExecutor executor = TestExecutor.currentThread();
    final RecordingHooks hooks = new RecordingHooks();
    final RecordingDialogService dialogs = RecordingDialogService.accepting();

    @BeforeAll
    static void seed() {
        services = DemoDirectory.seeded(dir, CLOCK);
    }

    @AfterAll
    static void close() {
        services.close();
    }

    private DiagnoseViewModel diagnose(String email) {
        return diagnose(services, email);
    }

    private DiagnoseViewModel diagnose(Services services, String email) {
        UUID id = services.contacts().byEmail(email).id();
        InsightTools tools = new InsightTools(executor, dialogs,
                RecordingFilePicker.cancelling(), messages, new DisplayTime(ZoneOffset.UTC, messages.locale()),
                Actor.agent("Sam (support)"));
        DiagnoseViewModel model = new DiagnoseViewModel(InsightBackend.of(services), id, "", hooks, tools);
        model.load();
        return model;
    }

    @Test
    void asksWhatTheyNeedHelpWithBeforeAnyCheckRuns() {
        DiagnoseViewModel dana = diagnose("dana.whitfield@example.com");

        assertThat(dana.contactNameProperty().get()).isEqualTo("Dana Whitfield");
        assertThat(dana.canRunProperty().get()).isFalse();
        int before = executor.submitted();
        dana.run();
        assertThat(executor.submitted()).isEqualTo(before);
        assertThat(dana.diagnosedProperty().get()).isFalse();

        // Membership in general first, then her own offers, then the others; her groups (none) come first too.
        List<TopicChoice> offers = dana.offerChoices();
        assertThat(offers.get(0).name()).isNull();
        assertThat(offers.get(0).label()).isEqualTo("Membership in general (any offer)");
        assertThat(offers.stream().filter(TopicChoice::theirs).map(TopicChoice::name))
                .containsExactlyInAnyOrder(DemoData.MEMBERSHIP, DemoData.BOOTCAMP);
        assertThat(offers.subList(1, 3)).allMatch(TopicChoice::theirs);
        assertThat(offers.get(1).label()).contains("theirs, Active");
        assertThat(offers.subList(3, offers.size())).noneMatch(TopicChoice::theirs).isNotEmpty();
        assertThat(dana.groupChoices()).isNotEmpty().noneMatch(TopicChoice::theirs);

        dana.questionProperty().set(Question.OFFER);
        assertThat(dana.canRunProperty().get()).isTrue();
    }

    @Test
    void anOfferQuestionShowsFindingsWorstFirstWithEvidenceAndFixes() {
        DiagnoseViewModel dana = diagnose("dana.whitfield@example.com");
        dana.questionProperty().set(Question.OFFER);
        dana.offerProperty().set(dana.offerChoices().stream()
                .filter(c -> DemoData.MEMBERSHIP.equals(c.name())).findFirst().orElseThrow());

        dana.run();

        assertThat(dana.diagnosedProperty().get()).isTrue();
        assertThat(dana.runningProperty().get()).isFalse();
        assertThat(dana.findings()).extracting(FindingRow::code)
                .containsExactly(DiagnosticCodes.LINK_EXPIRED, DiagnosticCodes.PASSWORD_NEVER_SET);
        assertThat(dana.headingProperty().get())
                .isEqualTo("2 findings \u2014 asked about: membership offer " + DemoData.MEMBERSHIP);
        FindingRow expired = dana.findings().get(0);
        assertThat(expired.severity()).isIn("Problem", "Warning");
        assertThat(expired.tone()).isIn(Tone.BAD, Tone.CAUTION);
        assertThat(expired.evidence()).isNotEmpty().allMatch(line -> line.contains(": "))
                .noneMatch(line -> line.startsWith("email id:"));
        // Times read as the agent reads them, never as raw ISO instants.
        assertThat(String.join("\n", expired.evidence())).doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T");
        assertThat(expired.fixes()).first().satisfies(fix -> {
            assertThat(fix.recommended()).isTrue();
            assertThat(fix.action().code()).isEqualTo("send-reset-link");
        });
        assertThat(dana.findings().get(1).fixes()).extracting(fix -> fix.action().code())
                .containsExactly("resend-welcome", "send-reset-link");
    }

    @Test
    void notSureOnBenFindsTheLockAndUnlockFixesItThenChecksAgainAndReloadsTheContact() {
        DiagnoseViewModel ben = diagnose("ben.carter@example.com");
        UUID id = services.contacts().byEmail("ben.carter@example.com").id();
        assertThat(services.contacts().card(id).portal().locked()).isTrue();
        ben.questionProperty().set(Question.NOT_SURE);
        ben.run();
        FindingRow locked = ben.findings().get(0);
        assertThat(locked.code()).isEqualTo(DiagnosticCodes.ACCOUNT_LOCKED);

        ben.apply(locked.fixes().get(0));

        assertThat(services.contacts().card(id).portal().locked()).isFalse();
        assertThat(hooks.reloads).isEqualTo(1);
        assertThat(ben.statusProperty().get()).startsWith("Done: unlocked the Client Portal account");
        assertThat(ben.findings()).isEmpty();
        assertThat(ben.headingProperty().get()).startsWith("Nothing found");
        assertThat(ben.errorProperty().get()).isEmpty();
    }

    @Test
    void aTypoFixOpensEditContactWithTheSuggestionAndChangesNothingYet() {
        DiagnoseViewModel olu = diagnose("olu.adeyemi@exmaple.com");
        olu.questionProperty().set(Question.EMAIL);
        olu.run();
        FindingRow typo = olu.findings().get(0);
        assertThat(typo.code()).isEqualTo(DiagnosticCodes.EMAIL_DOMAIN_TYPO);
        FixChoice edit = typo.fixes().get(0);
        assertThat(edit.needsInput()).isTrue();
        assertThat(edit.inputProperty().get()).isEqualTo("olu.adeyemi@example.com");
        int before = executor.submitted();

        olu.apply(edit);

        // A new address gets every future link: the form asks how the caller was verified first.
        assertThat(hooks.proposedEmails).containsExactly("olu.adeyemi@example.com");
        assertThat(executor.submitted()).as("no service call from Diagnose").isEqualTo(before);
        assertThat(services.contacts().find("olu.adeyemi", 5)).extracting(c -> c.email())
                .containsExactly("olu.adeyemi@exmaple.com");
        assertThat(olu.statusProperty().get()).isEqualTo("Edit contact is open with olu.adeyemi@example.com typed in:"
                + " say how you verified the caller, then save. Check again afterwards.");
        assertThat(olu.errorProperty().get()).isEmpty();
    }

    @Test
    void checksAskedForAgainWhileTheyRunShowOnlyTheNewerAnswer(@TempDir Path own) {
        try (Services fresh = DemoDirectory.seeded(own, TestClock.at(TestServices.START))) {
            DiagnoseViewModel marcus = diagnose(fresh, "marcus.bell@example.org");
            marcus.questionProperty().set(Question.NOT_SURE);
            marcus.run();
            List<String> before = marcus.findings().stream().map(FindingRow::code).toList();
            FixChoice retry = marcus.findings().get(0).fixes().get(0);
            assertThat(retry.action().code()).isEqualTo("retry-email");
            executor.holdWork();
            marcus.apply(retry);
            executor.runHeldWork(); // the fix: then the checks again, held

            assertThat(executor.heldWork()).isEqualTo(1);
            marcus.checkAgain(); // F5 while those checks run
            executor.runHeldWork(); // the first checks answer: dropped, and they run anew

            assertThat(marcus.runningProperty().get()).as("checking again").isTrue();
            assertThat(marcus.findings()).as("the older answer is not shown").extracting(FindingRow::code)
                    .containsExactlyElementsOf(before);
            executor.runHeldWork();
            assertThat(marcus.runningProperty().get()).isFalse();
            List<String> now = fresh.diagnostics().diagnose("marcus.bell@example.org",
                    org.memberdesk.service.diagnostics.Concern.none()).stream().map(f -> f.code()).toList();
            assertThat(marcus.findings()).extracting(FindingRow::code).containsExactlyElementsOf(now);
        }
    }

    @Test
    void aCorrectionLeftEmptyIsRefusedWithoutCallingTheService() {
        DiagnoseViewModel mei = diagnose("\"mei lin\"@example.com");
        mei.questionProperty().set(Question.NOT_SURE);
        mei.run();
        FixChoice edit = mei.findings().get(0).fixes().get(0);
        assertThat(edit.needsInput()).isTrue();
        assertThat(edit.inputProperty().get()).isEmpty();
        int before = executor.submitted();

        mei.apply(edit);

        assertThat(executor.submitted()).isEqualTo(before);
        assertThat(mei.errorProperty().get()).isEqualTo("Type the corrected email address first.");
        assertThat(hooks.reloads).isZero();
    }

    @Test
    void retryingAFailedEmailQueuesItAgain() {
        DiagnoseViewModel marcus = diagnose("marcus.bell@example.org");
        marcus.questionProperty().set(Question.NOT_SURE);
        marcus.run();
        FindingRow failed = marcus.findings().get(0);
        assertThat(failed.code()).isEqualTo(DiagnosticCodes.EMAIL_FAILED);
        FixChoice retry = failed.fixes().get(0);
        assertThat(retry.action().code()).isEqualTo("retry-email");
        UUID id = services.contacts().byEmail("marcus.bell@example.org").id();
        long failedBefore = services.contacts().card(id).emails().stream().filter(e -> "failed".equals(e.status().code()))
                .count();

        marcus.apply(retry);

        List<EmailView> emails = services.contacts().card(id).emails();
        assertThat(emails.stream().filter(e -> "failed".equals(e.status().code())).count()).isLessThan(failedBefore);
        assertThat(emails).anyMatch(e -> "queued".equals(e.status().code()) || "retrying".equals(e.status().code()));
        assertThat(marcus.statusProperty().get()).startsWith("Done: queued the");
        assertThat(hooks.reloads).isEqualTo(1);
    }

    @Test
    void aFixTheServiceRefusesIsShownAndTheFindingsStay() {
        DiagnoseViewModel priya = diagnose("priya.natarajan@example.net");
        priya.questionProperty().set(Question.NOT_SURE);
        priya.run();
        // her welcome was refused (a hard bounce, so Diagnose offers no retry): the agent retries it anyway
        UUID failed = services.contacts().card(services.contacts().byEmail("priya.natarajan@example.net").id())
                .emails().stream().filter(e -> "failed".equals(e.status().code())).findFirst().orElseThrow().id();
        FixChoice retry = new FixChoice(new Fix(Fix.Action.RETRY_EMAIL, "Retry this email",
                Map.of("emailId", failed.toString())), "Retry this email", false);
        assertThat(retry.action().code()).isEqualTo("retry-email");
        priya.apply(retry);
        assertThat(priya.errorProperty().get()).isEmpty();
        List<FindingRow> after = List.copyOf(priya.findings());

        priya.apply(retry); // the same email again: it is queued now, not failed

        assertThat(priya.errorProperty().get()).startsWith("only a failed email can be retried");
        assertThat(priya.statusProperty().get()).isEmpty();
        assertThat(priya.runningProperty().get()).isFalse();
        assertThat(priya.findings()).containsExactlyElementsOf(after);
        assertThat(hooks.reloads).isEqualTo(1);
    }

    @Test
    void aHardBounceOffersCheckTheAddressNotRetryAndItOpensEditContact() {
        DiagnoseViewModel priya = diagnose("priya.natarajan@example.net");
        priya.questionProperty().set(Question.NOT_SURE);
        priya.run();
        FindingRow bounced = priya.findings().get(0);
        assertThat(bounced.code()).isEqualTo(DiagnosticCodes.EMAIL_BOUNCED);
        FixChoice check = bounced.fixes().get(0);
        assertThat(check.label()).isEqualTo("Check the address");
        assertThat(check.recommended()).isTrue();
        assertThat(bounced.fixes()).extracting(f -> f.action().code()).doesNotContain("retry-email");
        int before = executor.submitted();

        priya.apply(check);

        assertThat(hooks.editsOpened).isEqualTo(1);
        assertThat(executor.submitted()).isEqualTo(before);
        assertThat(priya.statusProperty().get()).startsWith("Edit contact is open: check the address");
    }

    @Test
    void openOffersIsDoneByTheContactWindowNotTheService() {
        DiagnoseViewModel leo = diagnose("leo.martins@example.org");
        leo.questionProperty().set(Question.NOT_SURE);
        leo.run();
        FindingRow none = leo.findings().get(0);
        assertThat(none.code()).isEqualTo(DiagnosticCodes.NO_ACTIVE_OFFER);
        int before = executor.submitted();

        leo.apply(none.fixes().get(0));

        assertThat(hooks.offersShown).isEqualTo(1);
        assertThat(executor.submitted()).isEqualTo(before);
        assertThat(leo.statusProperty().get()).isEqualTo("The Offers tab is open in the contact window.");
    }

    @Test
    void askingAgainGoesBackToTheQuestionAndACommunityQuestionNamesTheGroup() {
        DiagnoseViewModel ivy = diagnose("ivy.chen@example.com");
        ivy.questionProperty().set(Question.COMMUNITY);
        ivy.groupProperty().set(ivy.groupChoices().stream().filter(c -> DemoData.FOUNDERS.equals(c.name()))
                .findFirst().orElseThrow());
        ivy.notReceivedProperty().set(true);
        ivy.run();
        assertThat(ivy.findings()).extracting(FindingRow::code).first().isEqualTo(DiagnosticCodes.NOT_IN_COMMUNITY);
        assertThat(ivy.headingProperty().get()).contains("community group " + DemoData.FOUNDERS)
                .contains("an email that never arrived");

        ivy.askAgain();

        assertThat(ivy.diagnosedProperty().get()).isFalse();
        assertThat(ivy.findings()).isEmpty();
        assertThat(ivy.questionProperty().get()).isEqualTo(Question.COMMUNITY);
    }

    @Test
    void evidenceKeysReadAsWords() {
        assertThat(DiagnoseViewModel.words("sentAt")).isEqualTo("sent at");
        assertThat(DiagnoseViewModel.words("smtpReply")).isEqualTo("smtp reply");
        assertThat(DiagnoseViewModel.words("email")).isEqualTo("email");
        assertThat(DiagnoseViewModel.shown("emailId")).isFalse();
        assertThat(DiagnoseViewModel.shown("messageId")).isTrue();
        assertThat(DiagnoseViewModel.shown("sentAt")).isTrue();
    }

    static final class RecordingHooks implements DiagnoseViewModel.ContactHooks {
        int reloads;
        int offersShown;
        int editsOpened;

        @Override
        public void reload() {
            reloads++;
        }

        @Override
        public void showOffers() {
            offersShown++;
        }

        @Override
        public void editContact() {
            editsOpened++;
        }

        final List<String> proposedEmails = new java.util.ArrayList<>();

        @Override
        public void editContact(String proposedEmail) {
            proposedEmails.add(proposedEmail);
        }
    }
}
