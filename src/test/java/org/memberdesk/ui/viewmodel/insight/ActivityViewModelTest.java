package org.memberdesk.ui.viewmodel.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.service.Actor;
import org.memberdesk.service.Services;
import org.memberdesk.service.demo.DemoData;
import org.memberdesk.testsupport.TestClock;
import org.memberdesk.testsupport.TestServices;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.common.RecordingDialogService;
import org.memberdesk.ui.common.RecordingFilePicker;
import org.memberdesk.ui.common.TestExecutor;
import org.memberdesk.ui.viewmodel.DemoDirectory;
import org.memberdesk.ui.viewmodel.DisplayTime;
import org.memberdesk.ui.viewmodel.Tone;

/** The Activity window over the demo data plus 250 contacts added by one agent the next day. */
class ActivityViewModelTest {

    static final String BULK_AGENT = "Bulk Bob";
    static final int ADDED = 250;

    @TempDir
    static Path dir;
    @TempDir
    Path out;
    static final TestClock CLOCK = TestClock.at(TestServices.START);
    static Services services;
    static LocalDate bulkDay;
    final Messages messages = Messages.load();
    final TestExecutor executor = TestExecutor.currentThread();
    final RecordingDialogService dialogs = RecordingDialogService.accepting();

    @BeforeAll
    static void seed() {
        services = DemoDirectory.seeded(dir, CLOCK);
        Actor sam = Actor.agent("Sam (support)");
        services.credentials().unlock("ben.carter@example.com", null, sam);
        services.offers().grant("leo.martins@example.org", DemoData.MEMBERSHIP, null, sam);
        CLOCK.advance(Duration.ofDays(1));
        bulkDay = LocalDate.ofInstant(CLOCK.instant(), ZoneOffset.UTC);
        Actor bob = Actor.agent(BULK_AGENT);
        for (int i = 0; i < ADDED; i++) {
            services.contacts().add("bulk" + i + "@example.com", "Bulk " + i, List.of(), bob);
            CLOCK.advance(Duration.ofSeconds(1));
        }
        services.contacts().add("=formula@example.com", "=SUM(A1)", List.of(), bob);
    }

    @AfterAll
    static void close() {
        services.close();
    }

    private ActivityViewModel activity(RecordingFilePicker files) {
        InsightTools tools = new InsightTools(executor, dialogs, files, messages,
                new DisplayTime(ZoneOffset.UTC, messages.locale()), Actor.agent("Sam (support)"));
        ActivityViewModel model = new ActivityViewModel(services.activity(), ZoneOffset.UTC, tools);
        model.load();
        return model;
    }

    @Test
    void opensOnTheNewestPageWithTheFiltersChoices() {
        ActivityViewModel activity = activity(RecordingFilePicker.cancelling());

        assertThat(activity.rows()).hasSize(ActivityViewModel.PAGE);
        assertThat(activity.hasMoreProperty().get()).isTrue();
        ActivityRow newest = activity.rows().get(0);
        assertThat(newest.agent()).isEqualTo(BULK_AGENT);
        assertThat(newest.action()).isEqualTo("contact.created");
        assertThat(newest.contact()).isEqualTo("=formula@example.com");
        assertThat(newest.outcome()).isEqualTo("OK");
        assertThat(newest.outcomeTone()).isEqualTo(Tone.GOOD);
        assertThat(activity.agentChoices()).first().isEqualTo("Any");
        assertThat(activity.agentChoices()).contains(BULK_AGENT);
        assertThat(activity.agentProperty().get()).isEqualTo("Any");
        List<String> actions = activity.actionChoices();
        assertThat(actions).first().isEqualTo("Any");
        assertThat(actions.indexOf("contact")).isGreaterThan(0).isLessThan(actions.indexOf("contact.created"));
        assertThat(activity.errorProperty().get()).isEmpty();
    }

    @Test
    void anAgentFilterPagesThroughItsEventsOnLoadMore() {
        ActivityViewModel activity = activity(RecordingFilePicker.cancelling());

        activity.agentProperty().set(BULK_AGENT);

        assertThat(activity.rows()).hasSize(ActivityViewModel.PAGE).allMatch(r -> r.agent().equals(BULK_AGENT));
        assertThat(activity.countTextProperty().get()).isEqualTo("Showing 200 of 251 events");
        assertThat(activity.hasMoreProperty().get()).isTrue();

        activity.loadMore();

        assertThat(activity.rows()).hasSize(ADDED + 1);
        assertThat(activity.rows().get(ADDED).contact()).isEqualTo("bulk0@example.com");
        assertThat(activity.hasMoreProperty().get()).isFalse();
        assertThat(activity.countTextProperty().get()).isEqualTo("Showing 251 of 251 events");
    }

