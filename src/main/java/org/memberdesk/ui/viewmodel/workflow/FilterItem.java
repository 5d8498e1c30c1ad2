package org.memberdesk.ui.viewmodel.workflow;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.memberdesk.service.workflow.FilterKind;
import org.memberdesk.service.workflow.FilterSpec;

/** One filter of the editor's form: what it checks and its options; which options matter follows the kind. */
public final class FilterItem {

    private final ObjectProperty<Choice> kind = new SimpleObjectProperty<>(this, "kind");
    private final StringProperty offer = new SimpleStringProperty(this, "offer", "");
    private final StringProperty tag = new SimpleStringProperty(this, "tag", "");
    private final StringProperty hours = new SimpleStringProperty(this, "hours", "");
    private final BooleanBinding showsOffer = is(FilterKind.OFFER_IS, FilterKind.NO_RECENT_WELCOME);
    private final BooleanBinding showsTag = is(FilterKind.HAS_TAG, FilterKind.LACKS_TAG);
    private final BooleanBinding showsHours = is(FilterKind.NO_RECENT_WELCOME);

    FilterItem(Choice kind) {
        this.kind.set(kind);
    }

    static FilterItem of(FilterSpec spec, Choice kind) {
        FilterItem item = new FilterItem(kind);
        item.offer.set(spec.offer() == null ? "" : spec.offer());
        item.tag.set(spec.tag() == null ? "" : spec.tag());
        item.hours.set(spec.hours() == null ? "" : String.valueOf(spec.hours()));
        return item;
    }

    FilterSpec spec() {
        FilterKind k = kind.get() == null ? null : kind.get().as(FilterKind.class);
        return new FilterSpec(k, WorkflowForms.text(offer.get()), WorkflowForms.text(tag.get()),
                WorkflowForms.number(hours.get())).normalized();
    }

    private BooleanBinding is(FilterKind... kinds) {
        return Bindings.createBooleanBinding(() -> {
            Choice c = kind.get();
            for (FilterKind k : kinds) {
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

    /** Offer Is: the offer; No Recent Welcome: the offer to look at (empty: the triggering offer). */
    public StringProperty offerProperty() {
        return offer;
    }

    public StringProperty tagProperty() {
        return tag;
    }

    public StringProperty hoursProperty() {
        return hours;
    }

    public BooleanBinding showsOfferProperty() {
        return showsOffer;
    }

    public BooleanBinding showsTagProperty() {
        return showsTag;
    }

    public BooleanBinding showsHoursProperty() {
        return showsHours;
    }
}
