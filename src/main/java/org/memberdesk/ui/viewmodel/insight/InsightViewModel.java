package org.memberdesk.ui.viewmodel.insight;

import java.util.Objects;
import java.util.UUID;
import org.memberdesk.ui.viewmodel.DeliveryFeed;

/**
 * The console's "why can't they log in?" side for an open data directory: Diagnose for a contact,
 * the Activity log and Import contacts from CSV.
 */
public final class InsightViewModel {

    private final InsightBackend backend;
    private final InsightTools tools;
    private final InsightWindows windows;
    private final DeliveryFeed deliveries;

    public InsightViewModel(InsightBackend backend, InsightTools tools, InsightWindows windows) {
        this(backend, tools, windows, new DeliveryFeed(tools.executor()));
    }

    /** As above; a Diagnose window checks again once {@code deliveries} says a fix's email went out. */
    public InsightViewModel(InsightBackend backend, InsightTools tools, InsightWindows windows,
                            DeliveryFeed deliveries) {
        this.backend = Objects.requireNonNull(backend);
        this.tools = Objects.requireNonNull(tools);
        this.windows = Objects.requireNonNull(windows);
        this.deliveries = Objects.requireNonNull(deliveries);
    }

    /** Opens the Diagnose window of a contact, asking its window to reload after a fix. */
    public void diagnose(UUID contactId, String name, DiagnoseViewModel.ContactHooks contact) {
        windows.showDiagnose(contactId, () -> {
            DiagnoseViewModel model = new DiagnoseViewModel(backend, contactId, name, contact, tools, deliveries);
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
