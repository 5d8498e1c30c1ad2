package org.memberdesk.ui.viewmodel.mail;

/** One message of Inbox (demo), ready to show. */
public record InboxRow(String id, String received, String from, String to, String subject) {
}
