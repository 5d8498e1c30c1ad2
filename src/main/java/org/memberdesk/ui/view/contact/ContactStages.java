package org.memberdesk.ui.view.contact;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import javafx.scene.Scene;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.view.common.Stylesheets;
import org.memberdesk.ui.viewmodel.contact.ContactViewModel;
import org.memberdesk.ui.viewmodel.contact.ContactWindows;

/** The open contact windows, one per contact. */
public final class ContactStages implements ContactWindows {

    private static final double WIDTH = 1240;
    private static final double HEIGHT = 760;

    private final Messages messages;
    private final Map<UUID, Stage> open = new LinkedHashMap<>();

    public ContactStages(Messages messages) {
        this.messages = messages;
    }

    @Override
    public void show(UUID contactId, Supplier<ContactViewModel> model) {
        Stage existing = open.get(contactId);
        if (existing != null) {
            existing.setIconified(false);
            existing.toFront();
            existing.requestFocus();
            return;
        }
        ContactViewModel viewModel = model.get();
        ContactView view = new ContactView(viewModel, messages);
        Stage stage = new Stage();
        Scene scene = new Scene(view.root(), WIDTH, HEIGHT);
        Stylesheets.apply(scene);
        scene.getAccelerators().put(KeyCombination.keyCombination("Shortcut+W"), stage::close);
        stage.setScene(scene);
        stage.titleProperty().bind(viewModel.titleProperty());
        stage.setMinWidth(720);
        stage.setMinHeight(420);
        Stylesheets.decorate(stage);
        stage.setOnHidden(event -> {
            open.remove(contactId);
            viewModel.close();
        });
        open.put(contactId, stage);
        stage.show();
        stage.requestFocus();
    }

    public void closeAll() {
        List.copyOf(open.values()).forEach(Stage::close);
    }
}
