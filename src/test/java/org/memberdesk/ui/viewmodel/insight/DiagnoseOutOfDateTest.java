package org.memberdesk.ui.viewmodel.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.service.Actor;
import org.memberdesk.service.Services;
import org.memberdesk.service.diagnostics.DiagnosticCodes;
import org.memberdesk.testsupport.TestClock;
import org.memberdesk.testsupport.TestServices;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.common.RecordingDialogService;
import org.memberdesk.ui.common.RecordingFilePicker;
import org.memberdesk.ui.common.TestExecutor;
import org.memberdesk.ui.viewmodel.DemoDirectory;
import org.memberdesk.ui.viewmodel.DisplayTime;
import org.memberdesk.ui.viewmodel.insight.DiagnoseViewModel.Question;

/**
 * A Diagnose result on show while a second {@code Services} on the same file changes the contact: the
 * findings stay as they are and are marked out of date only when the checks would now say something
 * else; Check again runs them anew.
 */
class DiagnoseOutOfDateTest {

    static final String DANA = "dana.whitfield@example.com";
    static final Actor ELSEWHERE = Actor.agent("Robin (other desk)");

    @TempDir
    Path dir;
    final TestClock clock = TestClock.at(TestServices.START);
    final Messages messages = Messages.load();
    final TestExecutor executor = TestExecutor.currentThread();
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

    private DiagnoseViewModel diagnosed(UUID id) {
        InsightTools tools = new InsightTools(executor, RecordingDialogService.accepting(),
                RecordingFilePicker.cancelling(), messages, new DisplayTime(ZoneOffset.UTC, messages.locale()),
                Actor.agent("Sam (support)"));
        DiagnoseViewModel model = new DiagnoseViewModel(InsightBackend.of(console), id, "",
                new DiagnoseViewModel.ContactHooks() {
                    @Override
                    public void reload() {
                    }

                    @Override
                    public void showOffers() {
                    }
                }, tools);
        model.load();
        model.questionProperty().set(Question.NOT_SURE);
        model.run();
        assertThat(model.diagnosedProperty().get()).isTrue();
        return model;
    }

    @Test
    void aChangeThatAltersTheAnswerMarksTheResultAndLeavesTheFindingsShown() {
        DiagnoseViewModel window = diagnosed(dana);
        List<FindingRow> shown = List.copyOf(window.findings());
        assertThat(shown).extracting(FindingRow::code).contains(DiagnosticCodes.PASSWORD_NEVER_SET);

        other.credentials().setPassword(DANA, null, "a long passphrase for dana", false, ELSEWHERE);
        window.markOutOfDate(dana);

        assertThat(window.outOfDateProperty().get()).isTrue();
        assertThat(window.findings()).containsExactlyElementsOf(shown);
        assertThat(window.headingProperty().get()).isNotEmpty();

        window.checkAgain();

        assertThat(window.outOfDateProperty().get()).isFalse();
        assertThat(window.findings()).extracting(FindingRow::code).doesNotContain(DiagnosticCodes.PASSWORD_NEVER_SET);
    }

    @Test
    void aChangeOfAnotherContactLeavesTheResultAlone() {
        DiagnoseViewModel window = diagnosed(dana);
        List<FindingRow> shown = List.copyOf(window.findings());
        UUID ben = console.contacts().byEmail("ben.carter@example.com").id();
        other.credentials().setPassword(DANA, null, "a long passphrase for dana", false, ELSEWHERE);
        int before = executor.submitted();

        window.markOutOfDate(ben);

        assertThat(executor.submitted()).as("no checks run").isEqualTo(before);
        assertThat(window.outOfDateProperty().get()).isFalse();
        assertThat(window.findings()).containsExactlyElementsOf(shown);
    }

    @Test
    void aChangeThatLeavesTheAnswerAsItWasIsNotMarked() {
        DiagnoseViewModel window = diagnosed(dana);
        List<FindingRow> shown = List.copyOf(window.findings());

        other.contacts().edit(DANA, null, "Dana W. Whitfield", null, ELSEWHERE);
        window.markOutOfDate(dana);

        assertThat(window.outOfDateProperty().get()).isFalse();
        assertThat(window.findings()).containsExactlyElementsOf(shown);
    }

    @Test
    void aChangeWhileTheChecksRunIsComparedOnceTheyAnswer() {
        DiagnoseViewModel window = diagnosed(dana);
        executor.holdWork();
        window.checkAgain();
        other.credentials().setPassword(DANA, null, "a long passphrase for dana", false, ELSEWHERE);
        window.markOutOfDate(dana);

        executor.runHeldWork(); // these checks read the password: the comparison after them finds nothing new
        executor.runHeldWork();

        assertThat(executor.heldWork()).isZero();
        assertThat(window.findings()).extracting(FindingRow::code).doesNotContain(DiagnosticCodes.PASSWORD_NEVER_SET);
        assertThat(window.outOfDateProperty().get()).isFalse();
    }
}
