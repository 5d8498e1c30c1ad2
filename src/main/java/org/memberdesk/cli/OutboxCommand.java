package org.memberdesk.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code memberdesk outbox ...}: deliver the emails waiting in the outbox. */
@Command(name = "outbox", description = "The outbox of emails waiting to be delivered.")
final class OutboxCommand implements Runnable {

    @Mixin
    private CliContext cli;

    @Override
    public void run() {
        throw cli.missingSubcommand();
    }

    @Command(name = "run", description = "Runs the workflow steps that are due now, then delivers the emails that "
            + "are due (one batch; with --until-empty, batch after batch while any is due) and prints what happened.")
    void runOutbox(@Option(names = "--until-empty",
                           description = "Keep going while emails are due; an email that must wait for a retry "
                                   + "is not waited for.") boolean untilEmpty) {
        Delivery.Outcome outcome = cli.call(services -> Delivery.runOutbox(services, untilEmpty));
        cli.output().change(outcome.json(), "outbox: " + outcome.summary());
    }
}
