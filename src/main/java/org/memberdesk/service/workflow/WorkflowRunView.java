package org.memberdesk.service.workflow;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.memberdesk.domain.WorkflowRun;
import org.memberdesk.domain.WorkflowStep;
import org.memberdesk.service.StateCode;

/**
 * One run of a workflow for one contact, with each step's outcome: the run log of a workflow and
 * of a contact.
 */
public record WorkflowRunView(UUID id, String workflow, UUID contactId, String contactEmail, String contactName,
                              Mode mode, TriggerKind trigger, String offer, Status status, Instant startedAt,
                              Instant finishedAt, Instant nextAt, List<Step> steps) {

    /** One filter or action of the run; {@code number} counts from 1 over filters then actions. */
    public record Step(int number, Phase phase, String kind, String label, Status status, String outcome,
                       int attempts, Instant startedAt, Instant finishedAt) {

        static Step of(WorkflowStep s) {
            return new Step(s.getPosition() + 1, Phase.of(s.getPhase()), s.getKind(), s.getLabel(),
                    Status.of(s.getStatus()), s.getOutcome(), s.getAttempts(), s.getStartedAt(), s.getFinishedAt());
        }

        public enum Phase implements StateCode {
            FILTER, ACTION;

            /** The code, so a state in a message reads as it does in JSON. */
            @Override
            public String toString() {
                return code();
            }

            static Phase of(String stored) {
                for (Phase phase : values()) {
                    if (phase.code().equals(stored)) {
                        return phase;
                    }
                }
                throw new IllegalStateException("unknown workflow step phase: " + stored);
            }
        }

        /** Pending, running, waiting (a Wait step), done, skipped or failed. */
        public enum Status implements StateCode {
            PENDING, RUNNING, WAITING, DONE, SKIPPED,
            FAILED;

            /** The code, so a state in a message reads as it does in JSON. */
            @Override
            public String toString() {
                return code();
            }

            public static Status of(WorkflowStep.Status status) {
                return switch (status) {
                    case PENDING -> PENDING;
                    case RUNNING -> RUNNING;
                    case WAITING -> WAITING;
                    case DONE -> DONE;
                    case SKIPPED -> SKIPPED;
                    case FAILED -> FAILED;
                };
            }
        }
    }

    /** What started the run: a trigger, an agent's manual run, or an agent's test run. */
    public enum Mode implements StateCode {
        TRIGGER, MANUAL, TEST;

        /** The code, so a state in a message reads as it does in JSON. */
        @Override
        public String toString() {
            return code();
        }

        public static Mode of(WorkflowRun.Mode mode) {
            return switch (mode) {
                case TRIGGER -> TRIGGER;
                case MANUAL -> MANUAL;
                case TEST -> TEST;
            };
        }
    }

    /** Running, waiting (in a Wait step), done, stopped (a filter did not match) or failed. */
    public enum Status implements StateCode {
        RUNNING, WAITING, DONE, STOPPED, FAILED;

        /** The code, so a state in a message reads as it does in JSON. */
        @Override
        public String toString() {
            return code();
        }

        public boolean finished() {
            return this == DONE || this == STOPPED || this == FAILED;
        }

        public static Status of(WorkflowRun.Status status) {
            return switch (status) {
                case RUNNING -> RUNNING;
                case WAITING -> WAITING;
                case DONE -> DONE;
                case STOPPED -> STOPPED;
                case FAILED -> FAILED;
            };
        }
    }

    public boolean finished() {
        return status.finished();
    }

    static WorkflowRunView of(WorkflowRun r, List<WorkflowStep> steps) {
        return new WorkflowRunView(r.getId(), r.getWorkflow().getName(), r.getContact().getId(),
                r.getContact().getEmail(), r.getContact().getName(), Mode.of(r.getMode()),
                TriggerKind.of(r.getEvent().getType()), r.getOffer() == null ? null : r.getOffer().getName(),
                Status.of(r.getStatus()), r.getStartedAt(), r.getFinishedAt(), r.getNextAt(),
                steps.stream().map(Step::of).toList());
    }
}
