package org.memberdesk.cli;

import java.net.BindException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.memberdesk.portal.PortalServer;
import org.memberdesk.service.Services;
import org.memberdesk.service.UserError;
import org.memberdesk.service.email.SettingSource;
import org.memberdesk.service.portal.PortalSiteService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code memberdesk portal serve}: runs the Client Portal, the workflows and mail delivery until stopped. */
@Command(name = "portal", description = "The Client Portal web server.")
final class PortalCommand implements Runnable {

    /** What {@code --json} prints once the portal is up. */
    record Serving(String url, String publicUrl, int port, List<String> warnings) {
    }

    /** What {@code portal limits --json} prints: the limits in force. */
    record Limits(boolean on, int signInPerIpPerMinute, int forgotPerIpPerMinute, int linkPerIpPerMinute,
                  int otherPerIpPerMinute, int signInPerAccountPerHour, int forgotPerAccountPerHour,
                  List<String> trustedProxies, String trustedProxiesSource, List<String> warnings) {
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

    @Command(name = "magic-links",
            description = {"Without an argument: says whether contacts may sign in with an emailed link.",
                    "on: the portal's sign-in page offers \"Email me a sign-in link\", and agents can send login emails;"
                            + " off (the default): neither, and links already sent stop working."})
    void magicLinks(@Parameters(arity = "0..1", paramLabel = "on|off") String state) {
        Boolean on = state == null ? null : switch (state.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new UserError("magic-links takes on or off, not '" + state + "'");
        };
        boolean now = cli.call(services -> on == null ? services.signInLinks().enabled()
                : services.signInLinks().setEnabled(on, cli.agent()));
        cli.output().change(new JsonShapes.MagicLinks(now), "magic-link sign-in is " + (now ? "on" : "off"));
    }

    @Command(name = "limits",
            description = {"Without options: shows the limits on sign-in, Forgot Password and link forms in force,"
                    + " per client address (per minute) and per typed email address (per hour), and the trusted"
                    + " reverse proxies whose X-Forwarded-For names the client.",
                    "With options: changes the values given and keeps the others. " + PortalSiteService.TRUSTED_PROXIES_ENV
                            + " (comma-separated) wins over the stored trusted proxies.",
                    "A running portal applies a change within a few seconds."})
    void limits(@Option(names = "--trusted-proxy", paramLabel = "ADDR|CIDR",
                        description = "A reverse proxy (address or range, e.g. 10.0.0.0/8) whose X-Forwarded-For"
                                + " names the client; repeat for several. Replaces the stored list.")
                List<String> trustedProxies,
                @Option(names = "--no-trusted-proxies", description = "Trust no proxy: every client is its socket's"
                        + " address.") boolean noTrustedProxies,
                @Option(names = "--sign-in-per-ip", paramLabel = "N",
                        description = "Sign-ins per client address per minute.") Integer signInPerIp,
                @Option(names = "--forgot-per-ip", paramLabel = "N",
                        description = "Forgot Password requests per client address per minute.") Integer forgotPerIp,
                @Option(names = "--link-per-ip", paramLabel = "N",
                        description = "Reset and set-password form posts per client address per minute.")
                Integer linkPerIp,
                @Option(names = "--sign-in-per-account", paramLabel = "N",
                        description = "Sign-ins per typed email address per hour, at each door.")
                Integer signInPerAccount,
                @Option(names = "--forgot-per-account", paramLabel = "N",
                        description = "Forgot Password requests per typed email address per hour, at each door.")
                Integer forgotPerAccount,
                @Option(names = "--on", description = "Apply the limits (the default).") boolean on,
                @Option(names = "--off", description = "Lift every limit: for load tests only, never on a portal"
                        + " the internet reaches.") boolean off) {
        if (trustedProxies != null && noTrustedProxies) {
            throw cli.usageError("limits", "give either --trusted-proxy or --no-trusted-proxies, not both");
        }
        if (on && off) {
            throw cli.usageError("limits", "give either --on or --off, not both");
        }
        List<String> proxies = noTrustedProxies ? List.of() : trustedProxies;
        boolean changing = proxies != null || signInPerIp != null || forgotPerIp != null || linkPerIp != null
                || signInPerAccount != null || forgotPerAccount != null || on || off;
        PortalSiteService.LimitsView view;
        if (changing) {
            PortalSiteService.LimitsChange change = new PortalSiteService.LimitsChange(proxies, signInPerIp,
                    forgotPerIp, linkPerIp, signInPerAccount, forgotPerAccount, on ? Boolean.TRUE : off ? Boolean.FALSE
                    : null);
            view = cli.call(services -> services.portalSite().saveLimits(change, cli.agent()));
        } else {
            view = cli.call(services -> services.portalSite().limitsView());
        }
        List<String> warnings = new ArrayList<>();
        if (!view.limits().on()) {
            warnings.add("the limits are off: anyone can send unlimited sign-ins and Forgot Password requests."
                    + " This is for load tests only; turn them back on with `memberdesk portal limits --on`");
        }
        if (proxies != null && view.trustedProxiesSource() == SettingSource.ENVIRONMENT) {
            warnings.add(PortalSiteService.TRUSTED_PROXIES_ENV + " is set and wins over the stored trusted proxies");
        }
        view.unusableProxies().forEach(p -> warnings.add("trusted proxy '" + p + "' is not an IP address or a CIDR"
                + " range; it is ignored"));
        PortalSiteService.RequestLimits l = view.limits();
        List<String> lines = new ArrayList<>();
        if (changing) {
            lines.add("saved portal limits");
        }
        lines.add("limits: " + (l.on() ? "on" : "off (lifted: for load tests only)"));
        lines.add("per client address per minute: sign-in " + l.signInPerIp() + ", forgot password "
                + l.forgotPerIp() + ", link forms " + l.linkPerIp() + ", any other form " + l.otherPerIp());
        lines.add("per typed email address per hour: sign-in " + l.signInPerAccount() + ", forgot password "
                + l.forgotPerAccount());
        lines.add("trusted proxies: " + (l.trustedProxies().isEmpty() ? "none" : String.join(", ", l.trustedProxies()))
                + switch (view.trustedProxiesSource()) {
                    case ENVIRONMENT -> " (from " + PortalSiteService.TRUSTED_PROXIES_ENV
                            + ", which wins over the stored setting)";
                    case SETTING -> " (setting)";
                    case DEFAULT, NONE -> "";
                });
        Output output = cli.output();
        output.change(new Limits(l.on(), l.signInPerIp(), l.forgotPerIp(), l.linkPerIp(), l.otherPerIp(),
                l.signInPerAccount(), l.forgotPerAccount(), l.trustedProxies(), view.trustedProxiesSource().code(),
                warnings), lines);
        warnings.forEach(output::warning);
    }

    /** Links in emails that cannot reach this portal deserve a line. */
    private static String portWarning(PortalSiteService.PublicAddress address, int port) {
        if (address.source() == SettingSource.DEFAULT && !address.baseUrl().endsWith(":" + port)) {
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
