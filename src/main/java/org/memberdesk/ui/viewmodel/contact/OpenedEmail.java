package org.memberdesk.ui.viewmodel.contact;

import java.util.List;
import java.util.UUID;
import org.memberdesk.ui.viewmodel.Tone;

/**
 * One email opened in Email History: its stored bodies (links in them shown hidden) and how its
 * delivery went, in words.
 *
 * @param nextTry when the next attempt is due, or a dash when none is planned
 * @param links   the links minted for it; a single "minted when sent" line before it went out
 */
public record OpenedEmail(UUID id, String subject, String recipient, String kind, String about, String status,
                          Tone statusTone, boolean original, String sentBy, String created, String sent,
                          String attempts, String nextTry, String reply, String messageId, String html, String text,
                          List<LinkLine> links, boolean retryable) {
}
