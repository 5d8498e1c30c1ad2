package org.memberdesk.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.memberdesk.service.AuditLog;
import org.memberdesk.service.activity.ActivityFilter;
import org.memberdesk.service.activity.ActivityPage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code memberdesk activity}: the audit log, newest first, filtered; or all of it exported as CSV. */
@Command(name = "activity", description = "Shows who did what to which contact, newest first.")
final class ActivityCommand implements Runnable {

    record EventJson(UUID id, Instant at, String agent, String origin, String action, UUID contactId,
                     String contactEmail, String detail, String outcome) {
    }

    record ExportJson(String file, long events) {
    }

    @Mixin
    private CliContext cli;

    @Option(names = "--agent", paramLabel = "A", description = "Only this agent's (or workflow's) actions.")
    private String agent;

    @Option(names = "--contact", paramLabel = "E", description = "Only contacts whose email contains this.")
    private String contact;

    @Option(names = "--action", paramLabel = "X", description = "An action, or a family such as 'credentials'.")
    private String action;

    @Option(names = "--from", paramLabel = "DATE", converter = IsoDate.class, description = "First day, yyyy-MM-dd.")
    private LocalDate from;

    @Option(names = "--to", paramLabel = "DATE", converter = IsoDate.class, description = "Last day, yyyy-MM-dd.")
    private LocalDate to;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "At most N events (default 50).")
    private int limit;

    @Option(names = "--csv", paramLabel = "FILE", description = "Write every matching event to FILE as CSV.")
    private Path csv;

    @Override
    public void run() {
        ActivityFilter filter = ActivityFilter.all().withAgent(agent).withContact(contact).withAction(action)
                .days(from, to, ZoneId.systemDefault());
        if (csv != null) {
            long written = cli.call(services -> services.activity().exportCsv(filter, csv));
            cli.output().change(new ExportJson(csv.toString(), written), "exported " + written + " events to " + csv);
            return;
        }
        ActivityPage page = cli.call(services -> services.activity().page(filter, 0, limit));
        cli.output().query(page.entries(), ActivityCommand::json, ActivityCommand::line, "no activity matches");
    }

    private static EventJson json(AuditLog.Entry e) {
        return new EventJson(e.id(), e.at(), e.agent(), e.origin().code(), e.action(), e.contactId(),
                e.contactEmail(), e.detail(), e.outcome().code());
    }

    private static String line(AuditLog.Entry e) {
        return e.at() + "\t" + e.agent() + "\t" + e.action() + "\t" + (e.contactEmail() == null ? "-" : e.contactEmail())
                + "\t" + e.outcome().code() + (e.detail() == null ? "" : "\t" + e.detail().replaceAll("\\s*\\R\\s*", " "));
    }
}
