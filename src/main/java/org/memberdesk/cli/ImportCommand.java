package org.memberdesk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.memberdesk.service.importing.ImportPreview;
import org.memberdesk.service.importing.ImportResult;
import org.memberdesk.service.importing.RowNotice;
import org.memberdesk.service.importing.RowProblem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code memberdesk import contacts FILE.csv}: contacts and offer grants from CSV. */
@Command(name = "import", description = "Import data from files.")
final class ImportCommand implements Runnable {

    /** What {@code --json} prints for an import (or, with {@code --dry-run}, its preview). */
    record ImportJson(String file, boolean dryRun, int rows, int imported, int refused, int newContacts,
                      int existingContacts, int grantsAdded, int alreadyActive, int triggersFired,
                      List<String> unknownColumns, List<RowProblem> errors, List<RowNotice> notices, Long millis,
                      JsonShapes.Delivery delivery) {
    }

    @Mixin
    private CliContext cli;

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw cli.missingSubcommand();
    }

    @Command(name = "contacts", description = {
            "Imports contacts and offer grants from a CSV file: UTF-8, a header row, columns email (required),",
            "name, tags (separated by ;) and offer. Valid rows are written all or nothing, in short transactions",
            "that keep the portal and other agents working; they appear together when the import has finished.",
            "Each bad row is printed on stderr with its line and reason (the first 1000), and the exit code is 1.",
            "A row for an existing contact adds its offer and tags; grants fire \"Offer Access Granted\".",
            "Then the workflow steps that are due run (the welcome emails) and their email is delivered before",
            "the command exits, unless --no-send."})
    int contacts(@Parameters(paramLabel = "FILE.csv", description = "The CSV file.") Path file,
                 @Option(names = "--no-triggers",
                         description = "Do not fire \"Offer Access Granted\": no workflow (welcome email) runs.")
                 boolean noTriggers,
                 @Option(names = "--dry-run", description = "Only check the file and say what would happen.")
                 boolean dryRun,
                 @Mixin Delivery delivery) {
        Output output = cli.output();
        PrintWriter err = spec.commandLine().getErr();
        if (dryRun) {
            ImportPreview preview = cli.call(services -> services.contactImport().preview(file));
            report(err, preview.problems(), preview.refusedRows());
            int triggers = noTriggers ? 0 : preview.grantsToAdd();
            output.change(new ImportJson(preview.file(), true, preview.totalRows(), preview.validRows(),
                            preview.refusedRows(), preview.newContacts(), preview.existingContacts(),
                            preview.grantsToAdd(), preview.alreadyActive(), triggers, preview.unknownColumns(),
                            preview.problems(), preview.notices(), null, null),
                    lines(preview.notices(), preview.unknownColumns()) + "would import " + preview.validRows()
                            + " of " + preview.totalRows() + " rows: " + preview.newContacts() + " new contacts, "
                            + preview.grantsToAdd() + " grants (" + preview.alreadyActive() + " already active); "
                            + (noTriggers ? "no triggers fired (--no-triggers)"
                            : "welcome emails: " + preview.welcomeEmails() + " (" + preview.welcomeEmailsNote() + ")")
                            + refused(preview.refusedRows()));
            return preview.hasProblems() ? 1 : 0;
        }
        Imported imported = cli.call(services -> {
            ImportResult done = services.contactImport().run(file, !noTriggers, cli.agent(), null);
            return new Imported(done, delivery.afterChange(services));
        });
        ImportResult result = imported.result();
        report(err, result.problems(), result.refusedRows());
        output.change(new ImportJson(result.file(), false, result.rows(), result.importedRows(),
                        result.refusedRows(), result.newContacts(), result.existingContacts(), result.grantsAdded(),
                        result.alreadyActive(), result.triggersFired(), result.unknownColumns(), result.problems(),
                        result.notices(), result.millis(), imported.delivered().json()),
                lines(result.notices(), result.unknownColumns()) + "imported " + result.importedRows() + " of "
                        + result.rows() + " rows: " + result.newContacts() + " new contacts, " + result.grantsAdded()
                        + " grants (" + result.alreadyActive() + " already active), " + result.triggersFired()
                        + " \"Offer Access Granted\" events" + (noTriggers ? " (--no-triggers)" : "")
                        + refused(result.refusedRows()) + System.lineSeparator() + imported.delivered().line());
        return result.hasProblems() ? 1 : 0;
    }

    private record Imported(ImportResult result, Delivery.Outcome delivered) {
    }

    private static void report(PrintWriter err, List<RowProblem> problems, int refused) {
        for (RowProblem problem : problems) {
            err.println(Output.safe("line " + problem.line() + ": " + problem.reason()
                    + (problem.email() == null || problem.email().isEmpty() ? "" : " (" + problem.email() + ")")));
        }
        if (refused > problems.size()) {
            err.println("... and " + (refused - problems.size()) + " more bad rows (only the first "
                    + problems.size() + " are listed)");
        }
        err.flush();
    }

    private static String lines(List<RowNotice> notices, List<String> unknownColumns) {
        StringBuilder text = new StringBuilder();
        if (!unknownColumns.isEmpty()) {
            text.append("ignored unknown column").append(unknownColumns.size() == 1 ? "" : "s").append(": ")
                    .append(String.join(", ", unknownColumns)).append('\n');
        }
        for (RowNotice notice : notices) {
            text.append("line ").append(notice.line()).append(": ").append(notice.message()).append('\n');
        }
        return text.toString();
    }

    private static String refused(int refused) {
        return refused == 0 ? "" : "; " + refused + (refused == 1 ? " bad row" : " bad rows") + " skipped (see above)";
    }
}
