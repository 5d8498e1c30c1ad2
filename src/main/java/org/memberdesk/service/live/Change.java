package org.memberdesk.service.live;

import java.time.Instant;
import java.util.UUID;

/**
 * One committed change: its kind, the contact it concerns (null: none, or many), the other
 * aggregate it concerns (an offer's, a group's or a workflow's id; a setting's key), and when.
 */
public record Change(ChangeKind kind, UUID contactId, UUID subjectId, String settingKey, Instant at) {
}
