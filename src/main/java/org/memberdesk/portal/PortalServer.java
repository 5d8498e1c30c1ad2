package org.memberdesk.portal;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.memberdesk.service.Services;
import org.memberdesk.service.UserError;
import org.memberdesk.service.credentials.HashingBusy;
import org.memberdesk.service.portal.BrandingService;
import org.memberdesk.service.portal.Logo;
import org.memberdesk.service.portal.PortalSiteService.Branding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Client Portal web server: server-rendered pages over the services of one data directory,
 * no JavaScript. The console starts one on localhost; {@code memberdesk portal serve} runs one alone.
 *
 * <pre>
 *   PortalServer portal = new PortalServer(services);
 *   int port = portal.start(7321);   // 0 picks a free port
 *   portal.url();                    // "http://localhost:7321/"
 *   portal.stop();
 * </pre>
 *
 * Every response carries a strict Content-Security-Policy, {@code Referrer-Policy: no-referrer} and
 * {@code X-Content-Type-Options: nosniff}; pages are {@code Cache-Control: no-store}.
 */
public final class PortalServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PortalServer.class);

    /** The CSP of every response: nothing but our own stylesheets, images and form posts. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self';"
            + " form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /** The headers every answer carries, the web server's own error pages included. */
    static final Map<String, String> SECURITY_HEADERS = securityHeaderValues();

    /** The loopback address the portal binds by default: reachable from this computer only. */
    public static final String LOOPBACK = "127.0.0.1";

    static final String RENDERED = "md.rendered";

    private final Services services;
    private final String bindAddress;
    private final Pages pages = new Pages();
    private final String portalCss = Pages.staticText("portal.css");
    private Javalin app;
    private int port = -1;

    /** A portal on the loopback address. */
    public PortalServer(Services services) {
        this(services, LOOPBACK);
    }

    /** A portal on a chosen address ("0.0.0.0" for every interface, e.g. behind a reverse proxy). */
    public PortalServer(Services services, String bindAddress) {
        this.services = Objects.requireNonNull(services);
        this.bindAddress = Objects.requireNonNull(bindAddress);
    }

    /**
     * Starts serving on a port (0: any free port) and returns the port it listens on. Starting a
     * running portal returns its port.
     */
    public synchronized int start(int requestedPort) {
        if (app != null) {
            return port;
        }
        if (requestedPort < 0 || requestedPort > 65535) {
            throw new IllegalArgumentException("port must be 0 to 65535: " + requestedPort);
        }
        services.portalAuth().warmUp();
        RequestGuard guard = new RequestGuard(services.portalSite(), services.portalAuth(),
                new ClientLimits(services.clock()));
        PortalRoutes routes = new PortalRoutes(services.portalAuth(), services.portalSite(), services.credentials(),
                services.signInLinks(), services.clock(), pages, guard);
        Javalin javalin = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.maxRequestSize = 64 * 1024;
            config.jetty.modifyHttpConfiguration(http -> {
                http.setSendServerVersion(false);
                http.setSendXPoweredBy(false);
                http.setRelativeRedirectAllowed(true);
            });
            config.jetty.modifyServer(server -> server.setErrorHandler(new PortalErrorHandler(routes::plainPage)));
            config.routes.before(PortalServer::securityHeaders);
            config.routes.before(this::refuseWithoutItsDatabase);
            config.routes.before(PortalServer::readable);
            // Every POST is counted per client here, before its route: a page added later is limited too.
            config.routes.before(ctx -> guard.clientWait(ctx).ifPresent(wait -> {
                routes.tooMany(ctx, wait);
                ctx.skipRemainingHandlers();
            }));
            config.routes.get("/assets/portal.css", ctx -> css(ctx, portalCss));
            config.routes.get("/assets/brand.css", ctx -> css(ctx, brandCss(services.portalSite().branding())));
            config.routes.get("/assets/icon.svg", ctx -> icon(ctx, services.portalSite().branding()));
            config.routes.get(BrandingService.LOGO_PATH, this::logo);
            config.routes.get("/favicon.ico", ctx -> {
                ctx.status(204);
                ctx.attribute(RENDERED, Boolean.TRUE);
            });
            routes.register(config.routes);
            config.routes.exception(Exception.class, (e, ctx) -> {
                // Never the path: it may hold a link's token.
                LOG.error("portal request failed", e);
                ctx.attribute(RENDERED, null);
                routes.message(ctx, safeHere(routes), 500, "Something went wrong",
                        "Sorry, something went wrong on our side and nothing was changed. Please try again in a"
                                + " moment.", "Back to sign in");
            });
            config.routes.exception(UserError.DatabaseUnreachable.class, (e, ctx) -> {
                LOG.warn("portal request found the database unreachable: answered 503 ({})", e.getMessage());
                ctx.attribute(RENDERED, null);
                unavailable(ctx);
            });
            config.routes.exception(MalformedRequest.class, (e, ctx) -> {
                // One line, never the path or the body: they may hold a token or a password.
                LOG.warn("portal refused a malformed {} request ({}): {}", ctx.method(), e.status(), e.getMessage());
                ctx.attribute(RENDERED, null);
                routes.malformed(ctx, e.status());
            });
            config.routes.exception(HashingBusy.class, (e, ctx) -> {
                LOG.warn("portal too busy checking passwords: answered 503");
                ctx.attribute(RENDERED, null);
                ctx.header("Retry-After", "5");
                routes.message(ctx, safeHere(routes), 503, "Busy right now",
                        "Many people are signing in at this moment. Nothing was changed. Please try again in a few"
                                + " seconds.", "Back to sign in");
            });
            config.routes.error(404, ctx -> {
                if (ctx.attribute(RENDERED) == null) {
                    routes.message(ctx, safeHere(routes), 404, "Page not found",
                            "There is nothing at this address. Check the link, or start from the sign-in page.",
                            "Go to sign in");
                }
            });
            config.routes.error(405, ctx -> {
                if (ctx.attribute(RENDERED) == null) {
                    routes.message(ctx, safeHere(routes), 405, "Page not found",
                            "There is nothing to do at this address. Start from the sign-in page.", "Go to sign in");
                }
            });
        });
        try {
            javalin.start(bindAddress, requestedPort);
        } catch (RuntimeException e) {
            try {
                javalin.stop();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        this.app = javalin;
        this.port = javalin.port();
        LOG.info("client portal listening on {}:{}", bindAddress, port);
        return port;
    }

    /** The paths the router has for a method ("POST"), as registered: for tests that every route is guarded. */
    synchronized List<String> routePaths(String method) {
        if (app == null) {
            throw new IllegalStateException("the portal is not running");
        }
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .map(parsed -> parsed.endpoint)
                .filter(endpoint -> endpoint.method.name().equals(method))
                .map(endpoint -> endpoint.path)
                .toList();
    }

    /** Stops serving; does nothing when not running. */
    public synchronized void stop() {
        if (app != null) {
            app.stop();
            app = null;
            LOG.info("client portal stopped");
        }
        port = -1;
    }

    @Override
    public void close() {
        stop();
    }

    public synchronized boolean running() {
        return app != null;
    }

    /** The port it listens on, or -1 when not running. */
    public synchronized int port() {
        return port;
    }

    /**
     * Where this computer reaches the running portal, e.g. {@code http://localhost:7321/}: for the
     * console's "Open portal". Links in emails use {@link #publicUrl()} instead.
     */
    public synchronized String url() {
        if (app == null) {
            throw new IllegalStateException("the portal is not running");
        }
        boolean local = bindAddress.equals(LOOPBACK) || bindAddress.equals("0.0.0.0") || bindAddress.equals("::")
                || bindAddress.equals("localhost");
        String host = local ? "localhost" : bindAddress.contains(":") ? "[" + bindAddress + "]" : bindAddress;
        return "http://" + host + ":" + port + "/";
    }

    /** The configured public address that links in emails use (environment, setting or localhost default). */
    public String publicUrl() {
        return services.portalSite().publicAddress().baseUrl() + "/";
    }

    private static PortalRoutes.Here safeHere(PortalRoutes routes) {
        return routes.fallbackHere();
    }

    private static Map<String, String> securityHeaderValues() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Cross-Origin-Opener-Policy", "same-origin");
        headers.put("Cross-Origin-Resource-Policy", "same-origin");
        headers.put("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
        headers.put("Cache-Control", "no-store");
        return Map.copyOf(headers);
    }

    /**
     * The database this portal opened was deleted, emptied or replaced: it must not go on serving the
     * old file (sign-ins and reset links against data no one else sees). A plain page, no template:
     * the branding lives in that database too.
     */
    private void refuseWithoutItsDatabase(Context ctx) {
        if (services.storageProblem().isPresent() || services.databaseUnreachable().isPresent()) {
            unavailable(ctx);
            ctx.skipRemainingHandlers();
        }
    }

    /**
     * A plain page, no template: the branding lives in the database too. Asked for again in a few
     * seconds: a shared server that went away may be back by then.
     */
    private static void unavailable(Context ctx) {
        {
            ctx.status(503);
            ctx.header("Retry-After", "10");
            ctx.contentType("text/html; charset=utf-8");
            ctx.result("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Temporarily"
                    + " unavailable</title></head><body><h1>Temporarily unavailable</h1><p>This portal cannot reach"
                    + " its data right now. Nothing was changed. Please try again later.</p></body></html>");
            ctx.attribute(RENDERED, Boolean.TRUE);
        }
    }

    private static void securityHeaders(Context ctx) {
        SECURITY_HEADERS.forEach(ctx::header);
    }

    /**
     * Reads the query and, for a POST, the form before any route runs, so a request that cannot be
     * read (unknown charset, broken multipart, bad percent-encoding, too large) is refused as a whole
     * instead of failing half-way through a route.
     */
    private static void readable(Context ctx) {
        try {
            ctx.queryParamMap();
            if ("POST".equals(ctx.method().name())) {
                ctx.formParamMap();
            }
        } catch (HttpResponseException e) {
            throw new MalformedRequest(e.getStatus(), e);
        } catch (Exception e) { // the servlet API's checked exceptions arrive here too
            throw new MalformedRequest(400, e);
        }
    }

    private static void css(Context ctx, String css) {
        ctx.header("Cache-Control", "no-cache");
        ctx.contentType("text/css; charset=utf-8");
        ctx.result(css);
        ctx.attribute(RENDERED, Boolean.TRUE);
    }

    /**
     * The business's logo, also loaded by emails from other sites (webmail): so, unlike the pages,
     * it may be embedded cross-origin. Only a checked PNG or JPEG is ever stored.
     */
    private void logo(Context ctx) {
        Optional<Logo> logo = services.branding().logo();
        ctx.attribute(RENDERED, Boolean.TRUE);
        if (logo.isEmpty()) {
            ctx.status(404);
            return;
        }
        ctx.header("Cross-Origin-Resource-Policy", "cross-origin");
        ctx.header("Cache-Control", "no-cache");
        ctx.contentType(logo.get().contentType());
        ctx.result(logo.get().bytes());
    }

    /** A rounded square in the accent color: the tab icon. */
    private static void icon(Context ctx, Branding brand) {
        ctx.header("Cache-Control", "no-cache");
        ctx.contentType("image/svg+xml");
        ctx.result("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 32 32\">"
                + "<rect width=\"32\" height=\"32\" rx=\"8\" fill=\"" + brand.accent() + "\"/>"
                + "<circle cx=\"16\" cy=\"16\" r=\"6\" fill=\"" + brand.onAccent() + "\"/></svg>");
        ctx.attribute(RENDERED, Boolean.TRUE);
    }

    /** The brand's colors as CSS variables; the values are checked #rrggbb colors, never raw settings. */
    static String brandCss(Branding brand) {
        return ":root {\n"
                + "  --accent: " + brand.accent() + ";\n"
                + "  --on-accent: " + brand.onAccent() + ";\n"
                + "  --accent-dark: " + brand.accentDark() + ";\n"
                + "  --accent-soft: " + brand.accentSoft() + ";\n"
                + "}\n";
    }
}
