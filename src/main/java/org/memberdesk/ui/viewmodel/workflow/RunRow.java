package org.memberdesk.ui.viewmodel.workflow;

import java.util.List;
import java.util.UUID;
import org.memberdesk.ui.viewmodel.Tone;

/** One run of a workflow for one contact, as the run log shows it, with its steps. */
public record RunRow(UUID id, String started, String contact, String mode, String status, Tone statusTone,
                     String finished, String outcome, List<StepRow> steps) {
}
