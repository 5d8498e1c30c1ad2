package org.memberdesk.cli;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.memberdesk.service.UserError;
import org.memberdesk.service.email.BulkRetryProgress;
import org.memberdesk.service.email.BulkRetryRequest;
import org.memberdesk.service.email.BulkRetryResult;
import org.memberdesk.service.email.BulkRetryStep;
import org.memberdesk.service.email.EmailDetail;
import org.memberdesk.service.email.EmailView;
import org.memberdesk.service.email.OutboxProblem;
import org.memberdesk.service.email.ProblemWindow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code memberdesk emails ...}: a contact's Email History, the outbox's problems, and retrying failed emails. */
@Command(name = "emails", description = "A contact's Email History; failed emails across contacts; retry failed "
        + "emails.")
final class EmailsCommand implements Runnable {

    @Mixin
    private CliContext cli;

    @Override
    public void run() {
        throw cli.missingSubcommand();
    }

    @Command(name = "list", description = "Lists the emails sent (or to be sent) to a contact, newest first.")
    void list(@Option(names = "--contact", required = true, paramLabel = "E",
                      description = "The contact's email.") String contact) {
        List<EmailView> emails = cli.call(services -> services.emails().list(contact));
        cli.output().query(emails, JsonShapes::email, EmailsCommand::line,
                "no emails to " + contact.strip().toLowerCase(Locale.ROOT));
    }

    @Command(name = "failed",
            description = "Lists the failed, bounced and retrying emails across contacts, newest first, with the server's "
                    + "last reply.")
    void failed(@Option(names = "--since", paramLabel = "T", converter = IsoTime.class,
                        description = "Emails created from T: 2026-12-03T14:00:00Z, 2026-12-03T14:00 (local) or "
                                + "2026-12-03 (from the start of that day).") IsoTime.Given since,
                @Option(names = "--until", paramLabel = "T", converter = IsoTime.class,
                        description = "Emails created before T; a day counts whole.") IsoTime.Given until,
                @Option(names = "--kind", paramLabel = "K",
                        description = "Only this kind: welcome, reset-link, password-changed, community-welcome, "
                                + "community-reset-link, ...") String kind) {
        ProblemWindow window = window("failed", since, until, kind);
        List<OutboxProblem> problems = cli.call(services -> services.outboxProblems().list(window));
        Output output = cli.output();
        if (output.json() || problems.isEmpty()) {
            output.query(problems, JsonShapes::outboxProblem, EmailsCommand::problemLine,
                    "no failed or retrying emails" + (window.equals(ProblemWindow.any()) ? "" : " in that window"));
            return;
        }
        List<String> lines = new ArrayList<>(problems.stream().map(EmailsCommand::problemLine).toList());
        long failed = problems.stream().filter(p -> p.email().status() == EmailView.Status.FAILED).count();
        long bounced = problems.stream().filter(p -> p.email().status() == EmailView.Status.BOUNCED).count();
        long hard = problems.stream().filter(p -> p.email().status() == EmailView.Status.FAILED && p.hardBounce())
                .count();
        lines.add(count(problems.size(), "email") + ": " + failed + " failed (" + hard
                + (hard == 1 ? " hard bounce" : " hard bounces") + "), " + (bounced == 0 ? "" : bounced + " bounced, ")
                + (problems.size() - failed - bounced) + " retrying");
        output.change(null, lines);
    }

