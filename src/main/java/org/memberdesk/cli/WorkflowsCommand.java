package org.memberdesk.cli;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.memberdesk.service.email.OutboxRunResult;
import org.memberdesk.service.workflow.ActionSpec;
import org.memberdesk.service.workflow.FilterSpec;
import org.memberdesk.service.workflow.ManualRunResult;
import org.memberdesk.service.workflow.WorkflowRunView;
import org.memberdesk.service.workflow.WorkflowView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code memberdesk workflows ...}: list workflows, turn their triggers on and off, run one for a contact. */
@Command(name = "workflows", description = "List workflows, enable or disable them, run one for a contact.")
final class WorkflowsCommand implements Runnable {

    @Mixin
    private CliContext cli;

    @Override
    public void run() {
        throw cli.missingSubcommand();
    }

    // The JSON printed with --json (see JsonShapes): spelled out here, not taken from the service records.

    record Workflow(UUID id, String name, boolean enabled, String trigger, String summary, List<String> filters,
                    List<String> actions, long runs, long failedRuns, Instant lastRunAt) {
    }

    record StateChange(String name, boolean enabled, boolean changed, String message) {
    }

    record Step(int number, String kind, String label, String status, String outcome) {
    }

    record Delivered(int sent, int retrying, int failed, int waiting) {
    }

    record Run(UUID id, String workflow, String contact, String mode, String status, String offer, Instant startedAt,
               Instant finishedAt, Instant nextAt, List<Step> steps, Delivered delivery) {
    }

    @Command(name = "list", description = "Lists the workflows: state, trigger, steps and runs.")
    void list() {
        List<WorkflowView> workflows = cli.call(services -> services.workflows().list());
        cli.output().query(workflows, WorkflowsCommand::shape, WorkflowsCommand::line, "no workflows");
    }

    @Command(name = "enable", description = "Turns a workflow's trigger on.")
    void enable(@Parameters(paramLabel = "NAME", description = "Workflow name (any case).") String name) {
        setEnabled(name, true);
    }

    @Command(name = "disable", description = "Turns a workflow's trigger off; runs already started finish.")
    void disable(@Parameters(paramLabel = "NAME", description = "Workflow name (any case).") String name) {
        setEnabled(name, false);
    }

    private void setEnabled(String name, boolean enabled) {
        StateChange change = cli.call(services -> {
            boolean changed = enabled
                    ? services.workflows().enable(name, cli.agent())
                    : services.workflows().disable(name, cli.agent());
            String actual = services.workflows().get(name).name();
            String state = enabled ? "enabled" : "disabled";
            return new StateChange(actual, enabled, changed,
                    changed ? state + " workflow " + actual : "workflow " + actual + " is already " + state);
        });
        cli.output().change(change, change.message());
    }

    @Command(name = "run", description = {
            "Runs a workflow now for one contact, whatever its trigger and even when disabled, then runs the "
                    + "other workflow steps that are due and delivers the mail they queued.",
            "A Wait step waits: the steps after it run when due (console, portal serve, or a later command)."})
    void run(@Parameters(paramLabel = "NAME", description = "Workflow name (any case).") String name,
             @Option(names = "--contact", required = true, paramLabel = "E",
                     description = "The contact's email.") String contact,
             @Mixin Delivery delivery) {
        Ran ran = cli.call(services -> {
            ManualRunResult result = services.workflows().runManual(name, List.of(contact), cli.agent(), null);
            OutboxRunResult delivered = delivery.afterChange(services).run(); // null with --no-send
            return new Ran(services.workflows().run(result.runIds().get(0)), delivered);
        });
        Run run = shape(ran.view(), ran.delivered());
        cli.output().change(run, lines(run, ran.view().status() == WorkflowRunView.Status.WAITING, delivery.noSend()));
    }

    private record Ran(WorkflowRunView view, OutboxRunResult delivered) {
    }

    private static Workflow shape(WorkflowView w) {
        return new Workflow(w.id(), w.name(), w.enabled(), w.trigger().code(), w.summary(),
                w.definition().filters().stream().map(FilterSpec::describe).toList(),
                w.definition().actions().stream().map(ActionSpec::describe).toList(),
                w.runs(), w.failedRuns(), w.lastRunAt());
    }

    /** One workflow on one line: name, state, what it does, its runs; tab-separated. */
    private static String line(WorkflowView w) {
        String runs = w.runs() == 0 ? "no runs yet"
                : w.runs() + (w.runs() == 1 ? " run" : " runs")
                + (w.failedRuns() == 0 ? "" : " (" + w.failedRuns() + " failed)") + ", last " + w.lastRunAt();
        return w.name() + "\t" + (w.enabled() ? "enabled" : "disabled") + "\t" + w.summary() + "\t" + runs;
    }

    private static Run shape(WorkflowRunView r, OutboxRunResult delivered) {
        return new Run(r.id(), r.workflow(), r.contactEmail(), r.mode().code(), r.status().code(), r.offer(),
                r.startedAt(), r.finishedAt(), r.nextAt(),
                r.steps().stream()
                        .map(s -> new Step(s.number(), s.kind(), s.label(), s.status().code(), s.outcome())).toList(),
                delivered == null ? null
                        : new Delivered(delivered.sent(), delivered.retrying(), delivered.failed(), delivered.waiting()));
    }

    private static String lines(Run run, boolean waiting, boolean noSend) {
        StringBuilder out = new StringBuilder("ran workflow ").append(run.workflow()).append(" on ")
                .append(run.contact()).append(": ").append(run.status());
        if (waiting && run.nextAt() != null) {
            out.append(" until ").append(run.nextAt());
        }
        for (Step s : run.steps()) {
            out.append('\n').append("  ").append(s.number()).append(". ").append(s.label()).append(": ")
                    .append(s.status());
            if (s.outcome() != null) {
                out.append(" (").append(s.outcome()).append(')');
            }
        }
        Delivered d = run.delivery();
        if (noSend) {
            out.append("\n").append(Delivery.NOT_SENT)
                    .append(": `memberdesk outbox run` delivers the emails it queued");
        } else if (d != null) {
            out.append("\ndelivered: ").append(d.sent()).append(" sent");
            if (d.retrying() > 0) {
                out.append(", ").append(d.retrying()).append(" to retry");
            }
            if (d.failed() > 0) {
                out.append(", ").append(d.failed()).append(" failed");
            }
        }
        return out.toString();
    }
}
