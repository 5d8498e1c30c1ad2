package org.memberdesk.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.memberdesk.service.portal.BrandingChange;
import org.memberdesk.service.portal.BrandingService;
import org.memberdesk.service.portal.BrandingView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code memberdesk branding ...}: the business's name, sender, logo, colour and support address. */
@Command(name = "branding", description = "The brand the portal pages and every email show.")
final class BrandingCommand implements Runnable {

    @Mixin
    private CliContext cli;

    @Override
    public void run() {
        throw cli.missingSubcommand();
    }

    @Command(name = "show", description = "Prints the brand as stored.")
    void show() {
        BrandingView view = cli.call(services -> services.branding().show());
        cli.output().change(JsonShapes.branding(view), describe(view));
    }

    @Command(name = "set", description = "Sets the brand; options not given stay as they are.")
    void set(@Option(names = "--name", required = true, paramLabel = "N",
                     description = "The business name (portal title, emails).") String name,
             @Option(names = "--sender", paramLabel = "S",
                     description = "Who emails are from and signed by (the From display name); \"\" removes it.")
             String sender,
             @Option(names = "--logo", paramLabel = "FILE",
                     description = "PNG or JPEG, at most 256 KiB; SVG is refused.") Path logo,
             @Option(names = "--no-logo", description = "Removes the logo.") boolean noLogo,
             @Option(names = "--color", paramLabel = "#hex",
                     description = "Accent colour, #rrggbb; \"\" removes it.") String color,
             @Option(names = "--support", paramLabel = "ADDR",
                     description = "Support email address shown in emails and the portal; \"\" removes it.")
             String support) {
        if (logo != null && noLogo) {
            throw cli.usageError("set", "give either --logo or --no-logo, not both");
        }
        byte[] bytes = logo == null ? null : read(logo);
        BrandingView view = cli.call(services -> services.branding().save(
                new BrandingChange(name, sender, bytes, noLogo, color, support), cli.agent()));
        cli.output().change(JsonShapes.branding(view), "saved the branding: " + describe(view));
    }

    private byte[] read(Path logo) {
        try {
            if (Files.size(logo) > BrandingService.MAX_LOGO_BYTES * 4L) {
                throw cli.usageError("set", logo + " is far larger than a logo may be (at most "
                        + BrandingService.MAX_LOGO_BYTES / 1024 + " KiB)");
            }
            return Files.readAllBytes(logo);
        } catch (IOException e) {
            throw cli.usageError("set", "cannot read " + logo + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static String describe(BrandingView v) {
        return "name " + or(v.businessName()) + ", sender " + or(v.senderName()) + ", colour " + or(v.accentColor())
                + ", support " + or(v.supportEmail()) + ", logo "
                + (v.hasLogo() ? v.logoType() + " (" + v.logoBytes() + " bytes)" : "(none)");
    }

    private static String or(String value) {
        return value == null ? "(none)" : value;
    }
}
