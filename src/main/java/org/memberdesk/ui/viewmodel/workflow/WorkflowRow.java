package org.memberdesk.ui.viewmodel.workflow;

import org.memberdesk.ui.viewmodel.Tone;

/** One line of the Workflows list. */
public record WorkflowRow(String name, boolean enabled, String state, Tone stateTone, String trigger, String summary,
                          String runs, String lastRun, boolean manual) {
}
