package org.memberdesk.ui.viewmodel.contact;

import java.util.UUID;

/** One community group of the contact, with that group's own password state. */
public record CommunityRow(UUID membershipId, String group, CredentialState credential) {
}
