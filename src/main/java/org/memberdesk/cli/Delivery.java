package org.memberdesk.cli;

import java.nio.file.Path;
import org.memberdesk.service.OutboxRunResult;
import org.memberdesk.service.Services;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * "A command that queues mail delivers it before it exits, unless {@code --no-send}" (DESIGN.md,
 * Processes and mail delivery). Mix it into every command that queues mail ({@code emails retry};
 * later {@code credentials resend | reset-link | set-password --notify}, {@code offers grant},
 * {@code import}) as a field or a command-method parameter:
 *
 * <pre>{@code
 * @Command(name = "resend") void resend(..., @Mixin Delivery delivery) {
 *     var done = cli.call(services -> {
 *         ... queue the mail ...
 *         return delivery.deliverUnlessNoSend(services);   // null with --no-send
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

    @Option(names = "--no-send",
            description = "Queue the email but deliver nothing now: `memberdesk outbox run`, the console or "
                    + "`portal serve` delivers it later.")
    private boolean noSend;

    /** True when the command was told to queue only. */
    boolean noSend() {
        return noSend;
    }

    /**
     * After the command queued mail: delivers everything due now ({@link #deliverQueued}), or,
     * with {@code --no-send}, nothing (returns null).
     */
    Outcome deliverUnlessNoSend(Services services) {
        if (noSend) {
            // "With --no-send it still runs the due steps, so the mail is queued."
            services.workflows().runDue();
            return null;
        }
        return deliverQueued(services);
    }

    /**
     * Delivers every message that is due now, batch after batch, until none is left (a message that
     * fails for now goes to "retrying" with its backoff and is not waited for). Returns what the run
     * did, to print.
     */
    static Outcome deliverQueued(Services services) {
        services.workflows().runDue(); // due workflow steps first: they may queue mail of their own
        OutboxRunResult run = services.emails().runOutbox(true);
        return new Outcome(run, services.mailSettings().demoMode(), services.dataDirectory().demoMailbox());
    }

    /** What a run of the outbox did, and whether it went to the demo mailbox rather than a real SMTP server. */
    record Outcome(OutboxRunResult run, boolean demoMode, Path demoMailbox) {

        JsonShapes.Delivery json() {
            return JsonShapes.delivery(run, demoMode);
        }

        /** "1 sent, 0 retrying, 0 failed; 2 still waiting in the outbox (next due ...)", plus the demo note. */
        String summary() {
            StringBuilder line = new StringBuilder()
                    .append(run.sent()).append(" sent, ")
                    .append(run.retrying()).append(" retrying, ")
                    .append(run.failed()).append(" failed; ")
                    .append(run.waiting()).append(" still waiting in the outbox");
            if (run.waiting() > 0 && run.nextDueAt() != null) {
                line.append(" (next due ").append(run.nextDueAt()).append(')');
            }
            if (demoMode && run.sent() > 0) {
                line.append("; demo mode: delivered to the demo mailbox ").append(demoMailbox)
                        .append(", no email left this computer");
            }
            return line.toString();
        }
    }
}
