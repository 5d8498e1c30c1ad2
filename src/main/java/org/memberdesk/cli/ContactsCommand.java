package org.memberdesk.cli;

import java.util.ArrayList;
import java.util.List;
import org.memberdesk.service.contacts.AddressTypo;
import org.memberdesk.service.contacts.ContactAdded;
import org.memberdesk.service.contacts.ContactEdit;
import org.memberdesk.service.contacts.ContactSummary;
import org.memberdesk.service.contacts.EmailChange;
import org.memberdesk.service.credentials.IdentityCheck;
import org.memberdesk.service.email.EmailView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code memberdesk contacts ...}: add, edit and find contacts. */
@Command(name = "contacts", description = "Add, edit and find contacts.")
final class ContactsCommand implements Runnable {

    @Mixin
    private CliContext cli;

    @Override
    public void run() {
        throw cli.missingSubcommand();
    }

    @Command(name = "add", description = {"Adds a contact.",
            "An address that looks like a typo of a common mail domain (gmial.com) is added as typed, with a warning"
                    + " on stderr naming the address most likely meant."})
    void add(@Option(names = "--email", required = true, paramLabel = "E",
                     description = "Email address (unique).") String email,
             @Option(names = "--name", required = true, paramLabel = "N",
                     description = "Full name.") String name,
             @Option(names = "--tag", paramLabel = "T",
                     description = "A tag; repeat for more.") List<String> tags,
             @Mixin Delivery delivery) {
        Changed added = cli.call(services -> new Changed(
                services.contacts().create(email, name, tags == null ? List.of() : tags, cli.agent()),
                delivery.afterChange(services))); // a tag fires "Tag Added": its workflows run now
        warn(added.added().typo());
        cli.output().change(new JsonShapes.ContactAdded(JsonShapes.contact(added.contact()),
                JsonShapes.warnings(added.added().typo())), added.lines("added "));
    }

    @Command(name = "edit", description = {"Changes a contact's email, name or tags.",
            "A new address that looks like a typo of a common mail domain is saved as typed, with a warning on"
                    + " stderr."})
    void edit(@Option(names = "--contact", required = true, paramLabel = "E",
                      description = "The contact's current email.") String contactEmail,
              @Option(names = "--email", paramLabel = "NEW",
                      description = "New email address.") String newEmail,
              @Option(names = "--name", paramLabel = "N",
                      description = "New name.") String newName,
              @Option(names = "--tag", paramLabel = "T",
                      description = "A tag; repeat for more. Replaces all old tags.") List<String> tags,
              @Option(names = "--verified-by", paramLabel = "HOW", description = VerifiedBy.HOW
                      + " Required with --email unless `credentials identity-checks --email-change optional`"
                      + " relaxed it.") String verifiedBy,
              @Option(names = "--note", paramLabel = "T", description = VerifiedBy.NOTE) String note,
              @Mixin Delivery delivery) {
        List<String> newTags = tags == null || tags.isEmpty() ? null : tags;
        if (newEmail == null && newName == null && newTags == null) {
            throw cli.usageError("edit", "Nothing to change: give --email, --name or --tag");
        }
        IdentityCheck identity = VerifiedBy.of(verifiedBy, note);
        Edited edited = cli.call(services -> {
            ContactEdit edit = services.contacts().change(contactEmail, newEmail, newName, newTags, identity,
                    cli.agent());
            Delivery.Outcome delivered = delivery.afterChange(services); // the notice, and what new tags triggered
            EmailView notice = edit.emailChange() == null ? null
                    : services.emails().detail(edit.emailChange().notice().id()).email();
            return new Edited(edit, notice, delivered);
        });
        ContactSummary contact = edited.edit().contact();
        List<String> lines = new ArrayList<>(List.of("updated " + line(contact)));
        EmailChange change = edited.edit().emailChange();
        if (change != null) {
            lines.addAll(EmailChangeLines.of(change, edited.notice(), edited.delivered()));
        } else if (edited.delivered().didAnything()) {
            lines.add(edited.delivered().line());
        }
        warn(edited.edit().typo());
        cli.output().change(new JsonShapes.ContactEdited(JsonShapes.contact(contact),
                change == null ? null : EmailChangeLines.json(change, edited.notice()),
                edited.delivered().json(), JsonShapes.warnings(edited.edit().typo())), lines);
    }

    /** A likely typo in the saved address: said on stderr with the command that fixes it; the exit code stays 0. */
    private void warn(AddressTypo typo) {
        if (typo != null) {
            cli.output().warning(typo.message() + " It was saved as typed; to change it: memberdesk contacts edit"
                    + " --contact " + typo.email() + " --email " + typo.suggestedEmail() + " --verified-by HOW");
        }
    }

    /** An edit, the notice to the old address as it stands after delivery (null when the email stayed), and the delivery. */
    private record Edited(ContactEdit edit, EmailView notice, Delivery.Outcome delivered) {
    }

    /** A contact as added (with any typo to warn about), and what the workflows its tags triggered did (a line only when they did something). */
    private record Changed(ContactAdded added, Delivery.Outcome delivered) {
        ContactSummary contact() {
            return added.contact();
        }

        List<String> lines(String verb) {
            return delivered.didAnything()
                    ? List.of(verb + line(contact()), delivered.line())
                    : List.of(verb + line(contact()));
        }
    }

    @Command(name = "find", description = "Finds contacts by name, email or tag.")
    void find(@Parameters(paramLabel = "QUERY", description = "Part of a name, email or tag.") String query) {
        List<ContactSummary> contacts = cli.call(services -> services.contacts().find(query));
        cli.output().query(contacts, JsonShapes::contact, ContactsCommand::line,
                "no contact matches '" + query.strip() + "'");
    }

    /** One contact on one line: name, email and tags (if any), tab-separated. */
    private static String line(ContactSummary contact) {
        String line = contact.name() + "\t" + contact.email();
        return contact.tags().isEmpty() ? line : line + "\t" + String.join(",", contact.tags());
    }
}
