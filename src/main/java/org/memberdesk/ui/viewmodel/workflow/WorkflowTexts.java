package org.memberdesk.ui.viewmodel.workflow;

import java.util.Locale;
import org.memberdesk.service.workflow.TriggerKind;
import org.memberdesk.service.workflow.WorkflowRunView;
import org.memberdesk.service.workflow.WorkflowView;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.viewmodel.DisplayTime;
import org.memberdesk.ui.viewmodel.Tone;

/** The workflow windows' wording of what the workflow service returns. */
final class WorkflowTexts {

    private final Messages messages;
    private final DisplayTime time;

    WorkflowTexts(Messages messages, DisplayTime time) {
        this.messages = messages;
        this.time = time;
    }

    WorkflowRow row(WorkflowView w) {
        String trigger = w.definition().trigger() == null ? w.trigger().code() : w.definition().trigger().describe();
        String runs = w.runs() == 0 ? messages.get("workflows.runs.none")
                : w.failedRuns() == 0 ? messages.get("workflows.runs.count", w.runs())
                : messages.get("workflows.runs.failed", w.runs(), w.failedRuns());
        boolean manual = w.definition().trigger() != null
                && w.definition().trigger().kind() == TriggerKind.MANUAL;
        return new WorkflowRow(w.name(), w.enabled(),
                messages.get(w.enabled() ? "workflows.state.enabled" : "workflows.state.disabled"),
                w.enabled() ? Tone.GOOD : Tone.NEUTRAL, trigger, w.summary(), runs, time.format(w.lastRunAt()), manual);
    }

    RunRow run(WorkflowRunView r) {
        String contact = r.contactName() == null || r.contactName().isBlank() ? r.contactEmail()
                : r.contactName() + " <" + r.contactEmail() + ">";
        String finished = r.finishedAt() != null ? time.format(r.finishedAt())
                : r.nextAt() != null ? messages.get("workflows.run.next", time.format(r.nextAt())) : "";
        String outcome = r.steps().stream()
                .filter(s -> s.outcome() != null && !s.outcome().isBlank())
                .reduce((first, second) -> second)
                .map(s -> s.label() + ": " + s.outcome())
                .orElse("");
        return new RunRow(r.id(), time.format(r.startedAt()), contact,
                label("workflows.mode.", r.mode().code()), label("workflows.status.", r.status().code()),
                tone(r.status()), finished, outcome, r.steps().stream().map(this::step).toList());
    }

    StepRow step(WorkflowRunView.Step s) {
        String when = time.format(s.finishedAt() != null ? s.finishedAt() : s.startedAt());
        String phase = label("workflows.phase.", s.phase().code());
        return new StepRow(String.valueOf(s.number()), phase + ": " + s.label(),
                label("workflows.status.", s.status().code()), tone(s.status()),
                s.outcome() == null ? "" : s.outcome(), when);
    }

    static Tone tone(WorkflowRunView.Status status) {
        return switch (status) {
            case DONE -> Tone.GOOD;
            case FAILED -> Tone.BAD;
            case STOPPED -> Tone.NEUTRAL;
            case WAITING -> Tone.CAUTION;
            case RUNNING -> Tone.PENDING;
        };
    }

    static Tone tone(WorkflowRunView.Step.Status status) {
        return switch (status) {
            case DONE -> Tone.GOOD;
            case FAILED -> Tone.BAD;
            case SKIPPED -> Tone.NEUTRAL;
            case WAITING -> Tone.CAUTION;
            case PENDING, RUNNING -> Tone.PENDING;
        };
    }

    private String label(String prefix, String code) {
        return code == null ? "" : messages.getOrDefault(prefix + code.toLowerCase(Locale.ROOT), code);
    }
}
