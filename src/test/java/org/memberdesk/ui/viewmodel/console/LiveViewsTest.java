package org.memberdesk.ui.viewmodel.console;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberdesk.service.Actor;
import org.memberdesk.service.Services;
import org.memberdesk.service.email.SmtpSettingsForm;
import org.memberdesk.testsupport.Await;
import org.memberdesk.testsupport.TestServices;
import org.memberdesk.ui.common.RecordingDialogService;
import org.memberdesk.ui.common.RecordingFilePicker;
import org.memberdesk.ui.viewmodel.DemoDirectory;
import org.memberdesk.ui.viewmodel.RecordingInsightWindows;
import org.memberdesk.ui.viewmodel.TestConsoles;
import org.memberdesk.ui.viewmodel.contact.ContactViewModel;
import org.memberdesk.ui.viewmodel.insight.ActivityViewModel;
import org.memberdesk.ui.viewmodel.insight.DiagnoseViewModel;
import org.memberdesk.ui.viewmodel.workflow.RecordingWorkflowWindows;
import org.slf4j.LoggerFactory;

/**
 * The console follows what another desk commits to the same data directory, without anyone
 * refreshing: each batch of the change feed reaches the open views it concerns and no other.
 */
class LiveViewsTest extends ConsoleCase {

    private static final Duration FEED = Duration.ofSeconds(5);
    private static final Actor OTHER_AGENT = Actor.agent("Kim (other desk)");

    final RecordingDialogService dialogs = RecordingDialogService.accepting();
    final RecordingInsightWindows insightWindows = new RecordingInsightWindows();
    Services other;
    ListAppender<ILoggingEvent> log;
    Logger root;

    @BeforeEach
    void openConsoleAndAnotherDesk() {
        try (Services seeded = DemoDirectory.seeded(dir, clock)) {
            assertThat(seeded.contacts().count()).isPositive();
        }
        root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        log = new ListAppender<>();
        log.start();
        root.addAppender(log);
        ConsoleTools tools = TestConsoles.tools(executor, dialogs, messages, windows, mailWindows,
                new RecordingWorkflowWindows(), insightWindows, RecordingFilePicker.cancelling());
        console = TestConsoles.console(dir, clock, tools);
        console.start();
        other = TestServices.open(dir, clock);
    }

    @AfterEach
    void closeTheOtherDesk() {
        other.close();
        root.detachAppender(log);
    }

    @Test
    void aChangeOfAnotherContactLeavesDanasWindowAloneAndAChangeOfHersReloadsIt() {
        ContactViewModel dana = open("dana");
        AtomicInteger danaReads = reads(dana);
        ActivityViewModel activity = openActivity();
        console.list().queryProperty().set("ben");

        other.contacts().edit("ben.carter@example.com", null, "Benjamin Carter", null, OTHER_AGENT);

        await(() -> console.list().results().stream().anyMatch(row -> row.name().equals("Benjamin Carter")),
                "the contact list to show Ben's new name");
        await(() -> hasAction(activity, "Benjamin Carter"), "Activity to show the edit");
        assertThat(danaReads.get()).as("Dana's window is not read for Ben's edit").isZero();

        other.credentials().setPassword("dana.whitfield@example.com", null, "correct horse battery staple", false,
                OTHER_AGENT);

        await(() -> dana.portalProperty().get().passwordSet(), "Dana's window to show her password");
        assertThat(danaReads.get()).isPositive();
        assertThat(dana.accessSummaryProperty().get()).contains("password set");
    }

    @Test
    void anAuditOnlyChangeRefreshesActivityButNoContactWindow() {
        ContactViewModel dana = open("dana");
        other.credentials().setPassword("dana.whitfield@example.com", null, "correct horse battery staple", false,
                OTHER_AGENT);
        await(() -> dana.portalProperty().get().passwordSet(), "Dana's window to show her password");
        AtomicInteger danaReads = reads(dana);
        ActivityViewModel activity = openActivity();
        int rowsBefore = activity.rows().size();

        // with a password set, copying her login details only writes to the audit log
        other.emails().copyLoginDetails(dana.contactId(), OTHER_AGENT);

        await(() -> activity.rows().size() > rowsBefore, "Activity to show the copied login details");
        assertThat(activity.rows().get(0).agent()).contains("Kim");
        assertThat(danaReads.get()).as("an audit entry about Dana does not reload her window").isZero();
    }

    @Test
    void aSettingsChangeRefreshesTheStatusBarsMailMode() {
        assertThat(session().mail().demoModeProperty().get()).isTrue();

        other.mailSettings().save(new SmtpSettingsForm("smtp.example.invalid", 2525, "starttls",
                "desk@example.com", null, null), OTHER_AGENT);

        await(() -> !session().mail().demoModeProperty().get(), "the status bar to leave demo mode");
    }

