package org.memberdesk.ui.viewmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.memberdesk.ui.viewmodel.insight.ActivityViewModel;
import org.memberdesk.ui.viewmodel.insight.DiagnoseViewModel;
import org.memberdesk.ui.viewmodel.insight.ImportViewModel;
import org.memberdesk.ui.viewmodel.insight.InsightWindows;

/** Keeps the view models of the Diagnose, Activity and Import windows the console asked to show, without showing any. */
public final class RecordingInsightWindows implements InsightWindows {

    /** How often the windows were all closed. */
    public int closedAll;

    public final List<UUID> diagnoseIds = new ArrayList<>();
    public final List<DiagnoseViewModel> diagnose = new ArrayList<>();
    public final List<ActivityViewModel> activity = new ArrayList<>();
    public final List<ImportViewModel> imports = new ArrayList<>();

    @Override
    public void showDiagnose(UUID contactId, Supplier<DiagnoseViewModel> model) {
        diagnoseIds.add(contactId);
        diagnose.add(model.get());
    }

    @Override
    public void showActivity(Supplier<ActivityViewModel> model) {
        activity.add(model.get());
    }

    @Override
    public void showImport(Supplier<ImportViewModel> model) {
        imports.add(model.get());
    }

    @Override
    public void refreshActivity() {
        activity.forEach(ActivityViewModel::refresh);
    }

    @Override
    public void diagnosisOutOfDate(UUID contactId) {
        diagnose.forEach(model -> model.markOutOfDate(contactId));
    }

    @Override
    public void diagnosisMayBeOutOfDate() {
        diagnose.forEach(DiagnoseViewModel::mayBeOutOfDate);
    }

    @Override
    public void closeAll() {
        closedAll++;
    }
}
