package org.memberdesk.ui.view.contact;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.viewmodel.contact.ContactActionsViewModel;
import org.memberdesk.ui.viewmodel.contact.OfferRow;

/**
 * Resend and Revoke next to one offer. Resend works only for an active offer; otherwise it is
 * disabled and its box says why (a disabled button shows no tooltip of its own).
 */
final class OfferActionsCell extends TableCell<OfferRow, OfferRow> {

    private final ContactActionsViewModel actions;
    private final Button resend;
    private final Button revoke;
    private final HBox resendBox;
    private final HBox box;
    private final Tooltip resendTip = new Tooltip();
    private final Tooltip unavailableTip = new Tooltip();

    OfferActionsCell(ContactActionsViewModel actions, Messages messages) {
        this.actions = actions;
        resend = new Button(messages.get("actions.resend").replace("_", ""));
        resend.getStyleClass().addAll("resend-button", "small");
        resend.setMnemonicParsing(false);
        resendTip.setText(messages.get("actions.resend.tooltip"));
        revoke = new Button(messages.get("actions.revoke").replace("_", ""));
        revoke.getStyleClass().addAll("revoke-button", "small", "flat");
        revoke.setMnemonicParsing(false);
        resendBox = new HBox(resend);
        box = new HBox(6, resendBox, revoke);
        box.setAlignment(Pos.CENTER_LEFT);
        resendBox.setAlignment(Pos.CENTER_LEFT);
        setAlignment(Pos.CENTER_LEFT);
        resend.setOnAction(event -> actions.resend(getItem()));
        revoke.setOnAction(event -> actions.revoke(getItem()));
        resend.disableProperty().bind(actions.busyProperty().or(itemProperty().isNull())
                .or(javafx.beans.binding.Bindings.createBooleanBinding(
                        () -> getItem() == null || !getItem().active(), itemProperty())));
    }

    @Override
    protected void updateItem(OfferRow item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            setGraphic(null);
            return;
        }
        String unavailable = actions.resendUnavailable(item);
        if (unavailable.isEmpty()) {
            resend.setTooltip(resendTip);
            Tooltip.uninstall(resendBox, unavailableTip);
            resend.setAccessibleHelp(resendTip.getText());
        } else {
            resend.setTooltip(null);
            unavailableTip.setText(unavailable);
            Tooltip.install(resendBox, unavailableTip);
            resend.setAccessibleHelp(unavailable);
        }
        revoke.setVisible(item.revocable());
        setGraphic(box);
    }
}