    @Test
    void dataReplacedWholesaleReloadsEveryOpenView() {
        ContactViewModel dana = open("dana");
        AtomicInteger danaReads = reads(dana);
        ActivityViewModel activity = openActivity();
        AtomicInteger activityReads = reads(activity);
        console.list().queryProperty().set("");
        int contactsShown = console.list().results().size();

        other.demo().reset(); // other desk's Reset demo: every row replaced in one transaction

        await(() -> danaReads.get() > 0 && activityReads.get() > 0, "Dana's window and Activity to read again");
        assertThat(console.list().results()).hasSize(contactsShown);
        assertThat(console.list().results()).extracting(ContactRow::id).doesNotContain(dana.contactId());
    }

    @Test
    void dataReplacedWholesaleMarksAnOpenDiagnosisOutOfDate() {
        ContactViewModel dana = open("dana");
        dana.diagnose();
        DiagnoseViewModel diagnosis = insightWindows.diagnose.get(insightWindows.diagnose.size() - 1);
        diagnosis.load();
        diagnosis.questionProperty().set(DiagnoseViewModel.Question.NOT_SURE);
        diagnosis.run();
        executor.runPublished();
        assertThat(diagnosis.diagnosedProperty().get()).isTrue();

        other.demo().reset(); // names no one contact; Dana as she was is gone

        await(() -> diagnosis.outOfDateProperty().get(), "the open diagnosis to be marked out of date");
        assertThat(diagnosis.findings()).isNotEmpty();
    }

    @Test
    void afterTheConsoleClosesChangesOfTheOtherDeskReachNoViewAndLogNoError() {
        ContactViewModel dana = open("dana");
        AtomicInteger danaReads = reads(dana);
        other.contacts().edit("dana.whitfield@example.com", null, "Dana W.", null,
                OTHER_AGENT);
        await(() -> dana.nameProperty().get().equals("Dana W."), "Dana's window to follow while open");
        int readsWhileOpen = danaReads.get();

        console.close();
        AtomicInteger seenByTheOtherDesk = new AtomicInteger();
        Runnable stop = other.liveChanges().subscribe(changes -> seenByTheOtherDesk.incrementAndGet());
        try {
            other.contacts().edit("dana.whitfield@example.com", null, "Dana Whitfield", null,
                    OTHER_AGENT);
            Await.until(FEED, () -> seenByTheOtherDesk.get() > 0, "the change feed to carry the edit");
        } finally {
            stop.run();
        }
        executor.runPublished();

        assertThat(danaReads.get()).as("no read after the close").isEqualTo(readsWhileOpen);
        assertThat(dana.nameProperty().get()).isEqualTo("Dana W.");
        assertThat(log.list).filteredOn(event -> event.getLevel().isGreaterOrEqual(Level.WARN)).isEmpty();
        assertThat(dialogs.errors()).isEmpty();
    }

    @Test
    void afterResetDemoOneChangeReadsTheOpenWindowOnce() {
        ContactViewModel before = open("dana");
        AtomicInteger readsBefore = reads(before);

        console.resetDemo();

        assertThat(session()).isNotNull();
        ContactViewModel dana = open("dana");
        assertThat(dana).isNotSameAs(before);
        AtomicInteger danaReads = reads(dana);
        ActivityViewModel activity = openActivity();

        other.contacts().edit("dana.whitfield@example.com", null, "Dana W.", null,
                OTHER_AGENT);

        await(() -> dana.nameProperty().get().equals("Dana W."), "Dana's window to follow after Reset demo");
        await(() -> hasAction(activity, "Dana W."), "Activity to show the edit");
        assertThat(danaReads.get()).as("one subscription: one read for one change").isEqualTo(1);
        assertThat(readsBefore.get()).as("the closed session's window is left alone").isZero();
        assertThat(log.list).filteredOn(event -> event.getLevel().isGreaterOrEqual(Level.WARN)).isEmpty();
    }

    // ---- helpers ----

    private ConsoleSession session() {
        return console.sessionProperty().get();
    }

    private ContactViewModel open(String query) {
        int shown = windows.shown.size();
        console.list().queryProperty().set(query);
        console.openSelected();
        assertThat(windows.shown).hasSize(shown + 1);
        return windows.shown.get(shown);
    }

    private ActivityViewModel openActivity() {
        int shown = insightWindows.activity.size();
        session().insight().openActivity();
        return insightWindows.activity.get(shown);
    }

    /** Counts the window's reads of the contact card from now on. */
    private static AtomicInteger reads(ContactViewModel contact) {
        AtomicInteger reads = new AtomicInteger();
        contact.loadingProperty().addListener((o, was, now) -> {
            if (now) {
                reads.incrementAndGet();
            }
        });
        return reads;
    }

    private static AtomicInteger reads(ActivityViewModel activity) {
        AtomicInteger reads = new AtomicInteger();
        activity.loadingProperty().addListener((o, was, now) -> {
            if (now) {
                reads.incrementAndGet();
            }
        });
        return reads;
    }

    private static boolean hasAction(ActivityViewModel activity, String detail) {
        return activity.rows().stream().anyMatch(row -> row.detail().contains(detail) || row.contact().contains(detail));
    }

    /** Until {@code condition} holds, handing what the feed published to this test's "UI thread". */
    private void await(BooleanSupplier condition, String what) {
        Await.until(FEED, () -> {
            executor.runPublished();
            return condition.getAsBoolean();
        }, what);
    }
}
