package org.memberdesk.portal;

import org.memberdesk.testsupport.TestServices;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.domain.EmailKind;
import org.memberdesk.service.Actor;
import org.memberdesk.service.Services;
import org.memberdesk.service.importing.ImportProgress;
import org.memberdesk.service.importing.ImportResult;
import org.memberdesk.service.storage.DataDirectory;

/**
 * Imports never stop the desk (issue 18): while a 250,000-row import runs, a portal sign-in, a Forgot
 * Password (its email queued) and an agent's single action each complete within 2 s; and 100 MB of
 * CSV imports in a JVM with a 256 MB heap. Run with {@code mvn -Pload -Dtest=ImportUnderLoadTest test}.
 */
@Tag("load")
class ImportUnderLoadTest {

    static final String PASSWORD = "correct horse battery staple";
    static final int ROWS = 250_000;
    static final long LIMIT_MILLIS = 2_000;

    @TempDir
    Path dir;
    @TempDir
    Path files;

    @Test
    void aSignInAForgotPasswordAndAnAgentsActionEachTakeUnderTwoSecondsDuringA250000RowImport()
            throws Exception {
        Path csv = files.resolve("members.csv");
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("email,name,tags,offer\n");
            for (int i = 0; i < ROWS; i++) {
                out.write("member" + i + "@example.org,Member Number " + i + ",cohort-" + (i % 12) + ";imported,"
                        + (i % 2 == 0 ? "Momentum Membership" : "") + "\n");
            }
        }
        try (PortalFixture portal = PortalFixture.start(dir.resolve("data"));
             Services importer = TestServices.open(dir.resolve("data"), portal.clock, Map.of());
             Services agentDesk = TestServices.open(dir.resolve("data"), portal.clock, Map.of())) {
            portal.membershipPassword(PASSWORD);
            portal.services.portalAuth().warmUp();
            CountDownLatch writing = new CountDownLatch(1);
            long importStart = System.nanoTime();
            CompletableFuture<ImportResult> running = CompletableFuture.supplyAsync(() ->
                    importer.contactImport().run(csv, true, Actor.agent("Importer"), (phase, done, total) -> {
                        if (phase == ImportProgress.Phase.WRITING && done > 0) {
                            writing.countDown();
                        }
                    }));
            assertThat(writing.await(5, TimeUnit.MINUTES)).as("the import began writing").isTrue();
            long writeStart = System.nanoTime();

            List<Long> signIns = new ArrayList<>();
            List<Long> forgots = new ArrayList<>();
            List<Long> adds = new ArrayList<>();
            long queuedBefore = resetLinksQueued(portal);
            for (int round = 0; round < 3 && !running.isDone(); round++) {
                HttpSession browser = portal.browser();
                HttpSession.Page login = browser.get("/");
                long start = System.nanoTime();
                HttpSession.Page signedIn = browser.submit(login, "/login",
                        Map.of("email", PortalFixture.DANA, "password", PASSWORD));
                signIns.add(millisSince(start));
                assertThat(signedIn.status()).isLessThan(400);
                assertThat(browser.cookie("md_session").isPresent() || signedIn.body().contains("Momentum"))
                        .as("signed in").isTrue();

                HttpSession stranger = portal.browser();
                HttpSession.Page forgotPage = stranger.get("/forgot");
                start = System.nanoTime();
                HttpSession.Page answered = stranger.submit(forgotPage, "/forgot", Map.of("email", PortalFixture.DANA));
                forgots.add(millisSince(start));
                assertThat(answered.status()).isEqualTo(200);

                start = System.nanoTime();
                agentDesk.contacts().add("walk-in" + round + "@example.org", "Walk In " + round, List.of(),
                        Actor.agent("Sam (support)"));
                adds.add(millisSince(start));
                Thread.sleep(1_000);
            }
            boolean overlapped = !running.isDone();
            ImportResult result = running.get(10, TimeUnit.MINUTES);
            long importMillis = millisSince(importStart);
            long writeMillis = millisSince(writeStart);

            System.out.printf("LOAD import of %d rows: %d ms in all, %d ms writing (result says %d ms)%n", ROWS,
                    importMillis, writeMillis, result.millis());
            System.out.printf("LOAD during the import: sign-in %s ms, forgot password %s ms, contacts add %s ms%n",
                    signIns, forgots, adds);
            assertThat(overlapped).as("the requests ran while the import was writing").isTrue();
            assertThat(signIns).isNotEmpty().allMatch(ms -> ms < LIMIT_MILLIS);
            assertThat(forgots).isNotEmpty().allMatch(ms -> ms < LIMIT_MILLIS);
            assertThat(adds).isNotEmpty().allMatch(ms -> ms < LIMIT_MILLIS);
            assertThat(resetLinksQueued(portal)).as("every Forgot Password queued its email")
                    .isEqualTo(queuedBefore + forgots.size());
            assertThat(result.newContacts()).isEqualTo(ROWS);
            assertThat(agentDesk.contacts().count()).isEqualTo(ROWS + 1 + adds.size());
        }
    }

    @Test
    void a100MegabyteFileImportsUnderA256MegabyteHeap() throws Exception {
        Path data = dir.resolve("big");
        try (Services services = TestServices.open(data, java.time.Clock.systemUTC(), Map.of())) {
            services.offers().create("Gold Membership", null, Actor.agent("Sam (support)"));
        }
        Path csv = files.resolve("big.csv");
        String notes = "x".repeat(150);
        String name = "Member With A Rather Long Name For The Sake Of Size ".repeat(4).substring(0, 190);
        int rows = 0;
        int bad = 0;
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("email,name,tags,offer,notes\n");
            while (Files.size(csv) < 100L * 1024 * 1024 || rows % 1000 != 0) {
                boolean broken = rows % 100 == 99;
                out.write((broken ? "not-an-address-" + rows : "m" + rows + "@example.org") + "," + name + " " + rows
                        + ",tag-" + (rows % 40) + "-" + "t".repeat(40) + ",Gold Membership," + notes + "\n");
                rows++;
                bad += broken ? 1 : 0;
                if (rows % 10_000 == 0) {
                    out.flush();
                }
            }
        }
        long size = Files.size(csv);
        Path gcLog = files.resolve("gc.log");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Xlog:gc:file=" + gcLog, "-cp", System.getProperty("java.class.path"),
                "org.memberdesk.Launcher", "--data-dir", data.toString(), "import", "contacts", csv.toString(),
                "--no-triggers");
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command)
                .redirectOutput(files.resolve("stdout").toFile())
                .redirectError(files.resolve("stderr").toFile())
                .start();
        assertThat(process.waitFor(8, TimeUnit.MINUTES)).as("the import finished").isTrue();
        long millis = millisSince(start);
        String out = Files.readString(files.resolve("stdout"));
        String err = Files.readString(files.resolve("stderr"));

        System.out.printf("LOAD %d MB, %d rows (%d bad) under -Xmx256m: exit %d in %d ms, peak heap %d MB%n",
                size / (1024 * 1024), rows, bad, process.exitValue(), millis, peakHeapMb(gcLog));
        System.out.println("LOAD stdout: " + out.strip());
        assertThat(err).doesNotContain("OutOfMemoryError");
        assertThat(process.exitValue()).as(err).isEqualTo(1); // bad rows were reported
        assertThat(out).contains("imported " + (rows - bad) + " of " + rows + " rows");
        assertThat(err).contains("line 101: 'not-an-address-99' is not a valid email address")
                .contains("more bad rows (only the first 1000 are listed)");
        try (Services services = TestServices.open(data, java.time.Clock.systemUTC(), Map.of())) {
            assertThat(services.contacts().count()).isEqualTo(rows - bad);
        }
    }

    private static long resetLinksQueued(PortalFixture portal) {
        return portal.services.transactions().read(t -> {
            var dana = t.contacts().byEmail(PortalFixture.DANA).orElseThrow();
            return t.emails().ofContact(dana.getId()).stream()
                    .filter(m -> m.getKind() == EmailKind.RESET_LINK).count();
        });
    }

    /** The most heap in use before any collection, from the JVM's own log ("Pause Young ... 150M->30M(256M)"). */
    private static long peakHeapMb(Path gcLog) throws IOException {
        Matcher m = Pattern.compile("(\\d+)M->(\\d+)M\\(").matcher(Files.readString(gcLog));
        long peak = 0;
        while (m.find()) {
            peak = Math.max(peak, Long.parseLong(m.group(1)));
        }
        return peak;
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
