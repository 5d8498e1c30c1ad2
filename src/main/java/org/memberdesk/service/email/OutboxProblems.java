package org.memberdesk.service.email;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.memberdesk.domain.EmailMessage;
import org.memberdesk.domain.EmailStatus;
import org.memberdesk.persistence.Tx;
import org.memberdesk.service.Actor;
import org.memberdesk.service.Transactions;

/**
 * After an outage: the failed, bounced and retrying emails across contacts, and retrying the failed ones of
 * a time window in bulk, each through {@link EmailService#retry(java.util.UUID, Actor)}'s own steps
 * (so a link in it is minted anew when it is sent).
 */
public final class OutboxProblems {

    /** The states listed. */
    private static final Set<EmailStatus> PROBLEMS = Set.of(EmailStatus.FAILED, EmailStatus.BOUNCED,
            EmailStatus.RETRYING);

    private final Transactions tx;
    private final Clock clock;
    private final EmailService emails;
    private final Pace pace;

    public OutboxProblems(Transactions tx, Clock clock, EmailService emails, Pace pace) {
        this.tx = tx;
        this.clock = clock;
        this.emails = emails;
        this.pace = pace;
    }

    /** Failed, bounced and retrying emails of the window, newest first. */
    public List<OutboxProblem> list(ProblemWindow window) {
        return tx.read(t -> problems(t, window).stream().map(OutboxProblem::of).toList());
    }

    /** What {@link #retry} would do now, changing nothing: the dry run. */
    public BulkRetryResult plan(BulkRetryRequest request) {
        List<BulkRetryStep> steps = tx.read(t -> problems(t, request.window()).stream()
                .map(m -> decide(t, m, request.includeHardBounces())).toList());
        return new BulkRetryResult(true, steps.stream().filter(BulkRetryStep::retried).toList(),
                steps.stream().filter(s -> !s.retried()).toList(), List.of());
    }

    /**
     * Retries the failed emails of the window, newest first, at most {@code perMinute} a minute,
     * each after checking again that it is still to be retried; stops between two emails when
     * cancelled.
     */
    public BulkRetryResult retry(BulkRetryRequest request, Actor actor, BulkRetryProgress progress) {
        BulkRetryResult plan = plan(request);
        List<BulkRetryStep> retried = new ArrayList<>();
        List<BulkRetryStep> skipped = new ArrayList<>(plan.skipped());
        List<BulkRetryStep> todo = plan.retried();
        Duration interval = request.perMinute() == 0 ? Duration.ZERO
                : Duration.ofMinutes(1).dividedBy(request.perMinute());
        Instant start = clock.instant();
        for (int i = 0; i < todo.size(); i++) {
            boolean goOn = i == 0 || interval.isZero()
                    ? !progress.cancelled()
                    : pace.until(start.plus(interval.multipliedBy(i)), progress::cancelled) && !progress.cancelled();
            if (!goOn) {
                return new BulkRetryResult(false, retried, skipped, todo.subList(i, todo.size()));
            }
            BulkRetryStep step = retryOne(todo.get(i).problem(), request.includeHardBounces(), actor);
            (step.retried() ? retried : skipped).add(step);
            progress.step(step, i + 1, todo.size());
        }
        return new BulkRetryResult(false, retried, skipped, List.of());
    }

    /**
     * Retries the emails the agent chose, hard bounces and all; one that is no longer failed (or still
     * retrying by itself) is skipped with the reason.
     */
    public BulkRetryResult retry(List<UUID> emailIds, Actor actor) {
        List<BulkRetryStep> retried = new ArrayList<>();
        List<BulkRetryStep> skipped = new ArrayList<>();
        for (UUID id : emailIds) {
            BulkRetryStep step = tx.write(t -> {
                EmailMessage m = t.emails().byId(id).orElse(null);
                if (m == null) {
                    return null;
                }
                if (m.getStatus() == EmailStatus.RETRYING) {
                    return stillRetrying(m);
                }
                if (!retriable(m)) {
                    return changed(m);
                }
                emails.retry(t, m, actor);
                return new BulkRetryStep(OutboxProblem.of(m), null, "queued again");
            });
            if (step != null) {
                (step.retried() ? retried : skipped).add(step);
            }
        }
        return new BulkRetryResult(false, retried, skipped, List.of());
    }

    private BulkRetryStep retryOne(OutboxProblem planned, boolean includeHardBounces, Actor actor) {
        return tx.write(t -> {
            EmailMessage m = t.emails().byId(planned.email().id()).orElse(null);
            if (m == null) {
                return new BulkRetryStep(planned, BulkRetryStep.Skip.CHANGED_MEANWHILE, "deleted meanwhile");
            }
            BulkRetryStep now = decide(t, m, includeHardBounces);
            if (!now.retried()) {
                return now;
            }
            emails.retry(t, m, actor);
            return new BulkRetryStep(OutboxProblem.of(m), null, "queued again");
        });
    }

    private static List<EmailMessage> problems(Tx t, ProblemWindow window) {
        return t.emails().inStates(PROBLEMS, window.since(), window.until(), window.emailKind());
    }

    private static BulkRetryStep decide(Tx t, EmailMessage m, boolean includeHardBounces) {
        OutboxProblem problem = OutboxProblem.of(m);
        if (m.getStatus() == EmailStatus.RETRYING) {
            return stillRetrying(m);
        }
        if (!retriable(m)) {
            return changed(m);
        }
        var newer = t.emails().newerOfSameKind(m);
        if (newer.isPresent()) {
            EmailMessage n = newer.get();
            return new BulkRetryStep(problem, BulkRetryStep.Skip.NEWER_EMAIL,
                    "the contact has had a newer " + m.getKind().code() + " email since (" + n.getStatus().code()
                            + ", " + n.getCreatedAt() + ")");
        }
        if (problem.hardBounce() && !includeHardBounces) {
            return new BulkRetryStep(problem, BulkRetryStep.Skip.HARD_BOUNCE,
                    "hard bounce, check the address first: " + m.getLastReply());
        }
        return new BulkRetryStep(problem, null, "to retry");
    }

    private static boolean retriable(EmailMessage m) {
        return m.getStatus() == EmailStatus.FAILED || m.getStatus() == EmailStatus.BOUNCED;
    }

    private static BulkRetryStep stillRetrying(EmailMessage m) {
        return new BulkRetryStep(OutboxProblem.of(m), BulkRetryStep.Skip.STILL_RETRYING,
                "still retrying by itself; next attempt at " + m.getNextAttemptAt());
    }

    private static BulkRetryStep changed(EmailMessage m) {
        return new BulkRetryStep(OutboxProblem.of(m), BulkRetryStep.Skip.CHANGED_MEANWHILE,
                "no longer failed: " + m.getStatus().code());
    }
}
