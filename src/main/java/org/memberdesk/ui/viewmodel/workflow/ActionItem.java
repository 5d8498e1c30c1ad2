package org.memberdesk.ui.viewmodel.workflow;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.memberdesk.service.workflow.ActionKind;
import org.memberdesk.service.workflow.ActionSpec;
import org.memberdesk.service.workflow.WelcomeFor;

/** One step of the editor's form: the action and its options; which options matter follows the action. */
public final class ActionItem {

    private final ObjectProperty<Choice> kind = new SimpleObjectProperty<>(this, "kind");
    private final ObjectProperty<Choice> welcomeFor = new SimpleObjectProperty<>(this, "welcomeFor");
    private final StringProperty offer = new SimpleStringProperty(this, "offer", "");
    private final StringProperty tag = new SimpleStringProperty(this, "tag", "");
    private final StringProperty note = new SimpleStringProperty(this, "note", "");
    private final StringProperty waitAmount = new SimpleStringProperty(this, "waitAmount", "");
    private final ObjectProperty<Choice> waitUnit = new SimpleObjectProperty<>(this, "waitUnit");
    private final StringProperty linkHours = new SimpleStringProperty(this, "linkHours", "");
    private final BooleanBinding showsWelcomeFor = is(ActionKind.SEND_WELCOME);
    private final BooleanBinding showsOffer;
    private final BooleanBinding showsTag = is(ActionKind.ADD_TAG, ActionKind.REMOVE_TAG);
    private final BooleanBinding showsNote = is(ActionKind.ADD_NOTE);
    private final BooleanBinding showsWait = is(ActionKind.WAIT);
    private final BooleanBinding showsLinkHours = is(ActionKind.SEND_RESET_LINK);

    ActionItem(Choice kind, Choice welcomeFor, Choice waitUnit) {
        this.kind.set(kind);
        this.welcomeFor.set(welcomeFor);
        this.waitUnit.set(waitUnit);
        this.showsOffer = Bindings.createBooleanBinding(() -> showsWelcomeFor.get() && this.welcomeFor.get() != null
                && this.welcomeFor.get().value() == WelcomeFor.CHOSEN_OFFER, showsWelcomeFor, this.welcomeFor);
    }

    ActionSpec spec() {
        ActionKind k = kind.get() == null ? null : kind.get().as(ActionKind.class);
        WelcomeFor w = welcomeFor.get() == null ? null : welcomeFor.get().as(WelcomeFor.class);
        return new ActionSpec(k, w, WorkflowForms.text(offer.get()), WorkflowForms.text(tag.get()),
                WorkflowForms.text(note.get()), duration(), WorkflowForms.number(linkHours.get())).normalized();
    }

    private Duration duration() {
        Integer amount = WorkflowForms.number(waitAmount.get());
        if (amount == null || waitUnit.get() == null) {
            return null;
        }
        return WorkflowForms.duration(amount, waitUnit.get().as(ChronoUnit.class));
    }

    private BooleanBinding is(ActionKind... kinds) {
        return Bindings.createBooleanBinding(() -> {
            Choice c = kind.get();
            for (ActionKind k : kinds) {
                if (c != null && c.value() == k) {
                    return true;
                }
            }
            return false;
        }, kind);
    }

    public ObjectProperty<Choice> kindProperty() {
        return kind;
    }

    /** Send Membership Welcome Email: for the triggering offer, a chosen offer or every active offer. */
    public ObjectProperty<Choice> welcomeForProperty() {
        return welcomeFor;
    }

    public StringProperty offerProperty() {
        return offer;
    }

    public StringProperty tagProperty() {
        return tag;
    }

    public StringProperty noteProperty() {
        return note;
    }

    public StringProperty waitAmountProperty() {
        return waitAmount;
    }

    public ObjectProperty<Choice> waitUnitProperty() {
        return waitUnit;
    }

    /** Send Reset Link: how many hours the link is valid (empty: the default). */
    public StringProperty linkHoursProperty() {
        return linkHours;
    }

    public BooleanBinding showsWelcomeForProperty() {
        return showsWelcomeFor;
    }

    public BooleanBinding showsOfferProperty() {
        return showsOffer;
    }

    public BooleanBinding showsTagProperty() {
        return showsTag;
    }

    public BooleanBinding showsNoteProperty() {
        return showsNote;
    }

    public BooleanBinding showsWaitProperty() {
        return showsWait;
    }

    public BooleanBinding showsLinkHoursProperty() {
        return showsLinkHours;
    }
}
