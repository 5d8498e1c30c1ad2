package org.memberdesk.cli;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.memberdesk.service.email.EmailDetail;
import org.memberdesk.service.email.EmailView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code memberdesk emails ...}: a contact's Email History, and retrying a failed email. */
@Command(name = "emails", description = "A contact's Email History; retry a failed email.")
final class EmailsCommand implements Runnable {

    @Mixin
    private CliContext cli;

    @Override
    public void run() {
        throw cli.missingSubcommand();
    }

    @Command(name = "list", description = "Lists the emails sent (or to be sent) to a contact, newest first.")
    void list(@Option(names = "--contact", required = true, paramLabel = "E",
                      description = "The contact's email.") String contact) {
        List<EmailView> emails = cli.call(services -> services.emails().list(contact));
        cli.output().query(emails, JsonShapes::email, EmailsCommand::line,
                "no emails to " + contact.strip().toLowerCase(Locale.ROOT));
    }

    @Command(name = "retry",
            description = "Retries a failed email (a new attempt of the same message, to the contact's current "
                    + "address) and delivers it before exiting, unless --no-send.")
    void retry(@Parameters(paramLabel = "ID", description = "The email's id (see `emails list`).") String id,
               @Mixin Delivery delivery) {
        Retried retried = cli.call(services -> {
            EmailView queued = services.emails().retry(id, cli.agent());
            Delivery.Outcome delivered = delivery.afterChange(services);
            return new Retried(services.emails().detail(queued.id()), delivered);
        });
        EmailView email = retried.now().email();
        List<String> lines = retried.delivered().delivered()
                ? List.of(retriedLine(retried.now(), false), retried.delivered().line())
                : List.of(retriedLine(retried.now(), true));
        cli.output().change(new JsonShapes.EmailQueued(JsonShapes.email(email), retried.delivered().json()), lines);
    }

    private record Retried(EmailDetail now, Delivery.Outcome delivered) {
    }

    /** The retried email as it now stands, with the server's reply when it did not go out. */
    private static String retriedLine(EmailDetail detail, boolean noSend) {
        EmailView email = detail.email();
        String head = "retried " + email.id() + " to " + email.recipient() + ": ";
        return head + switch (email.status()) {
            case SENT -> "sent" + reply(email);
            case FAILED -> "failed again" + reply(email);
            case RETRYING -> "not delivered yet, retrying" + at(detail.nextAttemptAt()) + reply(email);
            case QUEUED -> noSend
                    ? "queued, not sent (--no-send); `memberdesk outbox run` delivers it"
                    : "queued" + at(detail.nextAttemptAt());
            case SENDING -> email.status().code();
        };
    }

    private static String reply(EmailView email) {
        return email.lastReply() == null || email.lastReply().isBlank() ? "" : " (" + email.lastReply() + ")";
    }

    private static String at(Instant when) {
        return when == null ? "" : " at " + when;
    }

    /**
     * One email on one line, tab-separated: id, created, status, kind, subject; for one that failed
     * or is retrying, the attempts and the server's last reply too.
     */
    static String line(EmailView email) {
        String line = email.id() + "\t" + email.createdAt() + "\t" + email.status().code() + "\t" + email.kind().code()
                + "\t" + email.subject();
        if ((email.status() == EmailView.Status.FAILED || email.status() == EmailView.Status.RETRYING)
                && email.lastReply() != null) {
            line += "\t" + email.attempts() + (email.attempts() == 1 ? " attempt: " : " attempts: ")
                    + email.lastReply();
        }
        return line;
    }
}
