package org.memberdesk.bench;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.memberdesk.Launcher;
import org.memberdesk.service.Services;
import org.memberdesk.service.contacts.ContactSummary;
import org.memberdesk.service.demo.SampleDataGenerator;
import org.memberdesk.service.offers.OfferView;

/**
 * B8: JVM start until the first contact an agent opens shows her Email History: {@code memberdesk
 * --open-probe dana} on the data set types "dana" as soon as the main window is interactive, presses
 * Enter, and stops when the contact window lists emails. Against {@link BareWindowProbe}, as B1:
 * fresh JVMs, headless Monocle, alternating, one warm-up of each first.
 */
public final class FirstContactBench implements Benchmark {

    static final String QUERY = "dana";
    static final int HISTORY_EMAILS = 30;
    static final double TARGET_RATIO = 3.0;

    @Override
    public String id() {
        return "B8";
    }

    @Override
    public String what() {
        return "first contact: JVM start, type \"dana\", Enter, until her window shows her Email History";
    }

    @Override
    public String target() {
        return "<= 3.0x a bare JavaFX window";
    }

    @Override
    public List<Row> run(BenchContext context) throws IOException, InterruptedException {
        String opened = giveHistory(context);
        String dataDir = context.dataset().directory().root().toString();
        List<String> app = List.of(Launcher.class.getName(), "--data-dir", dataDir, "--open-probe", QUERY);
        List<String> bare = List.of(BareWindowProbe.class.getName());
        int runs = context.iterations(7);
        List<String> jvm = ConsoleJar.prepare(context).jvmOptions();
        if (!context.quick()) {
            StartupBench.probe(jvm, app);
            StartupBench.probe(bare);
        }
        long[] appNanos = new long[runs];
        long[] bareNanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            bareNanos[i] = StartupBench.probe(bare) * 1_000_000;
            appNanos[i] = StartupBench.probe(jvm, app) * 1_000_000;
        }
        Stats appStats = Stats.ofNanos(appNanos, runs);
        Stats bareStats = Stats.ofNanos(bareNanos, runs);
        double ratio = appStats.median() / bareStats.median();
        String measured = String.format(Locale.ROOT,
                "%.2fx: app median %s, bare window median %s (%d runs each; opens %s)",
                ratio, Stats.ms(appStats.median()), Stats.ms(bareStats.median()), runs, opened);
        context.log("B8 " + measured);
        return List.of(row(measured, ratio <= TARGET_RATIO),
                Row.info("B8.r", "first contact, every run (app / bare, ms)",
                        StartupBench.joined(appNanos) + " / " + StartupBench.joined(bareNanos)));
    }

    /**
     * The data set gives only one contact a history; the contact "dana" opens (the first found) gets
     * {@value #HISTORY_EMAILS} emails once, so her window has rows to show. Returns her name.
     */
    static String giveHistory(BenchContext context) {
        try (Services services = context.openServices()) {
            ContactSummary first = services.contacts().find(QUERY).get(0);
            if (services.emails().list(first.id()).isEmpty()) {
                List<UUID> offers = services.offers().list().stream().map(OfferView::id).toList();
                new SampleDataGenerator(services.transactions().database(), services.clock())
                        .addHistory(first.id(), offers, HISTORY_EMAILS, context.spec().seed());
                context.log("B8: gave " + first.name() + " " + HISTORY_EMAILS + " emails");
            }
            return first.name();
        }
    }
}
