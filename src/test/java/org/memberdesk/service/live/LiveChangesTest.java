package org.memberdesk.service.live;

import org.memberdesk.testsupport.TestDatabases;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberdesk.service.Actor;
import org.memberdesk.service.Services;
import org.memberdesk.service.portal.PortalAuthService.Door;
import org.memberdesk.service.portal.PortalSiteService.LimitsChange;
import org.memberdesk.testsupport.Await;
import org.memberdesk.testsupport.ServicesCase;
import org.memberdesk.testsupport.TestServices;

/**
 * The change feed seen from a console: a second back end on the same file (another process, another
 * desk) changes data, and the first hears of each change with its kind and its contact.
 */
class LiveChangesTest extends ServicesCase {

    private static final Duration SOON = Duration.ofSeconds(5);
    private static final Actor AGENT = Actor.agent("Sam");

    private final List<Changes> heard = new CopyOnWriteArrayList<>();
    private Services otherDesk;
    private UUID dana;

    @BeforeEach
    void subscribeAndOpenAnotherDesk() {
        dana = services.contacts().add("dana@example.com", "Dana Diaz", List.of(), AGENT).id();
        services.offers().create("Momentum Membership", "https://example.com/login", AGENT);
        services.liveChanges().subscribe(heard::add);
        otherDesk = TestServices.open(dir, clock);
    }

    @AfterEach
    void closeOtherDesk() {
        otherDesk.close();
    }

    private Change awaitChange(String what, Predicate<Change> match) {
        Await.until(SOON, () -> changes().stream().anyMatch(match), what);
        return changes().stream().filter(match).findFirst().orElseThrow();
    }

    private List<Change> changes() {
        List<Change> all = new ArrayList<>();
        heard.forEach(batch -> all.addAll(batch.changes()));
        return all;
    }

    @Test
    void hearsAPasswordSetElsewhereAsACredentialChangeOfThatContact() {
        otherDesk.credentials().setPassword("dana@example.com", null, "a-Long-enough-passw0rd", false, AGENT);

        Change change = awaitChange("a credential change of Dana", c -> c.kind() == ChangeKind.CREDENTIAL);
        assertThat(change.contactId()).isEqualTo(dana);
        assertThat(change.at()).isNotNull();
    }

    @Test
    void hearsFailedSignInsAGrantAnEmailAndTheAuditOfEach() {
        otherDesk.credentials().setPassword("dana@example.com", null, "a-Long-enough-passw0rd", false, AGENT);
        otherDesk.portalAuth().signIn("dana@example.com", "wrong", Door.MEMBERSHIP);
        otherDesk.offers().grant("dana@example.com", "Momentum Membership", null, AGENT);
        otherDesk.credentials().sendResetLink("dana@example.com", null, Duration.ofHours(1), AGENT);

        awaitChange("a lockout count", c -> c.kind() == ChangeKind.CREDENTIAL && dana.equals(c.contactId()));
        awaitChange("a grant to Dana", c -> c.kind() == ChangeKind.GRANT && dana.equals(c.contactId()));
        awaitChange("her reset email", c -> c.kind() == ChangeKind.EMAIL && dana.equals(c.contactId()));
        awaitChange("an audit entry about her", c -> c.kind() == ChangeKind.AUDIT && dana.equals(c.contactId()));
        assertThat(heard.get(heard.size() - 1).contacts(ChangeKind.GRANT, ChangeKind.EMAIL)).allMatch(dana::equals);
    }

    @Test
    void hearsAChangeOfThisProcessWithoutWaitingForAnotherToWrite() {
        services.contacts().edit("dana@example.com", null, "Dana D. Diaz", List.of("vip"), AGENT);

        assertThat(awaitChange("Dana's new name", c -> c.kind() == ChangeKind.CONTACT).contactId()).isEqualTo(dana);
    }

    @Test
    void aSettingNamesItsKey() {
        otherDesk.portalSite().saveLimits(new LimitsChange(null, 30, null, null, null, null, null), AGENT);

        Change change = awaitChange("a settings change", c -> c.kind() == ChangeKind.SETTINGS);
        assertThat(change.settingKey()).isNotBlank();
    }

    @Test
    void nothingIsDeliveredWhileNothingChanges() throws InterruptedException {
        Thread.sleep(1_000);

        assertThat(heard).isEmpty();
    }

    @Test
    void everyTableThatHoldsWhatAnAgentSeesFeedsTheLog() throws SQLException {
        // Tables left out on purpose: search copies, sign-in bookkeeping that the portal account
        // already reflects, trigger events (their runs are logged), import staging, the log itself.
        Set<String> unseen = Set.of("contact_search", "contact_search_bulk", "contact_search_dirty",
                "portal_session", "login_failure", "login_throttle", "trigger_event",
                "contact_search_lead", "import_pending_tag", "import_pending_regrant", "change_log", "change_pause",
                "flyway_schema_history", "sqlite_sequence");
        List<String> missing = new ArrayList<>();
        String tablesWithoutLogTrigger = TestDatabases.postgresql() ? """
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = current_schema() and c.relkind in ('r', 'p') and not c.relispartition
                  and not exists (select 1 from pg_trigger t join pg_proc p on p.oid = t.tgfoid
                                  where t.tgrelid = c.oid and p.proname like 'change_record%')""" : """
                select name from sqlite_master t where type = 'table' and name not like 'contact_fts%'
                and not exists (select 1 from sqlite_master g where g.type = 'trigger'
                                and g.tbl_name = t.name and g.sql like '%insert into change_log%')""";
        List<String> tables = new ArrayList<>();
        try (Connection connection = TestDatabases.connect(services.dataDirectory().root());
             Statement statement = connection.createStatement();
             ResultSet table = statement.executeQuery(tablesWithoutLogTrigger)) {
            while (table.next()) {
                tables.add(table.getString(1));
                if (!unseen.contains(table.getString(1))) {
                    missing.add(table.getString(1));
                }
            }
        }
        assertThat(tables).as("the query saw the schema").contains("change_log");
        assertThat(missing).as("tables whose writes the change feed would not see").isEmpty();
    }

}
