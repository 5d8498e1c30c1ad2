package org.memberdesk.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.memberdesk.service.contacts.EmailChange;
import org.memberdesk.service.email.EmailView;

/** How {@code contacts edit} tells what a new email address did, and which command to run next. */
final class EmailChangeLines {

    /** Arguments that a shell takes as they are; anything else is quoted. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9@._+:/=-]+");

    private EmailChangeLines() {
    }

    static List<String> of(EmailChange change, EmailView notice, Delivery.Outcome delivered) {
        List<String> lines = new ArrayList<>();
        lines.add("email changed from " + change.oldEmail() + " to " + change.newEmail()
                + ": every link and sign-in of the old address is cancelled");
        if (change.accesses().isEmpty()) {
            lines.add("  no outstanding link, signed-in session or emailed password was affected");
        }
        for (EmailChange.AccessEffect access : change.accesses()) {
            lines.add("  " + access.access() + ": " + count(access.linksRevoked(), "link") + " revoked, "
                    + count(access.sessionsEnded(), "session") + " ended"
                    + (access.passwordCleared()
                            ? ", password cleared (it was chosen through a link mailed to another address)" : ""));
        }
        if (change.queuedLinksCancelled() > 0) {
            lines.add("  " + count(change.queuedLinksCancelled(), "queued email") + " with a link not sent to "
                    + change.oldEmail());
        }
        lines.add((notice.status() == EmailView.Status.SENT ? "told " : "queued a notice to ") + change.oldEmail()
                + " that the address changed (no link; the new address is not shown in full)");
        lines.add(delivered.line());
        for (EmailChange.FollowUp next : change.followUps()) {
            lines.add("next: " + command(change.newEmail(), next));
        }
        return lines;
    }

    static JsonShapes.EmailChanged json(EmailChange change, EmailView notice) {
        return new JsonShapes.EmailChanged(change.oldEmail(), change.newEmail(), change.linksRevoked(),
                change.sessionsEnded(), change.passwordsCleared(),
                change.accesses().stream().map(a -> new JsonShapes.AccessChanged(a.scope(), a.group(),
                        a.linksRevoked(), a.sessionsEnded(), a.passwordCleared())).toList(),
                change.queuedLinksCancelled(), JsonShapes.email(notice),
                change.followUps().stream().map(n -> new JsonShapes.NextStep(n.action().code(), n.offer(), n.group(),
                        command(change.newEmail(), n))).toList());
    }

    /** The command that sends the new address what it needs now. */
    static String command(String contact, EmailChange.FollowUp next) {
        if (next.welcome()) {
            return "memberdesk credentials resend --contact " + quote(contact) + " --offer " + quote(next.offer());
        }
        return "memberdesk credentials reset-link --contact " + quote(contact)
                + (next.group() == null ? "" : " --community " + quote(next.group()));
    }

    private static String quote(String argument) {
        return PLAIN.matcher(argument).matches() ? argument : "'" + argument.replace("'", "'\\''") + "'";
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }
}
