package org.memberdesk.ui.view.console;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.Parent;
import javafx.scene.control.TextInputDialog;
import javafx.scene.input.KeyCombination;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.view.common.Windows;
import org.memberdesk.ui.viewmodel.console.About;
import org.memberdesk.ui.viewmodel.console.DatabaseSettingsViewModel;
import org.memberdesk.ui.viewmodel.console.ShellWindows;
import org.memberdesk.ui.viewmodel.console.Shortcut;
import org.memberdesk.ui.viewmodel.console.WelcomeViewModel;

/** The main window's own dialogs: welcome (modal), agent name, Settings → Database, keyboard shortcuts and About. */
public final class ShellStages implements ShellWindows {

    private final Messages messages;
    private final Supplier<Window> owner;
    private Stage welcome;
    private Stage shortcuts;
    private Stage about;
    private Stage database;

    public ShellStages(Messages messages, Supplier<Window> owner) {
        this.messages = messages;
        this.owner = owner;
    }

    @Override
    public void showWelcome(WelcomeViewModel model) {
        WelcomeView view = new WelcomeView(model, messages);
        welcome = stage(view.root(), 520, messages.get("welcome.windowTitle"));
        welcome.initModality(Modality.WINDOW_MODAL);
        welcome.setResizable(false);
        model.doneProperty().addListener((o, before, done) -> {
            if (done && welcome != null) {
                welcome.close();
            }
        });
        welcome.setOnHidden(event -> {
            welcome = null;
            model.dismiss();
        });
        welcome.show();
        welcome.requestFocus();
        view.focusName();
    }

    @Override
    public Optional<String> askText(String title, String question, String label, String initial) {
        TextInputDialog dialog = new TextInputDialog(initial);
        dialog.setTitle(title);
        dialog.setHeaderText(question);
        dialog.setContentText(label);
        Window parent = owner.get();
        if (parent != null && parent.isShowing()) {
            dialog.initOwner(parent);
        }
        return dialog.showAndWait();
    }

    @Override
    public void showDatabaseSettings(DatabaseSettingsViewModel model) {
        if (Windows.bringToFront(database)) {
            return;
        }
        DatabaseSettingsView view = new DatabaseSettingsView(model, messages);
        // a set height: measured from its wrapped hints before they wrap, the window came out too short
        database = stage(view.root(), 640, 580, messages.get("database.windowTitle"));
        Windows.remember(database, "database");
        database.setOnHidden(event -> database = null);
        database.show();
        database.requestFocus();
        view.focusFirstField();
        model.load();
    }

    @Override
    public void showShortcuts(List<Shortcut> list) {
        if (Windows.bringToFront(shortcuts)) {
            return;
        }
        shortcuts = stage(new ShortcutsView(list, messages).root(), 480, messages.get("shortcuts.windowTitle"));
        Windows.remember(shortcuts, "shortcuts");
        shortcuts.setOnHidden(event -> shortcuts = null);
        shortcuts.show();
    }

    @Override
    public void showAbout(About info) {
        if (about != null) {
            about.close();
        }
        about = stage(new AboutView(info, messages).root(), 520, messages.get("about.windowTitle"));
        about.setResizable(false);
        about.setOnHidden(event -> about = null);
        about.show();
    }

    public void closeAll() {
        for (Stage stage : new Stage[] {shortcuts, about, database}) {
            if (stage != null) {
                stage.close();
            }
        }
    }

    private Stage stage(Parent root, double width, String title) {
        return stage(root, width, -1, title);
    }

    private Stage stage(Parent root, double width, double height, String title) {
        root.getStyleClass().add("shell-dialog");
        Stage stage = Windows.create(root, width, height, title, owner.get());
        stage.getScene().getAccelerators().put(KeyCombination.keyCombination("Esc"), stage::close);
        return stage;
    }

}
