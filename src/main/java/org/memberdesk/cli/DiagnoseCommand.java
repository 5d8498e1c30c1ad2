package org.memberdesk.cli;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.memberdesk.service.diagnostics.Concern;
import org.memberdesk.service.diagnostics.Finding;
import org.memberdesk.service.diagnostics.Fix;
import picocli.CommandLine.Command;
import org.memberdesk.service.UserError;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code memberdesk diagnose --contact E [--about offer:N|community:G|membership] [--not-received]}:
 * why a contact cannot log in. Exits 0 whatever it finds; {@code --json} prints an array of findings.
 */
@Command(name = "diagnose", description = {
        "Checks why a contact cannot log in and prints the findings, worst first, each with its fix.",
        "First say what the contact needs help with: --about offer:NAME, community:NAME or membership;",
        "add --not-received when they say an email never arrived."})
final class DiagnoseCommand implements Runnable {

    /** A finding as scripts see it: {@code severity, code, message, evidence, fix} (fix null when none). */
    record FindingJson(String severity, String code, String message, Map<String, String> evidence, FixJson fix) {
    }

    record FixJson(String action, String label, Map<String, String> params) {
    }

    @Mixin
    private CliContext cli;

    @Spec
    private CommandSpec spec;

    @Option(names = "--contact", required = true, paramLabel = "E", description = "The contact's email.")
    private String contact;

    @Option(names = "--about", paramLabel = "WHAT",
            description = "What they need help with: offer:NAME, community:NAME or membership.")
    private String about;

    @Option(names = "--not-received", description = "They say an email never arrived.")
    private boolean notReceived;

    @Override
    public void run() {
        Concern concern;
        try {
            concern = Concern.parse(about, notReceived);
        } catch (UserError e) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--about': " + e.getMessage());
        }
        List<Finding> findings = cli.call(services -> services.diagnostics().diagnose(contact, concern));
        cli.output().query(findings, DiagnoseCommand::json, DiagnoseCommand::lines,
                "no problem found for " + contact.strip() + " (asked about: " + concern.describe() + ")");
    }

    static FindingJson json(Finding finding) {
        Fix fix = finding.fix();
        return new FindingJson(finding.severity().code(), finding.code(), finding.message(), finding.evidence(),
                fix == null ? null : new FixJson(fix.action().code(), fix.label(), fix.params()));
    }

    /** A finding in a few lines: severity, code and message; the evidence; the fixes. */
    static String lines(Finding finding) {
        StringBuilder text = new StringBuilder()
                .append(finding.severity().code()).append('\t').append(finding.code()).append('\t')
                .append(finding.message());
        if (!finding.evidence().isEmpty()) {
            text.append("\n\tevidence: ").append(finding.evidence().entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue().replaceAll("\\s*\\R\\s*", " "))
                    .collect(Collectors.joining("; ")));
        }
        for (Fix fix : finding.fixes()) {
            text.append("\n\tfix: ").append(fix.label()).append(" [").append(fix.action().code());
            fix.params().forEach((k, v) -> text.append(' ').append(k).append('=').append(v));
            text.append(']');
        }
        return text.toString();
    }
}
