package org.memberdesk.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;
import org.memberdesk.domain.EmailKind;
import org.memberdesk.domain.EmailStatus;
import org.memberdesk.domain.TriggerType;
import org.memberdesk.domain.WorkflowRun;
import org.memberdesk.domain.WorkflowStep;

/** Runs and their steps: what is due, claiming it, and the run log. */
public final class WorkflowRunRepository {

    private static final List<WorkflowRun.Status> ACTIVE = List.of(WorkflowRun.Status.RUNNING,
            WorkflowRun.Status.WAITING);

    private static final String CLAIMABLE = """
            r.status in (:active) and r.nextAt <= :now and (r.leaseUntil is null or r.leaseUntil <= :now)""";

    private final Session session;

    WorkflowRunRepository(Session session) {
        this.session = session;
    }

    public Optional<WorkflowRun> byId(UUID id) {
        return Optional.ofNullable(session.find(WorkflowRun.class, id));
    }

    /** Whether any trigger event waits to be turned into runs, or any run may be claimed now. */
    public boolean anythingDue(Instant now) {
        boolean events = !session.createSelectionQuery(
                        "select e.id from TriggerEvent e where e.processedAt is null", UUID.class)
                .setMaxResults(1).getResultList().isEmpty();
        return events || !session.createSelectionQuery("select r.id from WorkflowRun r where " + CLAIMABLE, UUID.class)
                .setParameterList("active", ACTIVE)
                .setParameter("now", now)
                .setMaxResults(1).getResultList().isEmpty();
    }

    public long pendingEvents() {
        return session.createSelectionQuery("select count(e) from TriggerEvent e where e.processedAt is null",
                Long.class).getSingleResult();
    }

    public long claimableCount(Instant now) {
        return session.createSelectionQuery("select count(r) from WorkflowRun r where " + CLAIMABLE, Long.class)
                .setParameterList("active", ACTIVE)
                .setParameter("now", now)
                .getSingleResult();
    }

    /** Runs due now that no live lease holds, oldest due first. */
    public List<WorkflowRun> claimable(Instant now, int limit) {
        return session.createSelectionQuery(
                        "from WorkflowRun r where " + CLAIMABLE + " order by r.nextAt, r.id", WorkflowRun.class)
                .setParameterList("active", ACTIVE)
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList();
    }

    /** The runs with what acting on them needs: workflow, contact (with tags) and offer, in one query. */
    public List<WorkflowRun> loadForWork(Collection<UUID> runIds) {
        if (runIds.isEmpty()) {
            return List.of();
        }
        return session.createSelectionQuery("""
                        select distinct r from WorkflowRun r
                        join fetch r.workflow join fetch r.contact c left join fetch c.tags left join fetch r.offer
                        where r.id in (:ids)""", WorkflowRun.class)
                .setParameterList("ids", runIds)
                .getResultList();
    }

    /** Every step of these runs, by run and position. */
    public List<WorkflowStep> steps(Collection<UUID> runIds) {
        if (runIds.isEmpty()) {
            return List.of();
        }
        return session.createSelectionQuery(
                        "from WorkflowStep s where s.run.id in (:ids) order by s.run.id, s.position", WorkflowStep.class)
                .setParameterList("ids", runIds)
                .getResultList();
    }

    /** The step each of these runs is at. */
    public List<WorkflowStep> currentSteps(Collection<UUID> runIds) {
        if (runIds.isEmpty()) {
            return List.of();
        }
        return session.createSelectionQuery(
                        "select s from WorkflowStep s join s.run r where r.id in (:ids) and s.position = r.nextStep",
                        WorkflowStep.class)
                .setParameterList("ids", runIds)
                .getResultList();
    }

    public List<WorkflowRun> ofWorkflow(UUID workflowId, int limit) {
        return session.createSelectionQuery("""
                        from WorkflowRun r join fetch r.contact left join fetch r.offer join fetch r.event
                        where r.workflow.id = :w order by r.startedAt desc, r.id desc""", WorkflowRun.class)
                .setParameter("w", workflowId)
                .setMaxResults(limit)
                .getResultList();
    }

    public List<WorkflowRun> ofContact(UUID contactId, int limit) {
        return session.createSelectionQuery("""
                        from WorkflowRun r join fetch r.workflow join fetch r.contact left join fetch r.offer
                        join fetch r.event where r.contact.id = :c order by r.startedAt desc, r.id desc""",
                        WorkflowRun.class)
                .setParameter("c", contactId)
                .setMaxResults(limit)
                .getResultList();
    }

    public List<WorkflowRun> ofEvents(Collection<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return List.of();
        }
        return session.createSelectionQuery("from WorkflowRun r where r.event.id in (:ids)", WorkflowRun.class)
                .setParameterList("ids", eventIds)
                .getResultList();
    }

    /** Whether this workflow started a run of this mode for this contact after {@code since}. */
    public boolean startedSince(UUID workflowId, UUID contactId, WorkflowRun.Mode mode, Instant since) {
        return !session.createSelectionQuery("""
                        select r.id from WorkflowRun r where r.workflow.id = :w and r.contact.id = :c
                        and r.mode = :m and r.startedAt > :since""", UUID.class)
                .setParameter("w", workflowId)
                .setParameter("c", contactId)
                .setParameter("m", mode)
                .setParameter("since", since)
                .setMaxResults(1)
                .getResultList().isEmpty();
    }

    /** Trigger events of one type for one contact in the window (from, to]. */
    public long countEvents(UUID contactId, TriggerType type, Instant fromExclusive, Instant toInclusive) {
        return session.createSelectionQuery("""
                        select count(e) from TriggerEvent e where e.contact.id = :c and e.type = :t
                        and e.createdAt > :from and e.createdAt <= :to""", Long.class)
                .setParameter("c", contactId)
                .setParameter("t", type)
                .setParameter("from", fromExclusive)
                .setParameter("to", toInclusive)
                .getSingleResult();
    }

    /** Welcome emails of an offer to a contact created after {@code since} that have not failed. */
    public long welcomesSince(UUID contactId, UUID offerId, Instant since) {
        return session.createSelectionQuery("""
                        select count(m) from EmailMessage m where m.contact.id = :c and m.offer.id = :o
                        and m.kind = :k and m.status <> :failed and m.createdAt > :since""", Long.class)
                .setParameter("c", contactId)
                .setParameter("o", offerId)
                .setParameter("k", EmailKind.WELCOME)
                .setParameter("failed", EmailStatus.FAILED)
                .setParameter("since", since)
                .getSingleResult();
    }
}
