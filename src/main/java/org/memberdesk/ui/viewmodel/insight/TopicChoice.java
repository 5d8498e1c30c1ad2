package org.memberdesk.ui.viewmodel.insight;

/**
 * One entry of a Diagnose question's list: an offer or community group by name, or (name null)
 * "membership in general". {@code toString} is the label, so a combo box shows it as it is.
 *
 * @param theirs the contact has (or had) it, so it is listed first
 */
public record TopicChoice(String name, String label, boolean theirs) {

    @Override
    public String toString() {
        return label;
    }
}
