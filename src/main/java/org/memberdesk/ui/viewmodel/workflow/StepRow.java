package org.memberdesk.ui.viewmodel.workflow;

import org.memberdesk.ui.viewmodel.Tone;

/** One filter or action of a run: "2", "Send Reset Link", "Done", "queued reset link email", "2 Mar 2026, 09:00". */
public record StepRow(String number, String step, String status, Tone statusTone, String outcome, String time) {
}
