package org.memberdesk.ui.viewmodel.contact;

import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.memberdesk.service.Actor;
import org.memberdesk.service.offers.GrantResult;
import org.memberdesk.service.offers.OfferService;

/** Revoke: the question, naming the offer and the contact, and a reason kept with the grant. */
public final class RevokeOfferViewModel extends ActionDialogViewModel {

    private final OfferService offers;
    private final String contactEmail;
    private final String offer;
    private final Actor agent;
    private final Consumer<GrantResult> onRevoked;

    private final ReadOnlyStringWrapper question = new ReadOnlyStringWrapper(this, "question", "");
    private final StringProperty reason = new SimpleStringProperty(this, "reason", "");

    RevokeOfferViewModel(OfferService offers, String contactEmail, String offer, EmailHistoryViewModel.Tools tools,
                         Consumer<GrantResult> onRevoked) {
        super(tools.executor(), tools.messages(), tools.messages().get("revoke.title", offer),
                tools.messages().get("actions.revoke.when"));
        this.offers = offers;
        this.contactEmail = contactEmail;
        this.offer = offer;
        this.agent = tools.agent();
        this.onRevoked = onRevoked;
        question.set(messages.get("revoke.question", offer, contactEmail));
    }

    public void revoke() {
        String why = reason.get() == null || reason.get().isBlank() ? null : reason.get().trim();
        run(() -> offers.revoke(contactEmail, offer, why, agent), result -> {
            finish();
            onRevoked.accept(result);
        });
    }

    public ReadOnlyStringProperty questionProperty() {
        return question.getReadOnlyProperty();
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    public String offer() {
        return offer;
    }
}
