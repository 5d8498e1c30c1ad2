package org.memberdesk.ui.viewmodel.contact;

/**
 * One choice of an Email History filter: an email kind or status with its label; "All" has none.
 * {@code toString} is the label, so a combo box shows it as it is.
 */
public record EmailFilter(Enum<?> value, String label) {

    public boolean matches(Enum<?> candidate) {
        return value == null || value == candidate;
    }

    @Override
    public String toString() {
        return label;
    }
}
