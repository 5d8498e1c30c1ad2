package org.memberdesk.ui.viewmodel.workflow;

import java.util.function.Supplier;

/** Where the workflow windows live: one Workflows window, one editor and one manual run at a time. */
public interface WorkflowWindows {

    /** Shows nothing: for a console without windows. */
    WorkflowWindows NONE = new WorkflowWindows() {
        @Override
        public void showWorkflows(Supplier<WorkflowsViewModel> model) {
        }

        @Override
        public void showEditor(Supplier<WorkflowEditorViewModel> model) {
        }

        @Override
        public void showManualRun(Supplier<ManualRunViewModel> model) {
        }

        @Override
        public void refreshRuns() {
        }

        @Override
        public void closeAll() {
        }
    };

    /** Shows the Workflows window, creating its view model only when it is not open. */
    void showWorkflows(Supplier<WorkflowsViewModel> model);

    /** Shows the workflow editor (New… or Edit…), creating its view model only when no editor is open. */
    void showEditor(Supplier<WorkflowEditorViewModel> model);

    /** Shows Run workflow, creating its view model only when it is not open. */
    void showManualRun(Supplier<ManualRunViewModel> model);

    /** Reads the open Workflows window (the list and the run log) again; none open: nothing. */
    void refreshRuns();

    /** Closes the Workflows window, the editor and Run workflow (the session that opened them closes). */
    void closeAll();
}
