package org.memberdesk.cli;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.memberdesk.OpenProbe;
import org.memberdesk.StartupProbe;
import org.memberdesk.service.storage.DataDirectory;
import org.memberdesk.service.storage.DatabaseChoice;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine;

/**
 * The root command {@code memberdesk}. With a subcommand it runs that command; with none it
 * opens the console on the data directory.
 */
@Command(name = "memberdesk",
        scope = ScopeType.INHERIT, // so every subcommand has -h/--help too
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Support console for membership logins. Without a command, opens the console.")
public final class MemberDeskCommand implements Callable<Integer> {

    /** The commands, added to the root by {@link #commandLine(BiConsumer, Consumer, Map, InputStream)}. */
    static final List<Class<?>> SUBCOMMANDS = List.of(DemoCommand.class, ContactsCommand.class,
            OffersCommand.class, CommunitiesCommand.class, EmailsCommand.class, OutboxCommand.class,
            MailCommand.class, CredentialsCommand.class, PortalCommand.class, WorkflowsCommand.class,
            TemplatesCommand.class, BrandingCommand.class, DiagnoseCommand.class, ImportCommand.class,
            ActivityCommand.class, DbCommand.class);

    /** Read by LogConfiguration; set once the data directory is known, before anything logs. */
    static final String LOG_DIR_PROPERTY = "memberdesk.logdir";

    @Option(names = "--data-dir", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Data dir (default: $MEMBERDESK_HOME or ~/.memberdesk)")
    private Path dataDir;

    @Option(names = "--database-url", paramLabel = "URL", scope = ScopeType.INHERIT,
            description = "Team mode: work on this PostgreSQL database (postgresql://USER@HOST:PORT/DATABASE, no"
                    + " password: that comes from $MEMBERDESK_DATABASE_PASSWORD) instead of the data dir's SQLite"
                    + " file; wins over $MEMBERDESK_DATABASE_URL.")
    private String databaseUrl;

    @Option(names = "--json", scope = ScopeType.INHERIT,
            description = "Print JSON: an array for a query, one object for a change.")
    private boolean json;

    @Option(names = "--startup-probe", hidden = true,
            description = "Open the console, print the milliseconds from JVM start to the first interactive frame, exit.")
    private boolean startupProbe;

    @Option(names = "--open-probe", hidden = true, paramLabel = "QUERY",
            description = "Open the console, type QUERY, press Enter, print the milliseconds from JVM start to the"
                    + " contact window's first Email History rows, exit.")
    private String openProbe;

    private final BiConsumer<DataDirectory, Map<String, String>> console;
    private final Map<String, String> env;
    private final InputStream stdin;

    private MemberDeskCommand(BiConsumer<DataDirectory, Map<String, String>> console, Map<String, String> env,
                              InputStream stdin) {
        this.console = Objects.requireNonNull(console);
        this.env = Map.copyOf(env);
        this.stdin = Objects.requireNonNull(stdin);
    }

    /**
     * The command line, ready to {@link CommandLine#execute execute}.
     *
     * @param console    opens the console on a data directory; called when no subcommand is given
     * @param failureLog receives unexpected exceptions (with their stack trace) for the log file
     */
    public static CommandLine commandLine(BiConsumer<DataDirectory, Map<String, String>> console,
                                          Consumer<Throwable> failureLog) {
        return commandLine(console, failureLog, System.getenv(), System.in);
    }

    /**
     * The command line for {@code args}: the root alone when they open the console (no command, no
     * help or version asked, nothing picocli refuses), else the whole one. Building the model of every
     * command took 0.65 s of each console start (picocli's classes cannot be in a class-data archive:
     * they are compiled for Java 5).
     */
    public static CommandLine commandLine(String[] args, BiConsumer<DataDirectory, Map<String, String>> console,
                                          Consumer<Throwable> failureLog) {
        return commandLine(args, console, failureLog, System.getenv(), System.in);
    }

    static CommandLine commandLine(String[] args, BiConsumer<DataDirectory, Map<String, String>> console,
                                   Consumer<Throwable> failureLog, Map<String, String> env, InputStream stdin) {
        CommandLine consoleOnly = configured(new CommandLine(new MemberDeskCommand(console, env, stdin)), failureLog);
        try {
            CommandLine.ParseResult parsed = consoleOnly.parseArgs(args);
            if (!parsed.isUsageHelpRequested() && !parsed.isVersionHelpRequested()) {
                return consoleOnly;
            }
        } catch (CommandLine.ParameterException notTheConsole) {
            // a command, or a mistake: the whole command line runs it or says what is wrong
        }
        return commandLine(console, failureLog, env, stdin);
    }

    /**
     * As {@link #commandLine(BiConsumer, Consumer)}, with the environment (MEMBERDESK_SMTP_*,
     * MEMBERDESK_PORTAL_URL, MEMBERDESK_AGENT) and standard input given rather than the process's own:
     * tests run commands in-process against their own SMTP server and feed {@code --password-stdin}.
     */
    static CommandLine commandLine(Consumer<DataDirectory> console, Consumer<Throwable> failureLog,
                                   Map<String, String> env, InputStream stdin) {
        return commandLine((directory, environment) -> console.accept(directory), failureLog, env, stdin);
    }

    /** The console is given the environment the commands see, --database-url included. */
    static CommandLine commandLine(BiConsumer<DataDirectory, Map<String, String>> console,
                                   Consumer<Throwable> failureLog, Map<String, String> env, InputStream stdin) {
        CommandLine commandLine = new CommandLine(new MemberDeskCommand(console, env, stdin));
        SUBCOMMANDS.forEach(commandLine::addSubcommand);
        return configured(commandLine, failureLog);
    }

    private static CommandLine configured(CommandLine commandLine, Consumer<Throwable> failureLog) {
        MemberDeskCommand root = commandLine.getCommand();
        commandLine.setExecutionStrategy(parsed -> {
            useLogDirectoryOf(root.dataDirectory(), helpOnly(parsed));
            return new CommandLine.RunLast().execute(parsed);
        });
        commandLine.setExecutionExceptionHandler(new FailureHandler(failureLog));
        return commandLine;
    }

    @Override
    public Integer call() {
        if (startupProbe) {
            System.setProperty(StartupProbe.PROPERTY, "true");
        }
        if (openProbe != null) {
            System.setProperty(OpenProbe.PROPERTY, openProbe);
        }
        console.accept(dataDirectory(), env());
        return CommandLine.ExitCode.OK;
    }

    DataDirectory dataDirectory() {
        return DataDirectory.resolve(dataDir);
    }

    boolean json() {
        return json;
    }

    /** The environment the commands see, with --database-url as MEMBERDESK_DATABASE_URL when given. */
    Map<String, String> env() {
        if (databaseUrl == null) {
            return env;
        }
        Map<String, String> withUrl = new HashMap<>(env);
        withUrl.put(DatabaseChoice.URL_ENV, databaseUrl);
        return Map.copyOf(withUrl);
    }

    InputStream stdin() {
        return stdin;
    }

    private static void useLogDirectoryOf(DataDirectory dataDirectory, boolean helpOnly) {
        if (System.getProperty(LOG_DIR_PROPERTY) == null) {
            System.setProperty(LOG_DIR_PROPERTY, dataDirectory.logs().toString());
            if (!helpOnly) {
                // Made owner-only before the logger creates them with the process's umask.
                dataDirectory.prepareLogs();
            }
        }
    }

    private static boolean helpOnly(CommandLine.ParseResult parsed) {
        return parsed.asCommandLineList().stream()
                .anyMatch(c -> c.isUsageHelpRequested() || c.isVersionHelpRequested());
    }
}
