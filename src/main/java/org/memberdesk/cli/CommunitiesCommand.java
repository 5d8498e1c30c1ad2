package org.memberdesk.cli;

import org.memberdesk.service.communities.CommunityService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code memberdesk communities ...}: community groups, each member with the group's own password. */
@Command(name = "communities", description = "Create community groups and add members.")
final class CommunitiesCommand implements Runnable {

    @Mixin
    private CliContext cli;

    @Override
    public void run() {
        throw cli.missingSubcommand();
    }

    @Command(name = "create", description = "Creates a community group (its members log in with its own password).")
    void create(@Option(names = "--name", required = true, paramLabel = "G",
                        description = "Group name (unique, any case).") String name) {
        Created created = cli.call(services -> new Created(services.communities().create(name, cli.agent()),
                services.mailSettings().view().portalUrl()));
        CommunityService.GroupView group = created.group();
        cli.output().change(JsonShapes.group(group), "created community group " + group.name() + " (login page "
                + created.portalUrl().replaceAll("/+$", "") + "/community/" + group.slug() + ")");
    }

    private record Created(CommunityService.GroupView group, String portalUrl) {
    }

    @Command(name = "add", description = "Adds a contact to a community group; a member already is left as is.")
    void add(@Option(names = "--contact", required = true, paramLabel = "E",
                     description = "The contact's email.") String contact,
             @Option(names = "--group", required = true, paramLabel = "G",
                     description = "Community group name.") String group) {
        CommunityService.MembershipResult result =
                cli.call(services -> services.communities().add(contact, group, cli.agent()));
        cli.output().change(JsonShapes.membership(result), result.message());
    }
}
