package org.memberdesk.ui.viewmodel.insight;

import java.util.Objects;
import java.util.UUID;

/**
 * The console's "why can't they log in?" side for an open data directory: Diagnose for a contact,
 * the Activity log and Import contacts from CSV.
 */
public final class InsightViewModel {

    private final InsightBackend backend;
    private final InsightTools tools;
    private final InsightWindows windows;

    public InsightViewModel(InsightBackend backend, InsightTools tools, InsightWindows windows) {
        this.backend = Objects.requireNonNull(backend);
        this.tools = Objects.requireNonNull(tools);
        this.windows = Objects.requireNonNull(windows);
    }

    /** Opens the Diagnose window of a contact, asking its window to reload after a fix. */
    public void diagnose(UUID contactId, String name, DiagnoseViewModel.ContactHooks contact) {
        windows.showDiagnose(contactId, () -> {
            DiagnoseViewModel model = new DiagnoseViewModel(backend, contactId, name, contact, tools);
            model.load();
            return model;
        });
    }

    public void openActivity() {
        windows.showActivity(() -> {
            ActivityViewModel model = new ActivityViewModel(backend.activity(), backend.zone(), tools);
            model.load();
            return model;
        });
    }

    /** Opens Import contacts; {@code onImported} runs on the UI thread after each import that wrote rows. */
    public void openImport(Runnable onImported) {
        windows.showImport(() -> new ImportViewModel(backend.contactImport(), tools, onImported));
    }
}
