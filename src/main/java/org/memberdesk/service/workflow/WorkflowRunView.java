package org.memberdesk.service.workflow;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.memberdesk.domain.WorkflowRun;
import org.memberdesk.domain.WorkflowStep;

/**
 * One run of a workflow for one contact, with each step's outcome: the run log of a workflow and
 * of a contact. {@code mode} is trigger, manual or test; {@code status} running, waiting, done,
 * stopped (a filter did not match) or failed; a step's status pending, running, waiting, done,
 * skipped or failed.
 */
public record WorkflowRunView(UUID id, String workflow, UUID contactId, String contactEmail, String contactName,
                              String mode, String trigger, String offer, String status, Instant startedAt,
                              Instant finishedAt, Instant nextAt, List<Step> steps) {

    /** One filter or action of the run; {@code number} counts from 1 over filters then actions. */
    public record Step(int number, String phase, String kind, String label, String status, String outcome,
                       int attempts, Instant startedAt, Instant finishedAt) {

        static Step of(WorkflowStep s) {
            return new Step(s.getPosition() + 1, s.getPhase(), s.getKind(), s.getLabel(), s.getStatus().code(),
                    s.getOutcome(), s.getAttempts(), s.getStartedAt(), s.getFinishedAt());
        }
    }

    public boolean finished() {
        return "done".equals(status) || "stopped".equals(status) || "failed".equals(status);
    }

    static WorkflowRunView of(WorkflowRun r, List<WorkflowStep> steps) {
        return new WorkflowRunView(r.getId(), r.getWorkflow().getName(), r.getContact().getId(),
                r.getContact().getEmail(), r.getContact().getName(), r.getMode().code(),
                r.getEvent().getType().code(), r.getOffer() == null ? null : r.getOffer().getName(),
                r.getStatus().code(), r.getStartedAt(), r.getFinishedAt(), r.getNextAt(),
                steps.stream().map(Step::of).toList());
    }
}
