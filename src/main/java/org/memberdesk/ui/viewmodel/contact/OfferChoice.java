package org.memberdesk.ui.viewmodel.contact;

/** An offer in the Grant offer list; {@code toString} is the label (marked when already active). */
public record OfferChoice(String name, String label, boolean active) {

    @Override
    public String toString() {
        return label;
    }
}
