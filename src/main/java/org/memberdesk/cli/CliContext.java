package org.memberdesk.cli;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import java.util.function.Function;
import org.memberdesk.service.Actor;
import org.memberdesk.service.Services;
import org.memberdesk.service.UserError;
import org.memberdesk.service.storage.ConsolePreferences;
import org.memberdesk.service.storage.DataDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * What every command needs, mixed into each command group: the services of the chosen data
 * directory, the agent running the command and the output in the chosen format.
 */
@Command // picocli takes a class as a mixin only when it carries a picocli annotation
public final class CliContext {

    static final String AGENT_ENV = "MEMBERDESK_AGENT";

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    /** Runs work against the data directory's services, opened for this call and closed after it. */
    <T> T call(Function<Services, T> work) {
        try (Services services = open(root().dataDirectory(), root().env())) {
            return work.apply(services);
        }
    }

    private static Services open(DataDirectory dataDirectory, Map<String, String> env) {
        // Ticking in whole milliseconds, as the database stores times: a time printed by the command
        // that made a change is then the same as every later command prints for it.
        Clock clock = Clock.tickMillis(ZoneId.systemDefault());
        try {
            return Services.open(dataDirectory, clock, env);
        } catch (UncheckedIOException e) {
            // An unusable --data-dir (a file, no permission) is the user's to fix, not a crash.
            throw new UserError(e.getMessage());
        }
    }

    /**
     * The agent name stamped on audit events: MEMBERDESK_AGENT, else the name saved in the console
     * (first-run welcome or Settings → Agent name), else the OS user.
     */
    Actor agent() {
        String name = root().env().get(AGENT_ENV);
        if (name == null || name.isBlank()) {
            return new ConsolePreferences(root().dataDirectory()).agent(root().env());
        }
        return Actor.agent(name.trim());
    }

    Output output() {
        return new Output(command.commandLine().getOut(), command.commandLine().getErr(), root().json());
    }

    /** The data directory the command works on (--data-dir, else MEMBERDESK_HOME, else ~/.memberdesk). */
    DataDirectory dataDirectory() {
        return root().dataDirectory();
    }

    /** The environment the commands see (with --database-url as MEMBERDESK_DATABASE_URL). */
    Map<String, String> env() {
        return root().env();
    }

    /** Standard input, for {@code --password-stdin}. */
    InputStream stdin() {
        return root().stdin();
    }

    /** The usage error of a command group run without one of its commands. */
    ParameterException missingSubcommand() {
        return new ParameterException(command.commandLine(), "Missing required subcommand");
    }

    /** A usage error of one of this group's commands: exit 2, with that command's usage. */
    ParameterException usageError(String subcommand, String message) {
        return new ParameterException(command.commandLine().getSubcommands().get(subcommand), message);
    }

    private MemberDeskCommand root() {
        return (MemberDeskCommand) command.root().userObject();
    }
}
