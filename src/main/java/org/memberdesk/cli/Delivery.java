package org.memberdesk.cli;

import java.nio.file.Path;
import org.memberdesk.service.Services;
import org.memberdesk.service.email.OutboxCounts;
import org.memberdesk.service.email.OutboxRunResult;
import org.memberdesk.service.workflow.WorkflowPass;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * "A CLI command that fires triggers or queues mail runs the workflow steps that are due and
 * delivers the resulting mail before it exits; with {@code --no-send} it still runs the due steps,
 * so the mail is queued, but delivers nothing" (DESIGN.md, Processes and mail delivery). The one
 * place that does it: mix it into every such command ({@code offers grant}, {@code import contacts},
 * {@code contacts add | edit} (tags fire "Tag Added"), {@code credentials resend | reset-link |
 * set-password --notify}, {@code emails retry}, {@code workflows run}) as a field or a command-method
 * parameter:
 *
 * <pre>{@code
 * @Command(name = "resend") void resend(..., @Mixin Delivery delivery) {
 *     var done = cli.call(services -> {
 *         ... queue the mail or fire the trigger ...
 *         return delivery.afterChange(services);
 *     });
 * }
 * }</pre>
 *
 * Call it inside the same {@link CliContext#call} as the change, after the change is committed: the
 * mail is then in the outbox whatever happens next, and in demo mode this process's own demo
 * server is still up to receive it.
 */
@Command // picocli takes a class as a mixin only when it carries a picocli annotation
public final class Delivery {

    /** What a command prints after its change when --no-send kept the mail in the outbox. */
    static final String NOT_SENT = "queued, not sent (--no-send)";

    @Option(names = "--no-send",
            description = "Deliver nothing now; `outbox run`, the console or `portal serve` delivers later. "
                    + "The workflow steps that are due still run, so their email is queued.")
    private boolean noSend;

    /** True when the command was told to queue only. */
    boolean noSend() {
        return noSend;
    }

    /**
     * After the command's change: runs the workflow steps that are due now (they may queue mail of
     * their own), then delivers everything due, batch after batch, unless {@code --no-send}.
     */
    Outcome afterChange(Services services) {
        WorkflowPass steps = services.workflows().runDue();
        if (noSend) {
            OutboxCounts counts = services.emails().outboxCounts();
            return new Outcome(steps, null, counts.queued() + counts.retrying(), false, null);
        }
        return deliver(services, steps, true);
    }

    /**
     * {@code outbox run}: runs the workflow steps that are due now, then delivers one batch of the
     * mail that is due, or with {@code untilEmpty} batch after batch while any is due (a message that
     * fails for now goes to "retrying" with its backoff and is not waited for).
     */
    static Outcome runOutbox(Services services, boolean untilEmpty) {
        return deliver(services, services.workflows().runDue(), untilEmpty);
    }

    private static Outcome deliver(Services services, WorkflowPass steps, boolean untilEmpty) {
        OutboxRunResult run = services.emails().runOutbox(untilEmpty);
        return new Outcome(steps, run, run.waiting(), services.mailSettings().demoMode(),
                services.dataDirectory().demoMailbox());
    }

    /**
     * What a command's delivery did: the workflow steps it ran and the outbox run, or, with
     * {@code --no-send}, no run ({@link #run} null) and how many emails wait in the outbox.
     */
    record Outcome(WorkflowPass steps, OutboxRunResult run, long waiting, boolean demoMode, Path demoMailbox) {

        /** True when delivery was attempted (no --no-send). */
        boolean delivered() {
            return run != null;
        }

        /** True when a workflow step ran or an email was tried: worth a line where mail is not the point. */
        boolean didAnything() {
            return steps.stepsRun() > 0 || (run != null && run.sent() + run.retrying() + run.failed() > 0);
        }

        /** The delivery object of a command's JSON; null with --no-send (nothing was delivered). */
        JsonShapes.Delivery json() {
            return run == null ? null : JsonShapes.delivery(run, demoMode);
        }

        /** The line a command prints under its own: "delivery: ..." or, with --no-send, "queued, not sent ...". */
        String line() {
            return run == null ? summary() : "delivery: " + summary();
        }

        /**
         * "1 sent, 0 retrying, 0 failed; 2 still waiting in the outbox (next due ...)", plus the steps
         * run and the demo note; with --no-send, "queued, not sent (--no-send): 2 emails waiting ...".
         */
        String summary() {
            if (run == null) {
                return NOT_SENT + ": " + waiting + (waiting == 1 ? " email" : " emails")
                        + " waiting in the outbox; `memberdesk outbox run` delivers " + (waiting == 1 ? "it" : "them")
                        + stepsNote();
            }
            StringBuilder line = new StringBuilder()
                    .append(run.sent()).append(" sent, ")
                    .append(run.retrying()).append(" retrying, ")
                    .append(run.failed()).append(" failed; ")
                    .append(run.waiting()).append(" still waiting in the outbox");
            if (run.waiting() > 0 && run.nextDueAt() != null) {
                line.append(" (next due ").append(run.nextDueAt()).append(')');
            }
            line.append(stepsNote());
            if (demoMode && run.sent() > 0) {
                line.append("; demo mode: delivered to the demo mailbox ").append(demoMailbox)
                        .append(", no email left this computer");
            }
            return line.toString();
        }

        private String stepsNote() {
            int n = steps.stepsRun();
            return n == 0 ? "" : "; ran " + n + " due workflow " + (n == 1 ? "step" : "steps");
        }
    }
}
