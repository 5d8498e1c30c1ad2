package org.memberdesk.persistence;

import java.time.Instant;
import java.util.UUID;

/**
 * One row of the change feed: what kind of thing changed ({@code kind}, a code such as
 * "credential"), whose (the contact, null when many or none), which other aggregate (an offer's or
 * a workflow's id, a setting's key) and when it was committed.
 */
public record ChangeEntry(long seq, String kind, UUID contactId, UUID subjectId, String settingKey, Instant at) {
}
