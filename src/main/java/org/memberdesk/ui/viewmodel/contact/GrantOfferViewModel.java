package org.memberdesk.ui.viewmodel.contact;

import java.time.LocalDate;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.memberdesk.service.Actor;
import org.memberdesk.service.offers.GrantResult;
import org.memberdesk.service.offers.OfferService;
import org.memberdesk.service.offers.OfferView;

/**
 * Grant offer: pick one of the offers, optionally the last day of access. Granting fires "Offer
 * Access Granted", so the welcome workflow runs as for any new member.
 */
public final class GrantOfferViewModel extends ActionDialogViewModel {

    private final OfferService offers;
    private final String contactEmail;
    private final Set<String> activeOffers;
    private final Actor agent;
    private final Consumer<GrantResult> onGranted;

    private final ObservableList<OfferChoice> choices = FXCollections.observableArrayList();
    private final ObjectProperty<OfferChoice> offer = new SimpleObjectProperty<>(this, "offer");
    private final ObjectProperty<LocalDate> until = new SimpleObjectProperty<>(this, "until");
    private final BooleanBinding canGrant;

    GrantOfferViewModel(OfferService offers, String contactEmail, Set<String> activeOffers,
                        EmailHistoryViewModel.Tools tools, Consumer<GrantResult> onGranted) {
        super(tools.executor(), tools.messages(), tools.messages().get("grant.title", contactEmail),
                tools.messages().get("actions.grant.when"));
        this.offers = offers;
        this.contactEmail = contactEmail;
        this.activeOffers = Set.copyOf(activeOffers);
        this.agent = tools.agent();
        this.onGranted = onGranted;
        canGrant = offer.isNotNull().and(busyProperty().not());
    }

    /** Reads the offers; the first one the contact does not have yet is chosen. */
    public void load() {
        run(offers::list, found -> {
            choices.setAll(found.stream().map(this::choice).toList());
            offer.set(choices.stream().filter(c -> !c.active()).findFirst()
                    .orElse(choices.isEmpty() ? null : choices.get(0)));
            if (choices.isEmpty()) {
                showError(messages.get("grant.noOffers"));
            }
        });
    }

    private OfferChoice choice(OfferView view) {
        boolean active = activeOffers.contains(view.name());
        return new OfferChoice(view.name(), active ? messages.get("grant.alreadyActive", view.name()) : view.name(),
                active);
    }

    public void grant() {
        if (!canGrant.get()) {
            return;
        }
        String name = offer.get().name();
        LocalDate last = until.get();
        run(() -> offers.grant(contactEmail, name, last, agent), result -> {
            finish();
            onGranted.accept(result);
        });
    }

    public ObservableList<OfferChoice> choices() {
        return choices;
    }

    public ObjectProperty<OfferChoice> offerProperty() {
        return offer;
    }

    /** The last day of access; null for no end. */
    public ObjectProperty<LocalDate> untilProperty() {
        return until;
    }

    public ObservableBooleanValue canGrant() {
        return canGrant;
    }
}
