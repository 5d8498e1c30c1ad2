package org.memberdesk.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import org.memberdesk.service.Services;
import org.memberdesk.service.storage.DataDirectory;

/**
 * B5's fresh JVM: opens the back end on a data directory, searches once, opens one contact, then
 * collects garbage and prints one line with the heap in use and the resident set size.
 */
public final class MemoryProbe {

    static final String PREFIX = "memberdesk-memory";

    private MemoryProbe() {
    }

    public static void main(String[] args) throws Exception {
        DataDirectory directory = new DataDirectory(Path.of(args[0]));
        UUID contact = UUID.fromString(args[1]);
        try (Services services = Services.open(directory, Clock.systemUTC())) {
            int found = services.contacts().find("dana").size();
            int emails = services.contacts().card(contact).emails().size();
            for (int i = 0; i < 3; i++) {
                System.gc();
                Thread.sleep(100);
            }
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            long committed = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted();
            System.out.println(PREFIX + " heapUsed=" + heap + " heapCommitted=" + committed
                    + " rssKb=" + status("VmRSS") + " hwmKb=" + status("VmHWM")
                    + " found=" + found + " emails=" + emails);
        }
    }

    /** A field of /proc/self/status in kB, or -1 where there is none (not Linux). */
    static long status(String field) throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return -1;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").trim());
            }
        }
        return -1;
    }
}
