package org.memberdesk.service.workflow;

/**
 * How far the workflow engine is with a pass, reported after every committed batch so a view
 * can show a bar: {@code stage} is {@code recording} (a manual run writing its requests),
 * {@code starting} (trigger events turned into runs) or {@code running} (runs advanced to their
 * next Wait or their end). {@code total} is what was due when the stage began; it may grow.
 */
public record WorkflowProgress(String stage, long done, long total) {
}
