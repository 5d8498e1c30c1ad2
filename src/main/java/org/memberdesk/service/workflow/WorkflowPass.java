package org.memberdesk.service.workflow;

/**
 * What one pass of the workflow engine did: trigger events processed, runs started, steps run,
 * and the runs it left done, stopped by a filter, failed or waiting.
 */
public record WorkflowPass(int events, int runsStarted, int stepsRun, int done, int stopped, int failed,
                           int waiting) {

    public static final WorkflowPass NONE = new WorkflowPass(0, 0, 0, 0, 0, 0, 0);

    public WorkflowPass plus(WorkflowPass o) {
        return new WorkflowPass(events + o.events, runsStarted + o.runsStarted, stepsRun + o.stepsRun,
                done + o.done, stopped + o.stopped, failed + o.failed, waiting + o.waiting);
    }

    public boolean idle() {
        return events == 0 && runsStarted == 0 && stepsRun == 0;
    }
}
