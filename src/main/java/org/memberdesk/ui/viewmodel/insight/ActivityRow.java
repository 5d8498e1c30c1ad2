package org.memberdesk.ui.viewmodel.insight;

import org.memberdesk.ui.viewmodel.Tone;

/**
 * One audit event as the Activity window lists it: {@code action} is the recorded code (what filters,
 * JSON and CSV use), {@code actionText} the agent's words for it.
 */
public record ActivityRow(String time, String agent, String action, String actionText, String contact, String detail,
                          String outcome, Tone outcomeTone) {
}
