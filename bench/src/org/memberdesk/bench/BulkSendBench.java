package org.memberdesk.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.memberdesk.mail.MailSettingsStore;
import org.memberdesk.service.Services;
import org.memberdesk.service.email.OutboxRunResult;
import org.memberdesk.service.storage.DataDirectory;
import org.memberdesk.service.workflow.WorkflowPass;

/**
 * B4: 10,000 contacts were just granted an offer (an import, untimed); timed: the workflow engine
 * turns the 10,000 "Offer Access Granted" events into 10,000 welcome emails (the shipped default
 * workflow) and the outbox delivers them to GreenMail over SMTP. Baseline in the same run: raw Angus
 * Mail sending the very messages GreenMail received, over one reused connection, to a fresh GreenMail.
 */
public final class BulkSendBench implements Benchmark {

    static final double TARGET_RATIO = 0.5;

    @Override
    public String id() {
        return "B4";
    }

    @Override
    public String what() {
        return "bulk: workflow queues 10,000 welcome emails, outbox delivers them to GreenMail";
    }

    @Override
    public String target() {
        return ">= 0.5x raw Angus Mail";
    }

    @Override
    public List<Row> run(BenchContext context) throws Exception {
        int count = context.quick() ? 40 : Integer.getInteger("memberdesk.bench.bulkCount", 10_000);
        Path csv = ImportCsv.write(context.workDir().resolve("b4/contacts-" + count + ".csv"), count);
        DataDirectory data = new DataDirectory(context.workDir().resolve("b4/data-" + System.nanoTime()));
        GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        server.start();
        try {
            long[] cpu = new long[2];
            double[] phases = new double[2];
            double oursSeconds = ours(server, data, csv, count, context, cpu, phases);
            MimeMessage[] received = server.getReceivedMessages();
            if (received.length != count) {
                throw new IllegalStateException("GreenMail received " + received.length + " of " + count);
            }
            long rawCpuStart = processCpuNanos();
            double rawSeconds = raw(received);
            long rawCpu = processCpuNanos() - rawCpuStart;
            double ratio = rawSeconds / oursSeconds;
            String measured = String.format(Locale.ROOT,
                    "%.2fx: ours %,.0f msg/s (%s for %,d), raw %,.0f msg/s (%s)", ratio, count / oursSeconds,
                    Stats.ms(oursSeconds * 1000), count, count / rawSeconds, Stats.ms(rawSeconds * 1000));
            if (ratio < TARGET_RATIO) {
                // what stands between the row and its target, in the row itself
                measured += String.format(Locale.ROOT, "; %.1fx needs both phases within %s, they took %s (workflow)"
                        + " and %s (outbox)", TARGET_RATIO, Stats.ms(rawSeconds / TARGET_RATIO * 1000),
                        Stats.ms(phases[0] * 1000), Stats.ms(phases[1] * 1000));
            }
            context.log("B4 " + measured);
            String cpuTimes = String.format(Locale.ROOT,
                    "process CPU time: workflow %s, outbox %s; raw %s (less affected by other load than the wall clock)",
                    Stats.ms(cpu[0] / 1e6), Stats.ms(cpu[1] / 1e6), Stats.ms(rawCpu / 1e6));
            context.log("B4.c " + cpuTimes);
            return List.of(row(measured, ratio >= TARGET_RATIO),
                    Row.info("B4.c", "bulk: CPU time of this process in each phase (GreenMail included)", cpuTimes));
        } finally {
            server.stop();
            BenchContext.deleteRecursively(data.root());
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double ours(GreenMail server, DataDirectory data, Path csv, int count, BenchContext context,
                               long[] cpu, double[] phases) {
        Map<String, String> smtp = Map.of(MailSettingsStore.ENV_HOST, "127.0.0.1",
                MailSettingsStore.ENV_PORT, String.valueOf(server.getSmtp().getPort()),
                MailSettingsStore.ENV_SECURITY, "none",
                MailSettingsStore.ENV_FROM, "Support <support@example.com>");
        try (Services services = Services.open(data, Clock.systemUTC(), smtp)) {
            ImportCsv.createOffers(services);
            ImportCsv.importAll(services, csv, count);
            long start = System.nanoTime();
            long cpuStart = processCpuNanos();
            WorkflowPass pass = services.workflows().runDue();
            long queued = System.nanoTime();
            long cpuQueued = processCpuNanos();
            OutboxRunResult sent = services.emails().runOutbox(true);
            long end = System.nanoTime();
            cpu[0] = cpuQueued - cpuStart;
            cpu[1] = processCpuNanos() - cpuQueued;
            phases[0] = (queued - start) / 1e9;
            phases[1] = (end - queued) / 1e9;
            if (pass.done() != count || sent.sent() != count) {
                throw new IllegalStateException("expected " + count + " welcomes queued and sent, got " + pass
                        + " / " + sent);
            }
            context.log(String.format(Locale.ROOT, "B4 workflow queued %,d in %s, outbox sent them in %s", count,
                    Stats.ms((queued - start) / 1e6), Stats.ms((end - queued) / 1e6)));
            return (end - start) / 1e9;
        }
    }

    private static double raw(MimeMessage[] messages) throws Exception {
        GreenMail target = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        target.start();
        try {
            Properties properties = new Properties();
            properties.put("mail.smtp.host", "127.0.0.1");
            properties.put("mail.smtp.port", String.valueOf(target.getSmtp().getPort()));
            Session session = Session.getInstance(properties);
            List<MimeMessage> copies = new ArrayList<>(messages.length);
            for (MimeMessage message : messages) {
                copies.add(new MimeMessage(message));
            }
            long start = System.nanoTime();
            try (Transport transport = session.getTransport("smtp")) {
                transport.connect();
                for (MimeMessage message : copies) {
                    transport.sendMessage(message, message.getAllRecipients());
                }
            }
            long end = System.nanoTime();
            if (target.getReceivedMessages().length != messages.length) {
                throw new IllegalStateException("raw send: GreenMail received " + target.getReceivedMessages().length);
            }
            return (end - start) / 1e9;
        } finally {
            target.stop();
        }
    }
}