    @Command(name = "retry",
            description = "Retries a failed email (a new attempt of the same message, to the contact's current "
                    + "address), or with --failed every failed email of a time window, and delivers before "
                    + "exiting, unless --no-send.")
    void retry(@Parameters(paramLabel = "ID", arity = "0..1", description = "The email's id (see `emails list`).")
               String id,
               @Option(names = "--failed", description = "Retry the failed emails created from --since until "
                       + "--until instead of one email. Skips a contact who has had a newer email of the same kind "
                       + "since, and hard bounces.") boolean bulk,
               @Option(names = "--since", paramLabel = "T", converter = IsoTime.class,
                       description = "With --failed: from T (an ISO time, or a day from its start).")
               IsoTime.Given since,
               @Option(names = "--until", paramLabel = "T", converter = IsoTime.class,
                       description = "With --failed: before T (an ISO time, or a day through its end).")
               IsoTime.Given until,
               @Option(names = "--kind", paramLabel = "K", description = "With --failed: only this kind.") String kind,
               @Option(names = "--dry-run", description = "With --failed: say what it would retry and skip, "
                       + "change nothing.") boolean dryRun,
               @Option(names = "--rate", paramLabel = "N/min", converter = PerMinute.class,
                       description = "With --failed: queue at most N emails a minute.") Integer rate,
               @Option(names = "--include-hard-bounces", description = "With --failed: retry hard bounces "
                       + "(\"550 no such user\") too.") boolean includeHardBounces,
               @Mixin Delivery delivery) {
        boolean bulkOptions = since != null || until != null || kind != null || dryRun || rate != null
                || includeHardBounces;
        if (bulk && id != null) {
            throw cli.usageError("retry", "give either an email ID or --failed, not both");
        }
        if (!bulk && id == null) {
            throw cli.usageError("retry", "Missing required parameter: 'ID' (or --failed with --since and --until)");
        }
        if (!bulk && bulkOptions) {
            throw cli.usageError("retry", "--since, --until, --kind, --dry-run, --rate and --include-hard-bounces "
                    + "go with --failed");
        }
        if (bulk) {
            retryFailed(since, until, kind, dryRun, rate, includeHardBounces, delivery);
            return;
        }
        Retried retried = cli.call(services -> {
            EmailView queued = services.emails().retry(id, cli.agent());
            Delivery.Outcome delivered = delivery.afterChange(services);
            return new Retried(services.emails().detail(queued.id()), delivered);
        });
        EmailView email = retried.now().email();
        List<String> lines = retried.delivered().delivered()
                ? List.of(retriedLine(retried.now(), false), retried.delivered().line())
                : List.of(retriedLine(retried.now(), true));
        cli.output().change(new JsonShapes.EmailQueued(JsonShapes.email(email), retried.delivered().json()), lines);
    }

    private void retryFailed(IsoTime.Given since, IsoTime.Given until, String kind, boolean dryRun, Integer rate,
                             boolean includeHardBounces, Delivery delivery) {
        if (since == null || until == null) {
            throw cli.usageError("retry", "Missing required options: --failed needs both '--since=T' and '--until=T'");
        }
        ProblemWindow window = window("retry", since, until, kind);
        BulkRetryRequest request = new BulkRetryRequest(window, includeHardBounces, rate == null ? 0 : rate);
        BulkDone done = cli.call(services -> {
            if (dryRun) {
                return new BulkDone(services.outboxProblems().plan(request), null, Map.of());
            }
            BulkRetryResult result = services.outboxProblems().retry(request, cli.agent(), BulkRetryProgress.NONE);
            Delivery.Outcome delivered = delivery.afterChange(services);
            Map<UUID, EmailDetail> now = new HashMap<>();
            for (BulkRetryStep step : result.retried()) {
                now.put(step.problem().email().id(), services.emails().detail(step.problem().email().id()));
            }
            return new BulkDone(result, delivered, now);
        });
        BulkRetryResult result = done.result();
        List<String> lines = new ArrayList<>();
        for (BulkRetryStep step : result.retried()) {
            EmailDetail now = done.now().get(step.problem().email().id());
            lines.add(dryRun
                    ? "would retry " + about(step) + ": " + step.problem().email().status().code()
                            + reply(step.problem().email())
                    : retriedLine(now, !done.delivered().delivered()));
        }
        for (BulkRetryStep step : result.skipped()) {
            lines.add("skipped " + about(step) + ": " + step.why());
        }
        lines.add(summary(result));
        if (done.delivered() != null) {
            lines.add(done.delivered().line());
        }
        List<JsonShapes.RetryStep> retried = result.retried().stream()
                .map(s -> JsonShapes.retryStep(s, done.now(s))).toList();
        List<JsonShapes.RetryStep> skipped = result.skipped().stream().map(s -> JsonShapes.retryStep(s, null))
                .toList();
        cli.output().change(new JsonShapes.BulkRetried(dryRun, retried, skipped,
                done.delivered() == null ? null : done.delivered().json()), lines);
    }

