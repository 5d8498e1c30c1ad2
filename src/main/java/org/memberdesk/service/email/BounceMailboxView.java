package org.memberdesk.service.email;

import java.time.Duration;
import java.util.List;

/**
 * The bounce mailbox as stored. Never the password: only whether one is set.
 *
 * @param configured false: no mailbox is named, nothing is polled
 * @param warnings   plain sentences to show (a stored password that cannot be read, ...)
 */
public record BounceMailboxView(boolean configured, String host, Integer port, MailSecurity security, String user,
                                boolean passwordSet, Duration pollInterval, List<String> warnings) {
}
