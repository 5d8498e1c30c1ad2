package org.memberdesk.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.memberdesk.service.UserError;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a failed command into exit code 1 and exactly one line on stderr. A {@link UserError}
 * is shown as is; anything else is unexpected: its stack trace goes to the log, never to the console.
 */
final class FailureHandler implements IExecutionExceptionHandler {

    private final Consumer<Throwable> failureLog;

    FailureHandler(Consumer<Throwable> failureLog) {
        this.failureLog = failureLog;
    }

    @Override
    public int handleExecutionException(Exception failure, CommandLine command, ParseResult parsed) {
        PrintWriter err = command.getErr();
        if (failure instanceof UserError) {
            err.println("error: " + oneLine(failure.getMessage()));
        } else {
            logQuietly(failure);
            err.println("error: unexpected failure: " + oneLine(describe(failure)) + logHint());
        }
        err.flush();
        return 1;
    }

    private void logQuietly(Exception failure) {
        try {
            failureLog.accept(failure);
        } catch (RuntimeException logFailed) {
            // The log is best effort; the user still gets the one line.
        }
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }

    private static String logHint() {
        String logDir = System.getProperty(MemberDeskCommand.LOG_DIR_PROPERTY);
        return logDir == null || !Files.isDirectory(Path.of(logDir)) ? "" : " (details in the log in " + logDir + ")";
    }

    private static String oneLine(String text) {
        return text == null ? "" : Output.safe(text.strip().replaceAll("\\s*\\R\\s*", " "));
    }
}
