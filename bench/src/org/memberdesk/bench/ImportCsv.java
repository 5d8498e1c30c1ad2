package org.memberdesk.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.memberdesk.service.Actor;
import org.memberdesk.service.Services;
import org.memberdesk.service.importing.ImportProgress;
import org.memberdesk.service.importing.ImportResult;

/** A CSV of new contacts, each with an offer grant, in the import's format; and its import. */
final class ImportCsv {

    static final Actor BENCH = Actor.agent("bench");
    static final List<String> OFFERS = List.of("Gold Membership", "Silver Course");

    private ImportCsv() {
    }

    static Path write(Path file, int rows) throws IOException {
        Files.createDirectories(file.getParent());
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("email,name,tags,offer\n");
            for (int i = 0; i < rows; i++) {
                out.write("member" + i + "@example.org,Member Number " + i + ",cohort-" + (i % 12) + ";imported,"
                        + OFFERS.get(i % OFFERS.size()) + "\n");
            }
        }
        return file;
    }

    static void createOffers(Services services) {
        for (String offer : OFFERS) {
            services.offers().create(offer, null, BENCH);
        }
    }

    /** Imports with triggers on and checks that every row became a contact with a grant. */
    static ImportResult importAll(Services services, Path file, int rows) {
        ImportResult result = services.contactImport().run(file, true, BENCH, ImportProgress.NONE);
        if (result.newContacts() != rows || result.grantsAdded() != rows || result.hasProblems()) {
            throw new IllegalStateException("the import did not take every row: " + result);
        }
        return result;
    }
}
