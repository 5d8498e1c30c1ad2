package org.memberdesk.ui.viewmodel.console;

import java.util.Map;
import java.util.concurrent.Callable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.memberdesk.service.storage.ConsolePreferences;
import org.memberdesk.ui.common.BackgroundExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * View → Theme (System, Light, Dark) and View → Presenter mode, remembered in the data directory.
 * "System" follows what the operating system says where that can be found out, else light. The
 * view applies {@link #darkProperty()} and {@link #presenterProperty()} to every window.
 */
public final class AppearanceViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(AppearanceViewModel.class);

    private final ConsolePreferences preferences;
    private final BackgroundExecutor executor;
    private final Callable<Boolean> systemPrefersDark;

    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme", Theme.SYSTEM);
    private final BooleanProperty presenter = new SimpleBooleanProperty(this, "presenter");
    private final ReadOnlyBooleanWrapper dark = new ReadOnlyBooleanWrapper(this, "dark");
    private boolean systemDark;
    private boolean loaded;

    public AppearanceViewModel(ConsolePreferences preferences, BackgroundExecutor executor,
                               Callable<Boolean> systemPrefersDark) {
        this.preferences = preferences;
        this.executor = executor;
        this.systemPrefersDark = systemPrefersDark;
        theme.addListener((o, before, now) -> {
            if (now == null) {
                theme.set(Theme.SYSTEM);
                return;
            }
            updateDark();
            remember(ConsolePreferences.THEME, now.code());
        });
        presenter.addListener((o, before, now) -> remember(ConsolePreferences.PRESENTER, Boolean.toString(now)));
    }

    /** Reads the remembered choices (and, for "System", the OS's) in the background. */
    public void load() {
        executor.submit(() -> {
            Map<String, String> stored = preferences.load();
            boolean osDark;
            try {
                osDark = Boolean.TRUE.equals(systemPrefersDark.call());
            } catch (Exception e) {
                osDark = false;
            }
            return new Loaded(Theme.of(stored.get(ConsolePreferences.THEME)),
                    Boolean.parseBoolean(stored.get(ConsolePreferences.PRESENTER)), osDark);
        }, loadedValues -> {
            systemDark = loadedValues.systemDark();
            theme.set(loadedValues.theme());
            presenter.set(loadedValues.presenter());
            updateDark();
            loaded = true;
        }, failure -> {
            LOG.warn("cannot read the console preferences", failure);
            loaded = true;
        });
    }

    public void togglePresenter() {
        presenter.set(!presenter.get());
    }

    private void updateDark() {
        Theme current = theme.get();
        dark.set(current == Theme.DARK || (current == Theme.SYSTEM && systemDark));
    }

    private void remember(String key, String value) {
        if (!loaded) {
            return;
        }
        executor.submit(() -> {
            preferences.put(key, value);
            return null;
        }, saved -> { }, failure -> LOG.warn("cannot save the console preference {}", key, failure));
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public BooleanProperty presenterProperty() {
        return presenter;
    }

    /** True when the dark theme is to show (Dark, or System on a dark desktop). */
    public ReadOnlyBooleanProperty darkProperty() {
        return dark.getReadOnlyProperty();
    }

    private record Loaded(Theme theme, boolean presenter, boolean systemDark) {
    }
}
