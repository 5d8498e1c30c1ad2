package org.memberdesk.ui.viewmodel.mail;

import java.util.List;

/** One demo message opened as the recipient would see it: both parts and the links to click. */
public record InboxMessage(String id, String subject, String from, String to, String received, String html,
                           String text, List<String> links) {
}
