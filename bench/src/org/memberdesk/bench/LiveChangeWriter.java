package org.memberdesk.bench;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Random;
import org.memberdesk.service.Actor;
import org.memberdesk.service.Services;
import org.memberdesk.service.storage.DataDirectory;

/**
 * B9's other process: renames one contact again and again, a random 100 to 400 ms apart (so the
 * changes do not fall in step with the reader's poll), and prints the wall-clock time just before
 * each edit began: the latency the reader measures from it includes the whole write.
 */
public final class LiveChangeWriter {

    static final String PREFIX = "memberdesk-live";

    private LiveChangeWriter() {
    }

    /** Arguments: data directory, the contact's email, how many edits. */
    public static void main(String[] args) throws Exception {
        String email = args[1];
        int edits = Integer.parseInt(args[2]);
        Random random = new Random(9);
        try (Services services = Services.open(new DataDirectory(Path.of(args[0])), Clock.systemUTC())) {
            Actor actor = Actor.agent("Bench desk");
            for (int i = 1; i <= edits; i++) {
                Thread.sleep(100 + random.nextInt(300));
                Instant before = Instant.now();
                services.contacts().edit(email, null, LiveChangeBench.name(i), null, actor);
                System.out.println(PREFIX + " " + i + " " + (before.getEpochSecond() * 1_000_000L + before.getNano() / 1_000));
                System.out.flush();
            }
        }
    }
}
