package org.memberdesk.cli;

import java.net.BindException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.memberdesk.portal.PortalServer;
import org.memberdesk.service.PortalSiteService;
import org.memberdesk.service.Services;
import org.memberdesk.service.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code memberdesk portal serve}: runs the Client Portal, the workflows and mail delivery until stopped. */
@Command(name = "portal", description = "The Client Portal web server.")
final class PortalCommand implements Runnable {

    /** What {@code --json} prints once the portal is up. */
    record Serving(String url, String publicUrl, int port, List<String> warnings) {
    }

    @Mixin
    private CliContext cli;

    @Override
    public void run() {
        throw cli.missingSubcommand();
    }

    @Command(name = "serve",
            description = "Runs the Client Portal, runs workflows and delivers mail until interrupted (Ctrl+C).")
    void serve(@Option(names = "--port", paramLabel = "P",
                       description = "Port to listen on; 0 picks a free one (default: setting portal.port, or 7321).")
               Integer port,
               @Option(names = "--bind", paramLabel = "ADDR", defaultValue = PortalServer.LOOPBACK,
                       description = "Address to listen on (default: ${DEFAULT-VALUE}, this computer only;"
                               + " 0.0.0.0 for every interface, e.g. behind a reverse proxy).")
               String bind) {
        if (port != null && (port < 0 || port > 65535)) {
            throw cli.usageError("serve", "--port must be from 0 to 65535");
        }
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        // Ctrl+C (or a TERM signal): wake the command, then let the JVM go once everything is closed.
        Thread hook = new Thread(() -> {
            stop.countDown();
            try {
                closed.await(15, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "portal-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            cli.call(services -> {
                run(services, port == null ? services.portalSite().configuredPort() : port, bind, stop);
                return null;
            });
        } finally {
            closed.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it ends now that everything is closed
            }
        }
    }

    private void run(Services services, int requestedPort, String bind, CountDownLatch stop) {
        PortalServer portal = new PortalServer(services, bind);
        int actual;
        try {
            actual = portal.start(requestedPort);
        } catch (RuntimeException e) {
            portal.stop();
            if (causedBy(e, BindException.class)) {
                throw new UserError("cannot listen on " + bind + " port " + requestedPort
                        + ": it is in use or not allowed; choose another with --port");
            }
            throw e;
        }
        try {
            services.emails().startBackgroundDelivery();
            services.workflows().start();
            PortalSiteService.PublicAddress address = services.portalSite().publicAddress();
            List<String> warnings = new ArrayList<>(services.mailSettings().warnings());
            String portWarning = portWarning(address, actual);
            if (portWarning != null) {
                warnings.add(portWarning);
            }
            StringBuilder line = new StringBuilder("Client Portal running at ").append(portal.url())
                    .append(" (links in emails use ").append(address.baseUrl())
                    .append("/); running workflows and delivering mail. Press Ctrl+C to stop.");
            warnings.forEach(w -> line.append("\nwarning: ").append(w));
            cli.output().change(new Serving(portal.url(), address.baseUrl() + "/", actual, warnings), line.toString());
            while (!stop.await(2, TimeUnit.SECONDS)) {
                Optional<String> lost = services.storageProblem();
                if (lost.isPresent()) {
                    throw new UserError(lost.get());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            services.workflows().stop();
            services.emails().stopBackgroundDelivery();
            portal.stop();
        }
    }

    /** Links in emails that cannot reach this portal deserve a line. */
    private static String portWarning(PortalSiteService.PublicAddress address, int port) {
        if (address.source().equals("default") && !address.baseUrl().endsWith(":" + port)) {
            return "links in emails point to " + address.baseUrl() + ", not to this portal on port " + port
                    + ": set MEMBERDESK_PORTAL_URL, or run on that port";
        }
        return null;
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
