package org.memberdesk.ui.viewmodel.contact;

/**
 * One choice of an Email History filter: a kind or status code with its label; "All" has no code.
 * {@code toString} is the label, so a combo box shows it as it is.
 */
public record EmailFilter(String code, String label) {

    public boolean matches(String value) {
        return code == null || code.equals(value);
    }

    @Override
    public String toString() {
        return label;
    }
}
