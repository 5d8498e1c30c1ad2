package org.memberdesk.service.workflow;

import java.util.List;
import java.util.UUID;

/**
 * A manual run: on how many contacts, the ids of the runs it started (one per contact), and what
 * the engine pass that followed did (it also ran whatever else was due).
 */
public record ManualRunResult(String workflow, int contacts, List<UUID> runIds, WorkflowPass pass) {
}