    @Test
    void theContactFilterWaitsForTypingToPause() {
        executor.holdTimers();
        ActivityViewModel activity = activity(RecordingFilePicker.cancelling());
        int before = executor.submitted();

        activity.contactProperty().set("bulk12");
        activity.contactProperty().set("bulk123");
        assertThat(executor.submitted()).isEqualTo(before);

        executor.elapseTimers();

        assertThat(executor.submitted()).isEqualTo(before + 1);
        assertThat(activity.rows()).extracting(ActivityRow::contact).containsExactly("bulk123@example.com");
    }

    @Test
    void daysAndActionsNarrowTheListAndAnEndBeforeTheStartIsSaid() {
        ActivityViewModel activity = activity(RecordingFilePicker.cancelling());

        activity.toProperty().set(bulkDay.minusDays(1));
        assertThat(activity.rows()).isNotEmpty().noneMatch(r -> r.agent().equals(BULK_AGENT));
        assertThat(activity.rows()).extracting(ActivityRow::agent).containsOnly("Sam (support)");
        activity.actionProperty().set("offer");
        assertThat(activity.rows()).extracting(ActivityRow::action).containsExactly("offer.granted");
        assertThat(activity.rows()).extracting(ActivityRow::contact).containsExactly("leo.martins@example.org");

        activity.fromProperty().set(bulkDay.plusDays(3));

        assertThat(activity.rows()).isNotEmpty();
        assertThat(activity.errorProperty().get()).isEqualTo("the end of the period must come after its start");

        activity.clearFilters();
        assertThat(activity.errorProperty().get()).isEmpty();
        assertThat(activity.toProperty().get()).isNull();
        assertThat(activity.rows()).hasSize(ActivityViewModel.PAGE);
        assertThat(activity.fromProperty().get()).isNull();
        assertThat(activity.actionProperty().get()).isEqualTo("Any");
    }

    @Test
    void exportWritesTheFilteredEventsAsCsvInTheBackground() throws IOException {
        Path target = out.resolve("activity.csv");
        RecordingFilePicker files = RecordingFilePicker.answering(target);
        ActivityViewModel activity = activity(files);
        activity.agentProperty().set(BULK_AGENT);
        executor.holdWork();

        activity.exportCsv();

        assertThat(activity.exportingProperty().get()).isTrue();
        assertThat(target).doesNotExist();
        executor.runHeldWork();
        assertThat(activity.exportingProperty().get()).isFalse();
        assertThat(files.asked()).singleElement().asString().startsWith("Export activity as CSV [memberdesk-activity-");
        List<CSVRecord> records;
        try (Reader reader = Files.newBufferedReader(target, StandardCharsets.UTF_8)) {
            records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)
                    .getRecords();
        }
        assertThat(records).hasSize(ADDED + 1).allMatch(r -> r.get("agent").equals(BULK_AGENT));
        assertThat(records.get(0).get("contactEmail")).isEqualTo("'=formula@example.com");
        assertThat(records.get(ADDED).get("contactEmail")).isEqualTo("bulk0@example.com");
        assertThat(records.get(ADDED).get("action")).isEqualTo("contact.created");
        assertThat(records.get(ADDED).get("at")).startsWith(bulkDay.toString() + "T");
        assertThat(activity.statusProperty().get()).isEqualTo("Exported 251 events to " + target);
        try (Stream<Path> left = Files.list(out)) {
            assertThat(left).containsExactly(target);
        }
        assertThat(dialogs.errors()).isEmpty();
    }

    @Test
    void cancellingTheSaveDialogWritesNothing() {
        RecordingFilePicker files = RecordingFilePicker.cancelling();
        ActivityViewModel activity = activity(files);
        int before = executor.submitted();

        activity.exportCsv();

        assertThat(files.asked()).hasSize(1);
        assertThat(executor.submitted()).isEqualTo(before);
        assertThat(activity.statusProperty().get()).isEmpty();
    }

    @Test
    void anExportThatCannotBeWrittenIsShownAsAnError() {
        Path target = out.resolve("no-such-folder").resolve("activity.csv");
        ActivityViewModel activity = activity(RecordingFilePicker.answering(target));

        activity.exportCsv();

        assertThat(dialogs.errors()).singleElement().satisfies(e -> assertThat(e.title()).isEqualTo("Export failed"));
        assertThat(activity.exportingProperty().get()).isFalse();
        assertThat(target).doesNotExist();
    }
}
