package org.memberdesk.ui.viewmodel.workflow;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import org.memberdesk.service.workflow.ActionKind;
import org.memberdesk.service.workflow.FilterKind;
import org.memberdesk.service.workflow.TriggerKind;
import org.memberdesk.service.workflow.WelcomeFor;
import org.memberdesk.ui.common.Messages;

/** The editor's drop-down entries and how its text fields turn into the service's form. */
final class WorkflowForms {

    final List<Choice> triggers;
    final List<Choice> filters;
    final List<Choice> actions;
    final List<Choice> welcomeFor;
    final List<Choice> waitUnits;

    WorkflowForms(Messages messages) {
        triggers = Arrays.stream(TriggerKind.values()).map(k -> new Choice(k, k.label())).toList();
        filters = Arrays.stream(FilterKind.values())
                .map(k -> new Choice(k, messages.get("editor.filter." + k.code()))).toList();
        actions = Arrays.stream(ActionKind.values()).map(k -> new Choice(k, k.label())).toList();
        welcomeFor = Arrays.stream(WelcomeFor.values())
                .map(w -> new Choice(w, messages.get("editor.welcomeFor." + w.code()))).toList();
        waitUnits = List.of(new Choice(ChronoUnit.MINUTES, messages.get("editor.unit.minutes")),
                new Choice(ChronoUnit.HOURS, messages.get("editor.unit.hours")),
                new Choice(ChronoUnit.DAYS, messages.get("editor.unit.days")));
    }

    static Choice find(List<Choice> choices, Enum<?> value) {
        return choices.stream().filter(c -> c.value() == value).findFirst().orElse(null);
    }

    /** The field's text trimmed, or null when it is empty. */
    static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** The field as a whole number, or null when it is empty or not a number (the service then says what it needs). */
    static Integer number(String value) {
        String t = text(value);
        if (t == null) {
            return null;
        }
        try {
            return Integer.valueOf(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Duration duration(int amount, ChronoUnit unit) {
        return Duration.of(amount, unit);
    }
}
