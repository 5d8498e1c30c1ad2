package org.memberdesk.ui.viewmodel.contact;

import org.memberdesk.ui.viewmodel.Tone;

/**
 * The link an email carries, as the detail pane shows it: what it is for, its state now (live,
 * used, expired, superseded) and its dates. Never the token.
 */
public record LinkLine(String purpose, String state, Tone stateTone, String dates) {
}
