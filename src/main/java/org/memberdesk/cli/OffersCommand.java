package org.memberdesk.cli;

import java.time.LocalDate;
import java.util.List;
import org.memberdesk.service.offers.GrantResult;
import org.memberdesk.service.offers.OfferView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code memberdesk offers ...}: create offers, grant them to contacts and revoke them. */
@Command(name = "offers", description = "Create offers; grant and revoke a contact's access.")
final class OffersCommand implements Runnable {

    @Mixin
    private CliContext cli;

    @Override
    public void run() {
        throw cli.missingSubcommand();
    }

    @Command(name = "create", description = "Creates an offer.")
    void create(@Option(names = "--name", required = true, paramLabel = "N",
                        description = "Offer name (unique, any case).") String name,
                @Option(names = "--login-url", paramLabel = "URL",
                        description = "Shown in the offer's welcome email.") String loginUrl) {
        OfferView offer = cli.call(services -> services.offers().create(name, loginUrl, cli.agent()));
        String line = "created offer " + offer.name();
        cli.output().change(JsonShapes.offer(offer),
                offer.loginUrl() == null ? line : line + " (login URL " + offer.loginUrl() + ")");
    }

    @Command(name = "grant", description = "Grants a contact access to an offer; fires \"Offer Access Granted\".")
    void grant(@Option(names = "--contact", required = true, paramLabel = "E",
                       description = "The contact's email.") String contact,
               @Option(names = "--offer", required = true, paramLabel = "N",
                       description = "Offer name.") String offer,
               @Option(names = "--until", paramLabel = "DATE", converter = IsoDate.class,
                       description = "Last day of access, yyyy-MM-dd; default: no end.") LocalDate until,
               @Mixin Delivery delivery) {
        Granted granted = cli.call(services -> {
            GrantResult result = services.offers().grant(contact, offer, until, cli.agent());
            // "Offer Access Granted" runs its workflows (the welcome email) before the command exits.
            return new Granted(result, delivery.afterChange(services));
        });
        cli.output().change(JsonShapes.grantChange(granted.result()),
                List.of(granted.result().message(), granted.delivered().line()));
    }

    private record Granted(GrantResult result, Delivery.Outcome delivered) {
    }

    @Command(name = "revoke", description = "Revokes a contact's access to an offer.")
    void revoke(@Option(names = "--contact", required = true, paramLabel = "E",
                        description = "The contact's email.") String contact,
                @Option(names = "--offer", required = true, paramLabel = "N",
                        description = "Offer name.") String offer,
                @Option(names = "--reason", paramLabel = "R",
                        description = "Why, for the record.") String reason) {
        GrantResult result = cli.call(services -> services.offers().revoke(contact, offer, reason, cli.agent()));
        cli.output().change(JsonShapes.grantChange(result), result.message());
    }
}
