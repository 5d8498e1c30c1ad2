package org.memberdesk.ui.view.workflow;

import java.util.function.Supplier;
import javafx.scene.Parent;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.view.common.AppShortcuts;
import org.memberdesk.ui.view.common.Windows;
import org.memberdesk.ui.viewmodel.workflow.ManualRunViewModel;
import org.memberdesk.ui.viewmodel.workflow.WorkflowEditorViewModel;
import org.memberdesk.ui.viewmodel.workflow.WorkflowWindows;
import org.memberdesk.ui.viewmodel.workflow.WorkflowsViewModel;

/** The Workflows window, the workflow editor and Run workflow: one of each at a time. */
public final class WorkflowStages implements WorkflowWindows {

    private final Messages messages;
    private final Supplier<Window> owner;
    private Stage workflows;
    private WorkflowsViewModel workflowsModel;
    private Stage editor;
    private Stage manualRun;

    public WorkflowStages(Messages messages, Supplier<Window> owner) {
        this.messages = messages;
        this.owner = owner;
    }

    @Override
    public void showWorkflows(Supplier<WorkflowsViewModel> model) {
        if (Windows.bringToFront(workflows)) {
            refreshRuns(); // opened again: runs since show
            return;
        }
        WorkflowsViewModel viewModel = model.get();
        WorkflowsView view = new WorkflowsView(viewModel, messages);
        workflows = stage(view.root(), 1180, 780, messages.get("workflows.windowTitle"), null);
        Windows.remember(workflows, "workflows");
        AppShortcuts.install(workflows, viewModel::refresh);
        workflows.setOnHidden(event -> {
            viewModel.close();
            workflows = null;
            workflowsModel = null;
        });
        workflowsModel = viewModel;
        workflows.show();
        workflows.requestFocus();
        viewModel.load();
    }

    @Override
    public void showEditor(Supplier<WorkflowEditorViewModel> model) {
        if (Windows.bringToFront(editor)) {
            return;
        }
        WorkflowEditorViewModel viewModel = model.get();
        WorkflowEditorView view = new WorkflowEditorView(viewModel, messages);
        Stage stage = stage(view.root(), 1080, 700, viewModel.titleProperty().get(), workflows);
        Windows.remember(stage, "workflowEditor");
        view.onCancel(stage::close);
        viewModel.savedProperty().addListener((o, before, saved) -> {
            if (saved) {
                stage.close();
            }
        });
        stage.setOnHidden(event -> editor = null);
        editor = stage;
        stage.show();
        stage.requestFocus();
    }

    @Override
    public void showManualRun(Supplier<ManualRunViewModel> model) {
        if (Windows.bringToFront(manualRun)) {
            return;
        }
        ManualRunViewModel viewModel = model.get();
        ManualRunView view = new ManualRunView(viewModel, messages);
        Stage stage = stage(view.root(), 560, 420, messages.get("manualRun.windowTitle"), owner.get());
        Windows.remember(stage, "manualRun");
        view.onClose(stage::close);
        stage.setOnHidden(event -> manualRun = null);
        manualRun = stage;
        stage.show();
        stage.requestFocus();
        viewModel.load();
    }

    @Override
    public void refreshRuns() {
        if (workflowsModel != null) {
            workflowsModel.refresh();
        }
    }

    @Override
    public void closeAll() {
        for (Stage stage : new Stage[] {editor, manualRun, workflows}) {
            if (stage != null) {
                stage.close();
            }
        }
    }

    private Stage stage(Parent root, double width, double height, String title, Window parent) {
        Stage stage = Windows.create(root, width, height, title, parent);
        stage.setMinWidth(520);
        stage.setMinHeight(360);
        return stage;
    }

}
