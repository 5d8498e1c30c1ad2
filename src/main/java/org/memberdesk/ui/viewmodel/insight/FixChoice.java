package org.memberdesk.ui.viewmodel.insight;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.memberdesk.service.diagnostics.Fix;

/**
 * One fix button of a finding. A fix that changes the email address takes the corrected address
 * in {@link #inputProperty()} (pre-filled with the suggestion when there is one).
 */
public final class FixChoice {

    private final Fix fix;
    private final String label;
    private final boolean recommended;
    private final StringProperty input = new SimpleStringProperty(this, "input", "");

    FixChoice(Fix fix, String label, boolean recommended) {
        this.fix = fix;
        this.label = label;
        this.recommended = recommended;
        String suggested = fix.params().get("suggested");
        input.set(suggested == null ? "" : suggested);
    }

    public String label() {
        return label;
    }

    public Fix.Action action() {
        return fix.action();
    }

    /** The first fix of its finding: the one to press. */
    public boolean recommended() {
        return recommended;
    }

    /** True for the fix that needs a corrected email address typed in. */
    public boolean needsInput() {
        return fix.action() == Fix.Action.EDIT_EMAIL;
    }

    public StringProperty inputProperty() {
        return input;
    }

    Fix fix() {
        return fix;
    }
}
