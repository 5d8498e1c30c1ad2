package org.memberdesk.ui.viewmodel.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Keeps the view models of the workflow windows asked for, without showing any. */
public final class RecordingWorkflowWindows implements WorkflowWindows {

    /** How often the windows were all closed. */
    public int closedAll;

    final List<WorkflowsViewModel> lists = new ArrayList<>();
    final List<WorkflowEditorViewModel> editors = new ArrayList<>();
    final List<ManualRunViewModel> runs = new ArrayList<>();

    @Override
    public void showWorkflows(Supplier<WorkflowsViewModel> model) {
        lists.add(model.get());
    }

    @Override
    public void showEditor(Supplier<WorkflowEditorViewModel> model) {
        editors.add(model.get());
    }

    @Override
    public void showManualRun(Supplier<ManualRunViewModel> model) {
        runs.add(model.get());
    }

    @Override
    public void refreshRuns() {
        lists.forEach(WorkflowsViewModel::refresh);
    }

    @Override
    public void closeAll() {
        closedAll++;
    }

    WorkflowEditorViewModel lastEditor() {
        return editors.get(editors.size() - 1);
    }
}
