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
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.UuidGenerator;

/**
 * One workflow started by one trigger event for one contact. There is at most one run per
 * (workflow, event): the table has that unique key, and the run is written in the same
 * transaction that marks the event processed. The run's steps are {@link WorkflowStep} rows;
 * {@code nextStep} is the position of the step to run next and {@code nextAt} when.
 */
@Entity
@Table(name = "workflow_run")
public class WorkflowRun {

    public enum Status implements Coded {
        /** A step is due at {@code nextAt} (now, when it was started or resumed). */
        RUNNING,
        /** In a Wait step until {@code nextAt}. */
        WAITING,
        DONE,
        /** A filter did not match; the actions did not run. */
        STOPPED,
        FAILED;

        public boolean finished() {
            return this == DONE || this == STOPPED || this == FAILED;
        }
    }

    /** What started it: a trigger, an agent's manual run, or an agent's test run (Wait steps skipped). */
    public enum Mode implements Coded {
        TRIGGER, MANUAL, TEST
    }

    @Id
    @GeneratedValue
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "workflow_id", nullable = false)
    private Workflow workflow;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "event_id", nullable = false)
    private TriggerEvent event;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "contact_id", nullable = false)
    private Contact contact;

    /** The triggering offer (Offer Access Granted), or the one a manual run stands in for; may be null. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "offer_id")
    private Offer offer;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Mode mode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Status status;

    @Column(name = "next_step", nullable = false)
    private int nextStep;

    @Column(name = "step_count", nullable = false)
    private int stepCount;

    @Column(name = "next_at")
    private Instant nextAt;

    @Column(name = "lease_owner", length = 100)
    private String leaseOwner;

    @Column(name = "lease_until")
    private Instant leaseUntil;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Version
    private long version;

    protected WorkflowRun() {
    }

    public WorkflowRun(Workflow workflow, TriggerEvent event, Contact contact, Offer offer, Mode mode, int stepCount,
                       Instant now) {
        this.workflow = workflow;
        this.event = event;
        this.contact = contact;
        this.offer = offer;
        this.mode = mode;
        this.stepCount = stepCount;
        this.status = Status.RUNNING;
        this.nextStep = 0;
        this.nextAt = now;
        this.startedAt = now;
    }

    public void lease(String owner, Instant until) {
        this.leaseOwner = owner;
        this.leaseUntil = until;
    }

    public boolean leasedBy(String owner) {
        return owner != null && owner.equals(leaseOwner);
    }

    public void release() {
        this.leaseOwner = null;
        this.leaseUntil = null;
    }

    /** The current step is done: the next one is due now (or the run is done when none is left). */
    public void advance(Instant now) {
        nextStep++;
        if (nextStep >= stepCount) {
            finish(Status.DONE, now);
        } else {
            status = Status.RUNNING;
            nextAt = now;
        }
    }

    /** The current step (a Wait) holds the run until {@code until}. */
    public void waitUntil(Instant until) {
        status = Status.WAITING;
        nextAt = until;
    }

    public void finish(Status end, Instant now) {
        if (!end.finished()) {
            throw new IllegalArgumentException(end + " does not end a run");
        }
        status = end;
        nextAt = null;
        finishedAt = now;
    }

    public UUID getId() {
        return id;
    }

    public Workflow getWorkflow() {
        return workflow;
    }

    public TriggerEvent getEvent() {
        return event;
    }

    public Contact getContact() {
        return contact;
    }

    public Offer getOffer() {
        return offer;
    }

    public Mode getMode() {
        return mode;
    }

    public Status getStatus() {
        return status;
    }

    public int getNextStep() {
        return nextStep;
    }

    public int getStepCount() {
        return stepCount;
    }

    public Instant getNextAt() {
        return nextAt;
    }

    public String getLeaseOwner() {
        return leaseOwner;
    }

    public Instant getLeaseUntil() {
        return leaseUntil;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }

    public long getVersion() {
        return version;
    }
}
