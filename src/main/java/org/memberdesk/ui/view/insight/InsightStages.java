package org.memberdesk.ui.view.insight;

import java.net.URL;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import javafx.scene.Parent;
import javafx.stage.Stage;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.view.common.AppShortcuts;
import org.memberdesk.ui.view.common.Windows;
import org.memberdesk.ui.viewmodel.insight.ActivityViewModel;
import org.memberdesk.ui.viewmodel.insight.DiagnoseViewModel;
import org.memberdesk.ui.viewmodel.insight.ImportViewModel;
import org.memberdesk.ui.viewmodel.insight.InsightWindows;

/** The Diagnose windows (one per contact), the Activity window and the Import contacts window. */
public final class InsightStages implements InsightWindows {

    private static final String CSS = "insight.css";

    private final Messages messages;
    private final Map<UUID, Stage> diagnose = new LinkedHashMap<>();
    private final Map<UUID, DiagnoseViewModel> diagnoseModels = new LinkedHashMap<>();
    private Stage activity;
    private ActivityViewModel activityModel;
    private Stage importer;

    public InsightStages(Messages messages) {
        this.messages = messages;
    }

    @Override
    public void showDiagnose(UUID contactId, Supplier<DiagnoseViewModel> model) {
        if (Windows.bringToFront(diagnose.get(contactId))) {
            return;
        }
        DiagnoseViewModel viewModel = model.get();
        DiagnoseView view = new DiagnoseView(viewModel, messages);
        Stage stage = stage(view.root(), 760, 640, "");
        Windows.remember(stage, "diagnose");
        stage.titleProperty().bind(viewModel.contactNameProperty().map(name ->
                messages.get("diagnose.windowTitle", name)));
        view.setOnClose(stage::close);
        AppShortcuts.install(stage, viewModel::checkAgain);
        stage.setOnHidden(event -> {
            diagnose.remove(contactId);
            diagnoseModels.remove(contactId);
            viewModel.close();
        });
        diagnose.put(contactId, stage);
        diagnoseModels.put(contactId, viewModel);
        stage.show();
        stage.requestFocus();
    }

    @Override
    public void showActivity(Supplier<ActivityViewModel> model) {
        if (Windows.bringToFront(activity)) {
            refreshActivity(); // opened again: events recorded since show
            return;
        }
        ActivityViewModel viewModel = model.get();
        ActivityView view = new ActivityView(viewModel, messages);
        Stage stage = stage(view.root(), 1180, 700, messages.get("activity.windowTitle"));
        Windows.remember(stage, "activity");
        AppShortcuts.install(stage, viewModel::refresh);
        stage.setOnHidden(event -> {
            viewModel.close();
            activity = null;
            activityModel = null;
        });
        activity = stage;
        activityModel = viewModel;
        stage.show();
        stage.requestFocus();
    }

    @Override
    public void showImport(Supplier<ImportViewModel> model) {
        if (Windows.bringToFront(importer)) {
            return;
        }
        ImportViewModel viewModel = model.get();
        ImportView view = new ImportView(viewModel, messages);
        Stage stage = stage(view.root(), 900, 640, messages.get("import.windowTitle"));
        Windows.remember(stage, "import");
        view.setOnClose(stage::close);
        stage.setOnHidden(event -> {
            viewModel.close();
            importer = null;
        });
        importer = stage;
        stage.show();
        stage.requestFocus();
    }

    @Override
    public void refreshActivity() {
        if (activityModel != null) {
            activityModel.refresh();
        }
    }

    @Override
    public void diagnosisOutOfDate(UUID contactId) {
        DiagnoseViewModel viewModel = diagnoseModels.get(contactId);
        if (viewModel != null) {
            viewModel.markOutOfDate(contactId);
        }
    }

    @Override
    public void diagnosisMayBeOutOfDate() {
        List.copyOf(diagnoseModels.values()).forEach(DiagnoseViewModel::mayBeOutOfDate);
    }

    @Override
    public void closeAll() {
        List.copyOf(diagnose.values()).forEach(Stage::close);
        if (activity != null) {
            activity.close();
        }
        if (importer != null) {
            importer.close();
        }
    }

    private Stage stage(Parent root, double width, double height, String title) {
        Stage stage = Windows.create(root, width, height, title, null);
        URL css = InsightStages.class.getResource(CSS);
        if (css != null) {
            stage.getScene().getStylesheets().add(css.toExternalForm());
        }
        stage.setMinWidth(560);
        stage.setMinHeight(380);
        return stage;
    }

}
