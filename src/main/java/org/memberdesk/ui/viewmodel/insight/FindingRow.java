package org.memberdesk.ui.viewmodel.insight;

import java.util.List;
import org.memberdesk.ui.viewmodel.Tone;

/**
 * One finding as the Diagnose window shows it: severity badge, the sentence, its evidence as
 * "name: value" lines and its fixes, the recommended one first.
 *
 * @param code stable id of the finding (for tests and look-ups)
 */
public record FindingRow(String code, String severity, Tone tone, String message, List<String> evidence,
                         List<FixChoice> fixes) {
}
