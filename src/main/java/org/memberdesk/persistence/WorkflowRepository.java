package org.memberdesk.persistence;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;
import org.memberdesk.domain.TriggerType;
import org.memberdesk.domain.Workflow;
import org.memberdesk.domain.WorkflowRun;

/** Workflows by name, by trigger, and what their runs add up to. */
public final class WorkflowRepository {

    /** How many runs a workflow has had, how many failed, and when the last one started. */
    public record RunStats(long runs, long failed, Instant lastStartedAt) {
        public static final RunStats NONE = new RunStats(0, 0, null);
    }

    private final Session session;

    WorkflowRepository(Session session) {
        this.session = session;
    }

    public Optional<Workflow> byId(UUID id) {
        return Optional.ofNullable(session.find(Workflow.class, id));
    }

    /** Case-insensitive. */
    public Optional<Workflow> byName(String name) {
        return session.createSelectionQuery("from Workflow where nameKey = :key", Workflow.class)
                .setParameter("key", Workflow.key(name))
                .uniqueResultOptional();
    }

    public List<Workflow> all() {
        return session.createSelectionQuery("from Workflow order by nameKey", Workflow.class).getResultList();
    }

    public List<Workflow> enabled(TriggerType type) {
        return session.createSelectionQuery(
                        "from Workflow where enabled = true and triggerType = :type order by nameKey", Workflow.class)
                .setParameter("type", type)
                .getResultList();
    }

    public Map<UUID, RunStats> runStats() {
        Map<UUID, RunStats> stats = new HashMap<>();
        for (Object[] row : session.createSelectionQuery("""
                        select r.workflow.id, count(r),
                               sum(case when r.status = :failed then 1 else 0 end), max(r.startedAt)
                        from WorkflowRun r group by r.workflow.id""", Object[].class)
                .setParameter("failed", WorkflowRun.Status.FAILED)
                .getResultList()) {
            stats.put((UUID) row[0], new RunStats(((Number) row[1]).longValue(),
                    row[2] == null ? 0 : ((Number) row[2]).longValue(), (Instant) row[3]));
        }
        return stats;
    }
}