    /** A bulk retry, its delivery (null in a dry run) and each retried email as it now stands. */
    private record BulkDone(BulkRetryResult result, Delivery.Outcome delivered, Map<UUID, EmailDetail> now) {

        EmailView now(BulkRetryStep step) {
            EmailDetail detail = now.get(step.problem().email().id());
            return detail == null ? null : detail.email();
        }
    }

    private ProblemWindow window(String subcommand, IsoTime.Given since, IsoTime.Given until, String kind) {
        ZoneId zone = ZoneId.systemDefault();
        try {
            return ProblemWindow.of(since == null ? null : since.from(zone), until == null ? null : until.through(zone),
                    kind);
        } catch (UserError e) {
            throw cli.usageError(subcommand, e.getMessage());
        }
    }

    private static String about(BulkRetryStep step) {
        return step.problem().email().id() + " " + step.problem().email().kind().code() + " to "
                + step.problem().contactEmail();
    }

    /** "retried 2, skipped 3 (2 hard-bounce, 1 still-retrying)", or in a dry run what it would do. */
    private static String summary(BulkRetryResult result) {
        Map<BulkRetryStep.Skip, Long> why = new EnumMap<>(BulkRetryStep.Skip.class);
        result.skipped().forEach(s -> why.merge(s.skipped(), 1L, Long::sum));
        String reasons = why.isEmpty() ? "" : " (" + String.join(", ", why.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey().code()).toList()) + ")";
        return result.dryRun()
                ? "dry run: would retry " + result.retried().size() + ", skip " + result.skipped().size() + reasons
                        + "; nothing changed"
                : "retried " + result.retried().size() + ", skipped " + result.skipped().size() + reasons;
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** A failed or retrying email across contacts: as {@link #line}, with the contact after the kind. */
    static String problemLine(OutboxProblem problem) {
        EmailView email = problem.email();
        return email.id() + "\t" + email.createdAt() + "\t" + email.status().code() + "\t" + email.kind().code()
                + "\t" + problem.contactEmail() + "\t" + email.attempts()
                + (email.attempts() == 1 ? " attempt" : " attempts")
                + (email.lastReply() == null ? "" : ": " + email.lastReply())
                + (problem.hardBounce() ? "\thard bounce" : "");
    }

    private record Retried(EmailDetail now, Delivery.Outcome delivered) {
    }

    /** The retried email as it now stands, with the server's reply when it did not go out. */
    private static String retriedLine(EmailDetail detail, boolean noSend) {
        EmailView email = detail.email();
        String head = "retried " + email.id() + " to " + email.recipient() + ": ";
        return head + switch (email.status()) {
            case SENT -> "sent" + reply(email);
            case FAILED -> "failed again" + reply(email);
            case RETRYING -> "not delivered yet, retrying" + at(detail.nextAttemptAt()) + reply(email);
            case QUEUED -> noSend
                    ? "queued, not sent (--no-send); `memberdesk outbox run` delivers it"
                    : "queued" + at(detail.nextAttemptAt());
            case SENDING, BOUNCED -> email.status().code();
        };
    }

    private static String reply(EmailView email) {
        return email.lastReply() == null || email.lastReply().isBlank() ? "" : " (" + email.lastReply() + ")";
    }

    private static String at(Instant when) {
        return when == null ? "" : " at " + when;
    }

    /**
     * One email on one line, tab-separated: id, created, status, kind, subject; for one that failed
     * or is retrying, the attempts and the server's last reply too.
     */
    static String line(EmailView email) {
        String line = email.id() + "\t" + email.createdAt() + "\t" + email.status().code() + "\t" + email.kind().code()
                + "\t" + email.subject();
        if ((email.status() == EmailView.Status.FAILED || email.status() == EmailView.Status.RETRYING)
                && email.lastReply() != null) {
            line += "\t" + email.attempts() + (email.attempts() == 1 ? " attempt: " : " attempts: ")
                    + email.lastReply();
        }
        return line;
    }
}
