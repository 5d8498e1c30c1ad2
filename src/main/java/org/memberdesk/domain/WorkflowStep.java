package org.memberdesk.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.UuidGenerator;

/**
 * One step of a run (a filter or an action), written as {@code pending} when the run starts,
 * with its own copy of the step's settings, so editing the workflow never changes a run that
 * has started. It is marked {@code running} in a committed transaction before it acts, and
 * {@code done}, {@code skipped}, {@code waiting} or {@code failed} in the transaction that
 * holds its effect.
 */
@Entity
@Table(name = "workflow_step")
public class WorkflowStep {

    public static final int MAX_OUTCOME = 2000;

    public enum Status implements Coded {
        PENDING, RUNNING, WAITING, DONE, SKIPPED, FAILED
    }

    @Id
    @GeneratedValue
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "run_id", nullable = false)
    private WorkflowRun run;

    @Column(nullable = false)
    private int position;

    /** "filter" or "action". */
    @Column(nullable = false, length = 20)
    private String phase;

    @Column(nullable = false, length = 40)
    private String kind;

    @Column(nullable = false, length = 8000)
    private String spec;

    @Column(nullable = false, length = 300)
    private String label;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Status status;

    @Column(length = MAX_OUTCOME)
    private String outcome;

    /** Times the step was started; more than one means an earlier attempt was interrupted. */
    @Column(nullable = false)
    private int attempts;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    protected WorkflowStep() {
    }

    public WorkflowStep(WorkflowRun run, int position, String phase, String kind, String spec, String label) {
        this.run = run;
        this.position = position;
        this.phase = phase;
        this.kind = kind;
        this.spec = spec;
        this.label = label.length() > 300 ? label.substring(0, 299) + "…" : label;
        this.status = Status.PENDING;
    }

    /** Claimed to act now. Returns true when an earlier attempt had started and never finished. */
    public boolean start(Instant now) {
        boolean interrupted = status == Status.RUNNING;
        if (status == Status.PENDING || interrupted) {
            attempts++;
        }
        if (startedAt == null) {
            startedAt = now;
        }
        status = Status.RUNNING;
        return interrupted;
    }

    public void end(Status end, String text, Instant now) {
        if (end == Status.PENDING || end == Status.RUNNING) {
            throw new IllegalArgumentException(end + " does not end a step");
        }
        status = end;
        outcome = text == null ? null : cut(text);
        finishedAt = end == Status.WAITING ? null : now;
    }

    private static String cut(String text) {
        return text.length() <= MAX_OUTCOME ? text : text.substring(0, MAX_OUTCOME - 1) + "…";
    }

    public UUID getId() {
        return id;
    }

    public WorkflowRun getRun() {
        return run;
    }

    public int getPosition() {
        return position;
    }

    public String getPhase() {
        return phase;
    }

    public String getKind() {
        return kind;
    }

    public String getSpec() {
        return spec;
    }

    public String getLabel() {
        return label;
    }

    public Status getStatus() {
        return status;
    }

    public String getOutcome() {
        return outcome;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }
}
