package org.memberdesk.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code memberdesk demo ...}: the demo data set for trainers and first-time users. */
@Command(name = "demo", description = "Demo data.")
final class DemoCommand implements Runnable {

    @Mixin
    private CliContext cli;

    @Override
    public void run() {
        throw cli.missingSubcommand();
    }

    @Command(name = "seed", description = "Loads the demo data set; refuses a non-empty database.")
    void seed() {
        int contacts = cli.call(services -> services.demo().seed());
        cli.output().change(new JsonShapes.DemoSeeded(contacts), "seeded demo data: " + contacts + " contacts");
    }

    @Command(name = "reset", description = {
            "Replaces everything a session changed with the demo data set again and empties the demo inbox",
            "(settings and workflows stay), like the console's File > Reset demo. Only on a data directory made",
            "by `demo seed`."})
    void reset() {
        int contacts = cli.call(services -> {
            int loaded = services.demo().reset(); // refuses a database not made by `demo seed`, changing nothing
            services.demoInbox().clear();
            return loaded;
        });
        cli.output().change(new JsonShapes.DemoSeeded(contacts), "reset demo data: " + contacts + " contacts");
    }
}
