package org.memberdesk.service.workflow;

import java.util.List;
import java.util.Objects;

/**
 * A workflow as the editor and the command line see it: name, state, trigger, ordered filters
 * and ordered actions ("steps"). The form of {@code create} and {@code update}; validated by
 * {@link WorkflowValidator}.
 */
public record WorkflowDefinition(String name, boolean enabled, TriggerSpec trigger, List<FilterSpec> filters,
                                 List<ActionSpec> actions) {

    public WorkflowDefinition {
        filters = filters == null ? List.of() : filters.stream().filter(Objects::nonNull).toList();
        actions = actions == null ? List.of() : actions.stream().filter(Objects::nonNull).toList();
    }

    public WorkflowDefinition withName(String newName) {
        return new WorkflowDefinition(newName, enabled, trigger, filters, actions);
    }

    public WorkflowDefinition withEnabled(boolean newEnabled) {
        return new WorkflowDefinition(name, newEnabled, trigger, filters, actions);
    }

    /** "Offer Access Granted -> Send Membership Welcome Email for the triggering offer". */
    public String summary() {
        StringBuilder s = new StringBuilder(trigger == null ? "no trigger" : trigger.describe());
        for (FilterSpec f : filters) {
            s.append(" | if ").append(f.describe());
        }
        for (ActionSpec a : actions) {
            s.append(" -> ").append(a.describe());
        }
        return s.toString();
    }
}
