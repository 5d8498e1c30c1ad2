package org.memberdesk.ui.viewmodel.insight;

import java.util.Objects;
import java.util.UUID;
import org.memberdesk.service.Services;

/**
 * The console's "why can't they log in?" side for an open data directory: Diagnose for a contact,
 * the Activity log and Import contacts from CSV.
 */
public final class InsightViewModel {

    // Diagnose reads contacts, offers and groups, runs the diagnostics and applies their fixes.
    private final Services services;
    private final InsightTools tools;
    private final InsightWindows windows;

    public InsightViewModel(Services services, InsightTools tools, InsightWindows windows) {
        this.services = Objects.requireNonNull(services);
        this.tools = Objects.requireNonNull(tools);
        this.windows = Objects.requireNonNull(windows);
    }

    /** Opens the Diagnose window of a contact, asking its window to reload after a fix. */
    public void diagnose(UUID contactId, String name, DiagnoseViewModel.ContactHooks contact) {
        windows.showDiagnose(contactId, () -> {
            DiagnoseViewModel model = new DiagnoseViewModel(services, contactId, name, contact, tools);
            model.load();
            return model;
        });
    }

    public void openActivity() {
        windows.showActivity(() -> {
            ActivityViewModel model = new ActivityViewModel(services.activity(), services.clock().getZone(), tools);
            model.load();
            return model;
        });
    }

    /** Opens Import contacts; {@code onImported} runs on the UI thread after each import that wrote rows. */
    public void openImport(Runnable onImported) {
        windows.showImport(() -> new ImportViewModel(services.contactImport(), tools, onImported));
    }
}
