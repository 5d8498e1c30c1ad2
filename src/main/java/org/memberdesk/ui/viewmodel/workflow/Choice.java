package org.memberdesk.ui.viewmodel.workflow;

/**
 * One entry of a drop-down in the workflow forms: the value it stands for (a {@code TriggerKind},
 * an {@code ActionKind}, a wait's {@code ChronoUnit}…) and the label shown.
 */
public record Choice(Enum<?> value, String label) {

    /** The value as the enum its drop-down holds. */
    <E extends Enum<E>> E as(Class<E> type) {
        return type.cast(value);
    }

    @Override
    public String toString() {
        return label;
    }
}
