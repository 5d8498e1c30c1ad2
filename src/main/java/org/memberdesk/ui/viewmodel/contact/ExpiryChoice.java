package org.memberdesk.ui.viewmodel.contact;

import java.time.Duration;

/** How long a reset link lasts, as a choice in a list; {@code toString} is the label. */
public record ExpiryChoice(int hours, String label) {

    public Duration duration() {
        return Duration.ofHours(hours);
    }

    @Override
    public String toString() {
        return label;
    }
}
