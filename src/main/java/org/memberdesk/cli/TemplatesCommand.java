package org.memberdesk.cli;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.memberdesk.service.email.EmailTemplates;
import org.memberdesk.service.email.TemplateDraft;
import org.memberdesk.service.email.TemplateView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code memberdesk templates ...}: the emails the business words itself. */
@Command(name = "templates", description = "Word the emails yourself: list, show, set and reset their templates.")
final class TemplatesCommand implements Runnable {

    @Mixin
    private CliContext cli;

    @Override
    public void run() {
        throw cli.missingSubcommand();
    }

    @Command(name = "list", description = "Lists the email kinds and which parts differ from the bundled template.")
    void list() {
        List<TemplateView> views = cli.call(services -> services.emailTemplates().list());
        cli.output().query(views, JsonShapes::templateSummary, TemplatesCommand::line, "no templates");
    }

    @Command(name = "show", description = "Prints a template as used now, in the file format `templates set` reads.")
    void show(@Parameters(paramLabel = "KIND", description = "welcome, set-password, reset-link, password-changed,"
                      + " community-welcome, community-reset or community-password-changed.") String kind,
              @Option(names = "--offer", paramLabel = "N", description = "That offer's own welcome.") String offer) {
        known("show", kind);
        TemplateView view = cli.call(services -> services.emailTemplates().show(kind, offer));
        cli.output().change(JsonShapes.template(view), TemplateFile.write(view));
    }

    @Command(name = "set", description = "Stores a template after checking it (variables, {{link}}, Mustache syntax).")
    void set(@Parameters(paramLabel = "KIND", description = "The email kind, as `templates list` names it.") String kind,
             @Option(names = "--file", required = true, paramLabel = "F",
                     description = "UTF-8 file: parts each after a line `--- subject ---`, `--- text ---` or"
                             + " `--- html ---` (as `templates show` prints); with --part, the whole file is that"
                             + " part.") Path file,
             @Option(names = "--part", paramLabel = "PART",
                     description = "subject, text or html: the file is only that part.") String part,
             @Option(names = "--offer", paramLabel = "N", description = "That offer's own welcome.") String offer) {
        known("set", kind);
        TemplateDraft draft = draft(file, part);
        TemplateView view = cli.call(services -> services.emailTemplates().set(kind, offer, draft, cli.agent()));
        cli.output().change(JsonShapes.template(view), "saved the " + name(view) + " template");
    }

    @Command(name = "reset", description = "Brings back the default: the bundled template, or the default for an offer.")
    void reset(@Parameters(paramLabel = "KIND", description = "The email kind, as `templates list` names it.")
               String kind,
               @Option(names = "--offer", paramLabel = "N", description = "That offer's own welcome.") String offer) {
        known("reset", kind);
        TemplateView view = cli.call(services -> services.emailTemplates().reset(kind, offer, cli.agent()));
        cli.output().change(JsonShapes.template(view), offer == null || offer.isBlank()
                ? "the " + name(view) + " template is the bundled one again"
                : "the " + name(view) + " template uses the default again");
    }

    private void known(String subcommand, String kind) {
        if (EmailTemplates.kinds().stream().noneMatch(k -> k.code().equalsIgnoreCase(kind.strip()))) {
            throw cli.usageError(subcommand, "unknown template kind '" + kind + "'; known: "
                    + EmailTemplates.kindCodes());
        }
    }

    private TemplateDraft draft(Path file, String part) {
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            throw cli.usageError("set", file + " is not UTF-8 text");
        } catch (IOException e) {
            throw cli.usageError("set", "cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
        }
        if (part != null) {
            return switch (part.strip().toLowerCase(Locale.ROOT)) {
                case "subject" -> new TemplateDraft(content.strip(), null, null);
                case "text" -> new TemplateDraft(null, content, null);
                case "html" -> new TemplateDraft(null, null, content);
                default -> throw cli.usageError("set", "--part must be subject, text or html, not '" + part + "'");
            };
        }
        TemplateDraft draft = TemplateFile.read(content);
        if (draft == null) {
            throw cli.usageError("set", file + " has no part: start each with a line `--- subject ---`, `--- text ---`"
                    + " or `--- html ---` (as `templates show` prints), or give --part");
        }
        return draft;
    }

    private static String name(TemplateView view) {
        return view.kind().code() + (view.offer() == null ? "" : " (offer " + view.offer() + ")");
    }

    private static String line(TemplateView view) {
        List<String> customized = JsonShapes.templateSummary(view).customized();
        return name(view) + ": " + (customized.isEmpty() ? "bundled" : "custom " + String.join(", ", customized))
                + " - " + view.description();
    }
}
