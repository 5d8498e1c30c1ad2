package org.memberdesk.ui.view.contact;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.view.common.AppShortcuts;
import org.memberdesk.ui.view.common.SettledBounds;
import org.memberdesk.ui.view.common.WindowFit;
import org.memberdesk.ui.view.common.Windows;
import org.memberdesk.ui.viewmodel.contact.ChangePasswordViewModel;
import org.memberdesk.ui.viewmodel.contact.ContactFormViewModel;
import org.memberdesk.ui.viewmodel.contact.ContactViewModel;
import org.memberdesk.ui.viewmodel.contact.ContactWindows;
import org.memberdesk.ui.viewmodel.contact.GrantOfferViewModel;
import org.memberdesk.ui.viewmodel.contact.ResetLinkViewModel;
import org.memberdesk.ui.viewmodel.contact.RevokeOfferViewModel;
import org.memberdesk.ui.viewmodel.contact.UnlockViewModel;

/** The open contact windows, one per contact, and the dialogs of their actions. */
public final class ContactStages implements ContactWindows {

    private static final double WIDTH = 1240;
    private static final double HEIGHT = 760;
    private static final String KIND = "contact";

    private final Messages messages;
    private final Map<UUID, Stage> open = new LinkedHashMap<>();
    private final Map<UUID, ContactViewModel> models = new LinkedHashMap<>();

    private final Supplier<Window> mainWindow;

    public ContactStages(Messages messages) {
        this(messages, () -> null);
    }

    /** Contact windows cascade from {@code mainWindow} (and from each other) instead of covering it. */
    public ContactStages(Messages messages, Supplier<Window> mainWindow) {
        this.messages = messages;
        this.mainWindow = mainWindow;
    }

    @Override
    public void show(UUID contactId, Supplier<ContactViewModel> model) {
        if (Windows.bringToFront(open.get(contactId))) {
            refresh(contactId); // opened again: what it shows is read anew
            return;
        }
        ContactViewModel viewModel = model.get();
        ContactView view = new ContactView(viewModel, messages);
        Stage stage = Windows.create(view.root(), WIDTH, HEIGHT, "", null);
        stage.titleProperty().bind(viewModel.titleProperty());
        stage.setMinWidth(Math.min(720, stage.getScene().getWidth()));
        stage.setMinHeight(Math.min(420, stage.getScene().getHeight()));
        cascade(stage);
        AppShortcuts.install(stage, viewModel::refresh);
        stage.setOnHidden(event -> {
            open.remove(contactId);
            models.remove(contactId);
            viewModel.close();
        });
        open.put(contactId, stage);
        models.put(contactId, viewModel);
        stage.show();
        stage.requestFocus();
    }

    /** Below and right of the main window, one step further for each contact window already open. */
    private void cascade(Stage stage) {
        Optional<WindowFit.Box> remembered = Windows.recall(KIND);
        double width = remembered.map(WindowFit.Box::width).orElse(stage.getScene().getWidth());
        double height = remembered.map(WindowFit.Box::height).orElse(stage.getScene().getHeight());
        Window main = mainWindow.get();
        WindowFit.Box screen = Windows.primaryScreen();
        WindowFit.Box anchor = main != null && main.isShowing()
                ? new WindowFit.Box(main.getX(), main.getY(), main.getWidth(), main.getHeight())
                : new WindowFit.Box(screen.x(), screen.y(), width, height);
        WindowFit.Box place = WindowFit.cascade(anchor, open.size() + 1, width, height,
                stage.getMinWidth(), stage.getMinHeight(), screen);
        stage.setX(place.x());
        stage.setY(place.y());
        stage.setWidth(place.width());
        stage.setHeight(place.height());
        SettledBounds.hold(stage, place);
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, event -> Windows.rememberSize(KIND, stage));
    }

    @Override
    public void showResetLink(UUID contactId, ResetLinkViewModel model) {
        ActionDialogStage.show(owner(contactId), new ResetLinkView(model, messages).root(), model, 600, 720);
    }

    @Override
    public void showChangePassword(UUID contactId, ChangePasswordViewModel model) {
        ActionDialogStage.show(owner(contactId), new ChangePasswordView(model, messages).root(), model, 620, 580);
    }

    @Override
    public void showGrantOffer(UUID contactId, GrantOfferViewModel model) {
        ActionDialogStage.show(owner(contactId), new GrantOfferView(model, messages).root(), model, 520, 350);
    }

    @Override
    public void showRevokeOffer(UUID contactId, RevokeOfferViewModel model) {
        ActionDialogStage.show(owner(contactId), new RevokeOfferView(model, messages).root(), model, 520, 350);
    }

    @Override
    public void showUnlock(UUID contactId, UnlockViewModel model) {
        ActionDialogStage.show(owner(contactId), new UnlockView(model, messages).root(), model, 520, 380);
    }

    @Override
    public void showContactForm(UUID contactId, ContactFormViewModel model) {
        ContactFormView view = new ContactFormView(model, messages);
        Stage stage = ActionDialogStage.show(owner(contactId), view.root(), model, 500, 380);
        // a new address adds the caller-verification section, maybe a typo warning or a refusal: the
        // dialog grows to show them with Save
        model.emailChanging().addListener((o, was, now) -> ActionDialogStage.growToFit(stage));
        model.emailWarning().addListener((o, was, now) -> ActionDialogStage.growToFit(stage));
        model.errorProperty().addListener((o, was, now) -> ActionDialogStage.growToFit(stage));
        view.focusFirstField();
    }

    /** The contact's window; for no contact (New contact) the window the agent works in. */
    private Window owner(UUID contactId) {
        Stage stage = contactId == null ? null : open.get(contactId);
        if (stage != null) {
            return stage;
        }
        return Windows.focusedOr(Window.getWindows().isEmpty() ? null : Window.getWindows().get(0));
    }

    @Override
    public void refresh(UUID contactId) {
        ContactViewModel viewModel = models.get(contactId);
        if (viewModel != null) {
            viewModel.refresh();
        }
    }

    @Override
    public void refreshAll() {
        List.copyOf(models.values()).forEach(ContactViewModel::refresh);
    }

    @Override
    public void closeAll() {
        List.copyOf(open.values()).forEach(Stage::close);
    }
}
