package org.memberdesk.ui.viewmodel.console;

import java.util.UUID;

/** One line of the contact list. */
public record ContactRow(UUID id, String name, String email, String tags) {
}
