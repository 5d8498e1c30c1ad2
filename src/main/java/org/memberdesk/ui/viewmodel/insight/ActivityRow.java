package org.memberdesk.ui.viewmodel.insight;

import org.memberdesk.ui.viewmodel.Tone;

/** One audit event as the Activity window lists it. */
public record ActivityRow(String time, String agent, String action, String contact, String detail, String outcome,
                          Tone outcomeTone) {
}
