package org.memberdesk.ui.viewmodel.workflow;

/** One entry of a drop-down in the workflow forms: a code the view model knows and the label shown. */
public record Choice(String code, String label) {

    @Override
    public String toString() {
        return label;
    }
}
