package org.memberdesk.service.workflow;

import java.time.Instant;
import java.util.UUID;
import org.memberdesk.domain.Workflow;
import org.memberdesk.persistence.WorkflowRepository;
import org.memberdesk.service.workflow.WorkflowDefinition;
import org.memberdesk.service.workflow.WorkflowJson;

/**
 * A workflow as the Workflows view lists it: its definition (the editor's form), a one-line
 * summary, the trigger, and what its runs add up to; {@code version}: of the definition and state
 * as shown, which an edit based on them carries.
 */
public record WorkflowView(UUID id, String name, boolean enabled, TriggerKind trigger, String summary,
                           WorkflowDefinition definition, long runs, long failedRuns, Instant lastRunAt,
                           Instant createdAt, Instant updatedAt, long version) {

    static WorkflowView of(Workflow w, WorkflowRepository.RunStats stats) {
        WorkflowDefinition d = WorkflowJson.definition(w.getName(), w.isEnabled(), w.getDefinition());
        return new WorkflowView(w.getId(), w.getName(), w.isEnabled(),
                d.trigger() == null ? TriggerKind.of(w.getTriggerType()) : d.trigger().kind(), d.summary(), d,
                stats.runs(), stats.failed(), stats.lastStartedAt(), w.getCreatedAt(), w.getUpdatedAt(), w.getVersion());
    }
}
