package org.memberdesk.service.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberdesk.service.Actor;
import org.memberdesk.service.AuditLog;
import org.memberdesk.service.UserError;
import org.memberdesk.testsupport.ServicesCase;

/** The Activity view's queries and its CSV export, over audit events made by real actions. */
class ActivityServiceTest extends ServicesCase {

    ActivityService activity;
    Actor sam = Actor.agent("Sam (support)");
    Actor alex = Actor.agent("Alex");

    @BeforeEach
    void open() {
        activity = services.activity();
        services.offers().create("Gold", null, sam);                               // day 0, no contact
        clock.advance(Duration.ofDays(1));
        services.contacts().add("ana@example.com", "Ana", List.of(), sam);         // day 1
        clock.advance(Duration.ofDays(1));
        services.contacts().add("ben@example.org", "Ben", List.of(), alex);        // day 2
        clock.advance(Duration.ofDays(1));
        services.offers().grant("ana@example.com", "Gold", null, alex);            // day 3
        clock.advance(Duration.ofDays(1));
        services.credentials().unlock("ana@example.com", null, sam);               // nothing locked: not audited
        services.contacts().edit("ana@example.com", null, "=HYPERLINK(\"x\")", null, sam); // day 4
    }

    private List<String> actions(ActivityFilter filter) {
        return activity.page(filter, 0, 100).entries().stream().map(AuditLog.Entry::action).toList();
    }

    @Test
    void everythingNewestFirst() {
        ActivityPage page = activity.page(ActivityFilter.all(), 0, 100);

        assertThat(page.total()).isEqualTo(5);
        assertThat(page.entries()).extracting(AuditLog.Entry::action).containsExactly("contact.edited",
                "offer.granted", "contact.created", "contact.created", "offer.created");
        assertThat(page.entries()).extracting(AuditLog.Entry::at).isSortedAccordingTo(
                java.util.Comparator.<Instant>reverseOrder());
        assertThat(page.hasMore()).isFalse();
    }

    @Test
    void filtersByAgentIgnoringCase() {
        assertThat(actions(ActivityFilter.all().withAgent("ALEX"))).containsExactly("offer.granted",
                "contact.created");
        assertThat(activity.agents()).containsExactly("Alex", "Sam (support)");
    }

    @Test
    void filtersByPartOfTheContactsEmail() {
        assertThat(actions(ActivityFilter.all().withContact("ANA@"))).containsExactly("contact.edited",
                "offer.granted", "contact.created");
        assertThat(actions(ActivityFilter.all().withContact("example.org"))).containsExactly("contact.created");
        assertThat(actions(ActivityFilter.all().withContact("%"))).as("a wildcard is taken literally").isEmpty();
    }

    @Test
    void filtersByActionOrItsFamily() {
        assertThat(actions(ActivityFilter.all().withAction("contact.created"))).hasSize(2);
        assertThat(actions(ActivityFilter.all().withAction("contact"))).hasSize(3);
        assertThat(actions(ActivityFilter.all().withAction("contact.c"))).isEmpty();
        assertThat(activity.actions()).containsExactly("contact.created", "contact.edited", "offer.created",
                "offer.granted");
    }

    @Test
    void filtersByDates() {
        LocalDate start = LocalDate.parse("2026-03-02");
        assertThat(actions(ActivityFilter.all().days(start.plusDays(1), start.plusDays(2), ZoneOffset.UTC)))
                .containsExactly("contact.created", "contact.created");
        assertThat(actions(ActivityFilter.all().days(start.plusDays(3), null, ZoneOffset.UTC)))
                .containsExactly("contact.edited", "offer.granted");
        assertThat(actions(ActivityFilter.all().withAgent("sam (support)").days(null, start, ZoneOffset.UTC)))
                .containsExactly("offer.created");
        assertThatThrownBy(() -> ActivityFilter.all().days(start.plusDays(2), start, ZoneOffset.UTC))
                .isInstanceOf(UserError.class);
    }

    @Test
    void pagesThroughTheLog() {
        ActivityPage first = activity.page(ActivityFilter.all(), 0, 2);
        ActivityPage last = activity.page(ActivityFilter.all(), 4, 2);

        assertThat(first.entries()).hasSize(2);
        assertThat(first.total()).isEqualTo(5);
        assertThat(first.hasMore()).isTrue();
        assertThat(last.entries()).extracting(AuditLog.Entry::action).containsExactly("offer.created");
        assertThat(last.hasMore()).isFalse();
        assertThatThrownBy(() -> activity.page(ActivityFilter.all(), 0, 0)).isInstanceOf(UserError.class);
        assertThatThrownBy(() -> activity.page(ActivityFilter.all(), -1, 10)).isInstanceOf(UserError.class);
    }

    @Test
    void exportsTheFilteredLogAsCsvWithAHeaderAndSafeCells() throws IOException {
        StringWriter out = new StringWriter();

        long written = activity.exportCsv(ActivityFilter.all().withContact("ana"), out);

        assertThat(written).isEqualTo(3);
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(out.toString())).getRecords();
        assertThat(out.toString()).startsWith("at,agent,origin,action,contactEmail,contactId,detail,outcome\r\n");
        assertThat(records).hasSize(3);
        CSVRecord edited = records.get(0);
        assertThat(edited.get("at")).isEqualTo("2026-03-06T09:00:00Z");
        assertThat(edited.get("agent")).isEqualTo("Sam (support)");
        assertThat(edited.get("origin")).isEqualTo("agent");
        assertThat(edited.get("action")).isEqualTo("contact.edited");
        assertThat(edited.get("contactEmail")).isEqualTo("ana@example.com");
        assertThat(edited.get("detail")).isEqualTo("name: Ana -> =HYPERLINK(\"x\")");
        assertThat(edited.get("outcome")).isEqualTo("ok");
        assertThat(ActivityService.cell("=SUM(A1)")).isEqualTo("'=SUM(A1)");
        assertThat(ActivityService.cell("+1")).isEqualTo("'+1");
        assertThat(ActivityService.cell("Ana, \"the\" member")).isEqualTo("Ana, \"the\" member");
    }

    @Test
    void anExportOfManyEventsGoesChunkByChunk() {
        services.transactions().write(t -> {
            for (int i = 0; i < 2100; i++) {
                services.audit().record(t, sam, "bulk.test", null, "event " + i);
            }
            return null;
        });
        StringWriter out = new StringWriter();

        assertThat(activity.exportCsv(ActivityFilter.all().withAction("bulk"), out)).isEqualTo(2100);
        assertThat(out.toString().lines()).hasSize(2101);
    }
}
