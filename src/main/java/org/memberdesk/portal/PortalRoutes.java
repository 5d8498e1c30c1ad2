package org.memberdesk.portal;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.memberdesk.service.UserError;
import org.memberdesk.service.credentials.AccessType;
import org.memberdesk.service.credentials.CredentialService.LinkCheck;
import org.memberdesk.service.credentials.CredentialService;
import org.memberdesk.service.credentials.SignInLinks;
import org.memberdesk.service.credentials.LinkPurpose;
import org.memberdesk.service.credentials.LinkState;
import org.memberdesk.service.portal.PortalAuthService.Door;
import org.memberdesk.service.portal.PortalAuthService.SessionCheck;
import org.memberdesk.service.portal.PortalAuthService.SignIn;
import org.memberdesk.service.portal.PortalAuthService;
import org.memberdesk.service.portal.BrandingService;
import org.memberdesk.service.portal.PortalSiteService.Branding;
import org.memberdesk.service.portal.PortalSiteService;

/**
 * The pages of both kinds of door: the membership portal at {@code /} and each community group's
 * at {@code /community/{slug}}. Each door has the same flow (sign in, Forgot Password, reset and
 * set-password links, sign out) over its own credential. Every link and redirect on a page is a
 * path on this site: nothing is ever built from the request's Host header.
 */
final class PortalRoutes {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private final PortalAuthService auth;
    private final PortalSiteService site;
    private final CredentialService credentials;
    private final SignInLinks signInLinks;
    private final Clock clock;
    private final Pages pages;
    private final RequestGuard guard;

    PortalRoutes(PortalAuthService auth, PortalSiteService site, CredentialService credentials,
                 SignInLinks signInLinks, Clock clock, Pages pages, RequestGuard guard) {
        this.auth = auth;
        this.site = site;
        this.credentials = credentials;
        this.signInLinks = signInLinks;
        this.clock = clock;
        this.pages = pages;
        this.guard = guard;
    }

    /** Where a request is: the door, its paths, whether cookies are Secure, and the brand. */
    record Here(Door door, String basePath, boolean secure, Branding brand) {

        String homePath() {
            return basePath.isEmpty() ? "/" : basePath;
        }

        String path(String tail) {
            return basePath + "/" + tail;
        }

        String sessionCookie() {
            return Cookies.sessionName(door, secure);
        }

        String doorLabel() {
            return door.community() ? door.groupName() + " community" : "Membership portal";
        }

        /** "your membership" / "the Founders Circle community group": what a page is for. */
        String accessPhrase() {
            return door.community() ? "the " + door.groupName() + " community group" : "your membership";
        }
    }

    void register(RoutesConfig routes) {
        routes.get("/", ctx -> home(ctx, membership()));
        routes.post("/login", ctx -> login(ctx, membership()));
        routes.post("/logout", ctx -> logout(ctx, membership()));
        routes.get("/login", ctx -> redirect(ctx, "/"));
        routes.get("/logout", ctx -> redirect(ctx, "/"));
        routes.get("/forgot", ctx -> forgotForm(ctx, membership()));
        routes.post("/forgot", ctx -> forgot(ctx, membership()));
        routes.get("/reset/{token}", ctx -> linkForm(ctx, membership(), "reset"));
        routes.post("/reset/{token}", ctx -> completeLink(ctx, membership(), "reset"));
        routes.get("/set-password/{token}", ctx -> linkForm(ctx, membership(), "set-password"));
        routes.post("/set-password/{token}", ctx -> completeLink(ctx, membership(), "set-password"));
        routes.get("/code", ctx -> codeForm(ctx, membership(), "", null, 200));
        routes.get("/signin", ctx -> signInRequestForm(ctx, membership()));
        routes.post("/signin", ctx -> requestSignInLink(ctx, membership()));
        routes.get("/signin/{token}", ctx -> signInConfirm(ctx, membership()));
        routes.post("/signin/{token}", ctx -> signInWithLink(ctx, membership()));
        routes.post("/code", ctx -> redeemCode(ctx, membership()));

        routes.get("/community/{slug}", ctx -> community(ctx, "").ifPresent(here -> home(ctx, here)));
        routes.post("/community/{slug}/login", ctx -> community(ctx, "login").ifPresent(here -> login(ctx, here)));
        routes.post("/community/{slug}/logout", ctx -> community(ctx, "logout").ifPresent(here -> logout(ctx, here)));
        routes.get("/community/{slug}/login",
                ctx -> community(ctx, "").ifPresent(here -> redirect(ctx, here.homePath())));
        routes.get("/community/{slug}/logout",
                ctx -> community(ctx, "").ifPresent(here -> redirect(ctx, here.homePath())));
        routes.get("/community/{slug}/forgot",
                ctx -> community(ctx, "forgot").ifPresent(here -> forgotForm(ctx, here)));
        routes.post("/community/{slug}/forgot",
                ctx -> community(ctx, "forgot").ifPresent(here -> forgot(ctx, here)));
        routes.get("/community/{slug}/code",
                ctx -> community(ctx, "code").ifPresent(here -> codeForm(ctx, here, "", null, 200)));
        routes.post("/community/{slug}/code", ctx -> community(ctx, "code").ifPresent(here -> redeemCode(ctx, here)));
        routes.get("/community/{slug}/reset/{token}", ctx -> community(ctx, "reset/" + ctx.pathParam("token"))
                .ifPresent(here -> linkForm(ctx, here, "reset")));
        routes.post("/community/{slug}/reset/{token}",
                ctx -> community(ctx, null).ifPresent(here -> completeLink(ctx, here, "reset")));
    }

    // ---- doors ----

    private Here membership() {
        return here(Door.MEMBERSHIP, "");
    }

    private Here here(Door door, String basePath) {
        PortalSiteService.PublicAddress address = site.publicAddress();
        return new Here(door, basePath, address.https(), site.branding());
    }

    /**
     * The community door named in the path. An unknown group gets a 404 page; a group named in
     * another spelling is redirected to its canonical path (GET only).
     */
    private Optional<Here> community(Context ctx, String tail) {
        String slug = ctx.pathParam("slug");
        Optional<Door> door = auth.communityDoor(slug);
        if (door.isEmpty()) {
            Here fallback = membership();
            message(ctx, fallback, 404, "Page not found",
                    "There is no community group at this address. Check the link in your email, or go to the"
                            + " membership portal.", "Go to the membership portal");
            return Optional.empty();
        }
        String basePath = "/community/" + encodeSegment(door.get().groupSlug());
        if (!door.get().groupSlug().equals(slug) && tail != null && "GET".equals(ctx.req().getMethod())) {
            redirect(ctx, tail.isEmpty() ? basePath : basePath + "/" + tail);
            return Optional.empty();
        }
        return Optional.of(here(door.get(), basePath));
    }

    // ---- sign in, home, sign out ----

    private void home(Context ctx, Here here) {
        String sessionId = Cookies.read(ctx, here.sessionCookie());
        SessionCheck check = sessionId == null ? new SessionCheck(SessionCheck.State.NONE, null)
                : auth.session(sessionId, here.door());
        if (check.valid()) {
            if (here.door().community()) {
                Map<String, Object> model = model(ctx, here, "Welcome");
                model.put("groupName", here.door().groupName());
                model.put("email", check.session().email());
                model.put("logoutAction", here.path("logout"));
                html(ctx, 200, "community-home", model);
            } else {
                membershipHome(ctx, here, check.session());
            }
            return;
        }
        if (sessionId != null) {
            Cookies.clear(ctx, here.sessionCookie(), here.secure());
        }
        Map<String, Object> model = loginModel(ctx, here, "", true);
        Notice notice = switch (check.state()) {
            case EXPIRED -> Notice.info("Your session ended. Please sign in again.");
            case PASSWORD_CHANGED -> Notice.info("Your password was changed, so you were signed out everywhere."
                    + " Sign in with your new password.");
            default -> Notice.fromQuery(ctx.queryParam("notice"));
        };
        if (notice != null) {
            model.put("notice", notice.model());
        }
        html(ctx, 200, "login", model);
    }

    private void membershipHome(Context ctx, Here here, PortalAuthService.SessionView session) {
        PortalSiteService.Home home = site.home(session.contactId());
        ZoneId zone = clock.getZone();
        Map<String, Object> model = model(ctx, here, "Your memberships");
        model.put("wide", true);
        model.put("name", home.name());
        model.put("email", home.email());
        model.put("logoutAction", here.path("logout"));
        List<Map<String, Object>> memberships = home.memberships().stream().map(m -> {
            Map<String, Object> row = new HashMap<>();
            row.put("offer", m.offer());
            row.put("since", DAY.format(m.since().atZone(zone)));
            row.put("until", m.until() == null ? null : DAY.format(m.until().atZone(zone)));
            row.put("loginUrl", m.loginUrl());
            return row;
        }).toList();
        List<Map<String, Object>> groups = home.groups().stream().map(g -> {
            Map<String, Object> row = new HashMap<>();
            row.put("name", g.name());
            row.put("path", "/community/" + encodeSegment(g.slug()));
            row.put("passwordSet", g.passwordSet());
            return row;
        }).toList();
        model.put("memberships", memberships);
        model.put("hasMemberships", !memberships.isEmpty());
        model.put("groups", groups);
        model.put("hasGroups", !groups.isEmpty());
        html(ctx, 200, "home", model);
    }

    private void login(Context ctx, Here here) {
        if (!Csrf.valid(ctx, here.secure())) {
            forbidden(ctx, here);
            return;
        }
        String email = trimmed(ctx.formParam("email"));
        String password = ctx.formParam("password");
        Map<String, Object> model = loginModel(ctx, here, email, false);
        boolean complete = !email.isEmpty() && password != null && !password.isEmpty();
        if (complete && overAccountLimit(ctx, here, RequestGuard.Bucket.SIGN_IN, email)) {
            return;
        }
        if (!complete) {
            if (email.isEmpty()) {
                model.put("emailError", "Enter your email address.");
                model.put("focusEmail", true);
            }
            if (password == null || password.isEmpty()) {
                model.put("passwordError", "Enter your password.");
                model.putIfAbsent("focusPassword", !email.isEmpty());
            }
            html(ctx, 422, "login", model);
            return;
        }
        SignIn result = auth.signIn(email, password, here.door());
        switch (result.outcome()) {
            case SIGNED_IN -> {
                String previous = Cookies.read(ctx, here.sessionCookie());
                if (previous != null) {
                    auth.signOut(previous); // one browser, one session per door
                }
                Cookies.set(ctx, here.sessionCookie(), result.sessionId(), here.secure());
                redirect(ctx, here.homePath());
            }
            case LOCKED -> {
                long minutes = Math.max(1, result.lockFor().toMinutes());
                model.put("formError", "Too many unsuccessful attempts. For your safety, signing in with this"
                        + " email is paused for " + minutes + " minutes. To get in right away, use “Forgot your"
                        + " password?” to choose a new one.");
                model.put("focusPassword", true);
                html(ctx, 429, "login", model);
            }
            default -> {
                model.put("formError", here.door().community()
                        ? "That email and password do not match a member of " + here.door().groupName()
                        + ". This group has its own password, separate from your membership password."
                        : "That email and password do not match an account. Check both and try again, or use"
                        + " “Forgot your password?”.");
                model.put("focusPassword", true);
                html(ctx, 401, "login", model);
            }
        }
    }

    private Map<String, Object> loginModel(Context ctx, Here here, String email, boolean focusEmail) {
        Map<String, Object> model = model(ctx, here, "Sign in");
        model.put("heading", here.door().community() ? "Sign in to " + here.door().groupName() : "Sign in");
        model.put("lead", here.door().community()
                ? "Community group access for members of " + here.door().groupName() + "."
                : "Membership access: your courses, coaching and offers.");
        model.put("passwordLabel", here.door().community() ? here.door().groupName() + " password" : "Password");
        model.put("email", email);
        model.put("focusEmail", focusEmail);
        model.put("loginAction", here.path("login"));
        model.put("forgotPath", here.path("forgot"));
        model.put("codePath", here.path("code"));
        if (!here.door().community() && signInLinks.enabled()) {
            model.put("signInLinkPath", here.path("signin"));
        }
        return model;
    }

    private void logout(Context ctx, Here here) {
        if (!Csrf.valid(ctx, here.secure())) {
            forbidden(ctx, here);
            return;
        }
        String sessionId = Cookies.read(ctx, here.sessionCookie());
        if (sessionId != null) {
            auth.signOut(sessionId);
        }
        Cookies.clear(ctx, here.sessionCookie(), here.secure());
        redirect(ctx, here.homePath() + "?notice=signed-out");
    }

    // ---- Forgot Password ----

    private void forgotForm(Context ctx, Here here) {
        Map<String, Object> model = model(ctx, here, "Forgot your password?");
        model.put("forgotAction", here.path("forgot"));
        model.put("email", "");
        html(ctx, 200, "forgot", model);
    }

    /** The same page, status and (floored) time for every well-formed address, known or not, SMTP up or down. */
    private void forgot(Context ctx, Here here) {
        if (!Csrf.valid(ctx, here.secure())) {
            forbidden(ctx, here);
            return;
        }
        Optional<String> email = typedEmail(ctx, here, "Forgot your password?", "forgotAction", "forgot", "forgot");
        if (email.isEmpty()) {
            return;
        }
        auth.requestReset(email.get(), here.door());
        Map<String, Object> model = model(ctx, here, "Check your email");
        model.put("linkLifetime", site.selfServiceLinkLifetime());
        html(ctx, 200, "forgot-sent", model);
    }

    // ---- magic-link sign-in ----

    private boolean signInLinksOff(Context ctx, Here here) {
        if (signInLinks.enabled()) {
            return false;
        }
        message(ctx, here, 404, "Page not found", "Signing in with an emailed link is not offered here. Sign in with"
                + " your password, or use “Forgot your password?”.", "Go to sign in");
        return true;
    }

    private void signInRequestForm(Context ctx, Here here) {
        if (signInLinksOff(ctx, here)) {
            return;
        }
        Map<String, Object> model = model(ctx, here, "Sign in with a link");
        model.put("signInAction", here.path("signin"));
        model.put("email", "");
        html(ctx, 200, "signin-request", model);
    }

    /** The same page, status and (floored) time for every well-formed address, known or not. */
    private void requestSignInLink(Context ctx, Here here) {
        if (!Csrf.valid(ctx, here.secure())) {
            forbidden(ctx, here);
            return;
        }
        if (signInLinksOff(ctx, here)) {
            return;
        }
        Optional<String> email = typedEmail(ctx, here, "Sign in with a link", "signInAction", "signin", "signin-request");
        if (email.isEmpty()) {
            return;
        }
        auth.requestSignInLink(email.get(), signInLinks);
        Map<String, Object> model = model(ctx, here, "Check your email");
        model.put("linkLifetime", SignInLinks.TTL.toMinutes() + " minutes");
        html(ctx, 200, "signin-sent", model);
    }

    /** GET of a sign-in link: only a Sign in button. Opening signs nobody in and uses nothing up (scanners open links). */
    private void signInConfirm(Context ctx, Here here) {
        if (signInLinksOff(ctx, here)) {
            return;
        }
        String token = ctx.pathParam("token");
        LinkCheck link = signInLinkAt(credentials.openLink(token), here);
        if (!link.live()) {
            linkProblem(ctx, here, link.state());
            return;
        }
        Map<String, Object> model = model(ctx, here, "Sign in");
        model.put("accountEmail", link.contactEmail());
        model.put("signInAction", here.path("signin/" + token));
        model.put("expiresIn", relative(link.expiresAt()));
        html(ctx, 200, "signin-confirm", model);
    }

    /** POST of the Sign in button: uses the link up and signs in, once. */
    private void signInWithLink(Context ctx, Here here) {
        if (!Csrf.valid(ctx, here.secure())) {
            forbidden(ctx, here);
            return;
        }
        if (signInLinksOff(ctx, here)) {
            return;
        }
        String token = ctx.pathParam("token");
        Optional<String> session = auth.signInWithLink(token);
        if (session.isEmpty()) {
            linkProblem(ctx, here, signInLinkAt(credentials.openLink(token), here).state());
            return;
        }
        String previous = Cookies.read(ctx, here.sessionCookie());
        if (previous != null) {
            auth.signOut(previous); // one browser, one session per door
        }
        Cookies.set(ctx, here.sessionCookie(), session.get(), here.secure());
        redirect(ctx, here.homePath());
    }

    /** Only a membership sign-in link is one here; any other link is, on this page, no link at all. */
    private static LinkCheck signInLinkAt(LinkCheck link, Here here) {
        return link.purpose() == LinkPurpose.LOGIN && !here.door().community() && link.access() == AccessType.MEMBERSHIP
                ? link : new LinkCheck(LinkState.UNKNOWN, null, null, null, null, null);
    }

    /**
     * The address typed into a one-field form that emails a link (Forgot Password, a sign-in link):
     * empty when the answer is already given, the form again with what to fix (422) or the page
     * that says to wait (the per-address limit of Forgot Password).
     */
    private Optional<String> typedEmail(Context ctx, Here here, String title, String actionKey, String route,
                                        String template) {
        String email = trimmed(ctx.formParam("email"));
        Optional<String> problem = auth.addressProblem(email);
        if (problem.isPresent()) {
            Map<String, Object> model = model(ctx, here, title);
            model.put(actionKey, here.path(route));
            model.put("email", email);
            model.put("emailError", sentence(problem.get()));
            html(ctx, 422, template, model);
            return Optional.empty();
        }
        if (overAccountLimit(ctx, here, RequestGuard.Bucket.FORGOT, email)) {
            return Optional.empty();
        }
        return Optional.of(email);
    }

    // ---- a code read out by phone ----

    private void codeForm(Context ctx, Here here, String email, String error, int status) {
        Map<String, Object> model = model(ctx, here, "I have a code");
        model.put("codeAction", here.path("code"));
        model.put("email", email);
        model.put("codeError", error);
        html(ctx, status, "code", model);
    }

    /**
     * Email and code: a live code leads on to choosing a password; anything else, an unknown email
     * included, gets the same answer, so the page tells nothing about accounts.
     */
    private void redeemCode(Context ctx, Here here) {
        if (!Csrf.valid(ctx, here.secure())) {
            forbidden(ctx, here);
            return;
        }
        String email = trimmed(ctx.formParam("email"));
        if (auth.addressProblem(email).isPresent()) {
            codeForm(ctx, here, email, "Enter the email address you use here, then the code.", 422);
            return;
        }
        if (overAccountLimit(ctx, here, RequestGuard.Bucket.SIGN_IN, email)) {
            return;
        }
        Optional<String> reset = credentials.redeemCode(email, here.door().groupSlug(), ctx.formParam("code"));
        if (reset.isEmpty()) {
            codeForm(ctx, here, email, "That code does not work with this email address. Check both, or ask us for a"
                    + " new code: a code works once, for 15 minutes, and stops after 5 wrong tries.", 422);
            return;
        }
        redirect(ctx, here.path("reset/" + reset.get()));
    }

    // ---- reset and set-password links ----

    /** GET of a link: shows the form when it is live. Opening never consumes a link. */
    private void linkForm(Context ctx, Here here, String route) {
        String token = ctx.pathParam("token");
        LinkCheck link = atThisDoor(credentials.openLink(token), here);
        if (!link.live()) {
            linkProblem(ctx, here, link.state());
            return;
        }
        html(ctx, 200, "reset", resetModel(ctx, here, route, token, link));
    }

    /** POST of a link's form: sets the password, or shows what to fix and changes nothing. */
    private void completeLink(Context ctx, Here here, String route) {
        if (!Csrf.valid(ctx, here.secure())) {
            forbidden(ctx, here);
            return;
        }
        String token = ctx.pathParam("token");
        LinkCheck link = atThisDoor(credentials.openLink(token), here);
        if (!link.live()) {
            linkProblem(ctx, here, link.state());
            return;
        }
        String password = ctx.formParam("password");
        String confirm = ctx.formParam("confirm");
        String passwordError = credentials.passwordProblem(password, link.contactEmail()).map(PortalRoutes::sentence)
                .orElse(null);
        String confirmError = password != null && !password.isEmpty() && !Objects.equals(password, confirm)
                ? "The two passwords are not the same: type the new password again." : null;
        if (passwordError == null && confirmError == null) {
            try {
                credentials.completeLink(token, here.door().groupSlug(), password);
                redirect(ctx, here.homePath() + "?notice=password-set");
                return;
            } catch (UserError.DatabaseUnreachable unreachable) {
                throw unreachable;
            } catch (UserError refused) {
                LinkCheck now = atThisDoor(credentials.openLink(token), here);
                if (!now.live()) {
                    linkProblem(ctx, here, now.state());
                    return;
                }
                passwordError = sentence(refused.getMessage());
            }
        }
        Map<String, Object> model = resetModel(ctx, here, route, token, link);
        model.put("passwordError", passwordError);
        model.put("confirmError", confirmError);
        model.put("confirmErrorOnly", passwordError == null && confirmError != null);
        model.put("formError", "Your password was not changed. Fix what is marked below.");
        html(ctx, 422, "reset", model);
    }

    private Map<String, Object> resetModel(Context ctx, Here here, String route, String token, LinkCheck link) {
        boolean setPassword = link.purpose() == LinkPurpose.SET_PASSWORD;
        Map<String, Object> model = model(ctx, here, setPassword ? "Choose your password" : "Choose a new password");
        model.put("heading", setPassword ? "Choose your password" : "Choose a new password");
        model.put("accountEmail", link.contactEmail());
        model.put("resetAction", here.path(route + "/" + token));
        model.put("submitLabel", setPassword ? "Set my password" : "Save new password");
        model.put("expiresIn", relative(link.expiresAt()));
        return model;
    }

    /** A link for the other door is, at this door, no link at all. */
    private static LinkCheck atThisDoor(LinkCheck link, Here here) {
        if (link.purpose() == LinkPurpose.LOGIN) {
            return new LinkCheck(LinkState.UNKNOWN, null, null, null, null, null); // it signs in, it sets no password
        }
        boolean fits = here.door().community()
                ? link.access() == AccessType.COMMUNITY && here.door().groupSlug().equals(link.groupSlug())
                : link.access() == AccessType.MEMBERSHIP;
        return fits ? link : new LinkCheck(LinkState.UNKNOWN, null, null, null, null, null);
    }

    private void linkProblem(Context ctx, Here here, LinkState state) {
        String heading = switch (state) {
            case EXPIRED -> "Link expired";
            case USED -> "Link already used";
            case SUPERSEDED -> "Newer link sent";
            case REVOKED -> "Link cancelled";
            case LIVE, UNKNOWN -> "Link not valid";
        };
        Map<String, Object> model = model(ctx, here, heading);
        model.put("heading", heading);
        model.put("explanation", sentence(state.explain()));
        model.put("usedHint", state == LinkState.USED);
        model.put("forgotAction", here.path("forgot"));
        html(ctx, state == LinkState.UNKNOWN ? 404 : 410, "link-problem", model);
    }

    // ---- limits on unauthenticated POSTs (counted per client before any route: RequestGuard) ----

    /**
     * Answers 429 and returns true when the typed address is past its hourly limit at this door: the
     * one check a route makes itself, since only the route reads the address.
     */
    private boolean overAccountLimit(Context ctx, Here here, RequestGuard.Bucket kind, String email) {
        return refused(ctx, here, guard.accountWait(here.door(), kind, email));
    }

    /** The 429 page for a client past its limit, at the door the path names (membership when unknown). */
    void tooMany(Context ctx, Duration wait) {
        Here here = membership();
        String path = ctx.path();
        if (path.startsWith("/community/")) {
            int next = path.indexOf('/', "/community/".length());
            String slug = path.substring("/community/".length(), next < 0 ? path.length() : next);
            Optional<Door> door = auth.communityDoor(slug);
            if (door.isPresent()) {
                here = here(door.get(), "/community/" + encodeSegment(door.get().groupSlug()));
            }
        }
        refused(ctx, here, Optional.of(wait));
    }

    private boolean refused(Context ctx, Here here, Optional<Duration> wait) {
        if (wait.isEmpty()) {
            return false;
        }
        long seconds = Math.max(1, wait.get().toSeconds() + (wait.get().toNanosPart() > 0 ? 1 : 0));
        long minutes = Math.max(1, (seconds + 59) / 60);
        ctx.header("Retry-After", String.valueOf(seconds));
        message(ctx, here, 429, "Too many attempts",
                "There were too many attempts in a short time, so this one was not tried. Nothing was sent or"
                        + " changed. Please wait " + minutes + (minutes == 1 ? " minute" : " minutes")
                        + " and try again.", "Back to sign in");
        return true;
    }

    // ---- pages ----

    private Map<String, Object> model(Context ctx, Here here, String title) {
        Map<String, Object> model = baseModel(here, title);
        model.put("csrf", Csrf.token(ctx, here.secure()));
        return model;
    }

    private static Map<String, Object> baseModel(Here here, String title) {
        Map<String, Object> model = new HashMap<>();
        model.put("title", title);
        model.put("brandName", here.brand().name());
        model.put("brandInitial", here.brand().name().substring(0, here.brand().name().offsetByCodePoints(0, 1))
                .toUpperCase(Locale.ROOT));
        model.put("brandLogo", here.brand().hasLogo() ? BrandingService.LOGO_PATH : null);
        model.put("supportEmail", here.brand().supportEmail());
        model.put("doorLabel", here.doorLabel());
        model.put("communityDoor", here.door().community());
        model.put("homePath", here.homePath());
        model.put("accessPhrase", here.accessPhrase());
        model.put("doorNote", here.door().community()
                ? "This sign-in is for the " + here.door().groupName() + " community group only and uses the group's"
                + " own password. Your membership portal has a separate password."
                : "This sign-in is for your membership. Community groups have their own sign-in and password.");
        return model;
    }

    void message(Context ctx, Here here, int status, String heading, String text, String backLabel) {
        Map<String, Object> model = model(ctx, here, heading);
        model.put("heading", heading);
        model.put("text", text);
        model.put("backLabel", backLabel);
        html(ctx, status, "message", model);
    }

    void forbidden(Context ctx, Here here) {
        message(ctx, here, 403, "This form has expired",
                "For your safety, forms here only work when sent from this site by a browser that accepts its"
                        + " cookies. Nothing was changed. Go back, reload the page and try again.", "Start again");
    }

    /** The page for a request that could not be read: its status, the portal's look, nothing changed. */
    void malformed(Context ctx, int status) {
        Problem problem = Problem.of(status);
        message(ctx, membership(), status, problem.heading(), problem.text(), "Go to sign in");
    }

    /**
     * The same page as a whole document, for the web server's own errors (no request context, no
     * cookie set); the brand falls back to the default when the settings cannot be read.
     */
    String plainPage(int status) {
        Branding brand;
        try {
            brand = site.branding();
        } catch (RuntimeException unreadable) {
            brand = PortalSiteService.defaultBranding();
        }
        Here here = new Here(Door.MEMBERSHIP, "", false, brand);
        Problem problem = Problem.of(status);
        Map<String, Object> model = baseModel(here, problem.heading());
        model.put("heading", problem.heading());
        model.put("text", problem.text());
        model.put("backLabel", "Go to sign in");
        return pages.render("message", model);
    }

    /** What a page says about a request the portal could not take. */
    private record Problem(String heading, String text) {

        static Problem of(int status) {
            return switch (status) {
                case 413, 431 -> new Problem("Request too large",
                        "This request was larger than the portal accepts, often because of too many cookies."
                                + " Nothing was changed. Clear this site's cookies, then start again.");
                case 404 -> new Problem("Page not found",
                        "There is nothing at this address. Nothing was changed. Check the link, or start from the"
                                + " sign-in page.");
                default -> status >= 500
                        ? new Problem("Something went wrong", "Sorry, something went wrong on our side."
                                + " Nothing was changed. Please try again in a moment.")
                        : new Problem("Bad request", "The portal could not read this request. Nothing was changed."
                                + " Go back, reload the page and try again.");
            };
        }
    }

    Here fallbackHere() {
        return membership();
    }

    private void html(Context ctx, int status, String template, Map<String, Object> model) {
        ctx.status(status);
        ctx.contentType("text/html; charset=utf-8");
        ctx.result(pages.render(template, model));
        ctx.attribute(PortalServer.RENDERED, Boolean.TRUE);
    }

    /** A 303 to a path on this site; the Location is relative, so the Host header never matters. */
    private static void redirect(Context ctx, String path) {
        ctx.status(303);
        ctx.header("Location", path);
        ctx.attribute(PortalServer.RENDERED, Boolean.TRUE);
    }

    // ---- text ----

    /** Service messages are lower-case clauses; pages show sentences. */
    static String sentence(String clause) {
        if (clause == null || clause.isBlank()) {
            return clause;
        }
        String s = clause.strip();
        s = s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
        return s.endsWith(".") || s.endsWith("!") || s.endsWith("?") ? s : s + ".";
    }

    private String relative(Instant at) {
        Duration left = Duration.between(clock.instant(), at);
        long minutes = Math.max(1, (left.toSeconds() + 59) / 60);
        if (minutes < 90) {
            return "in " + minutes + (minutes == 1 ? " minute" : " minutes");
        }
        long hours = Math.round(minutes / 60.0);
        if (hours < 48) {
            return "in " + hours + " hours";
        }
        return "in " + Math.round(hours / 24.0) + " days";
    }

    private static String trimmed(String value) {
        if (value == null) {
            return "";
        }
        String t = value.strip();
        return t.length() > 320 ? t.substring(0, 320) : t;
    }

    private static String encodeSegment(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A message above the sign-in form, picked by a code in the query (never text from the request). */
    private record Notice(String kind, String text) {

        static Notice info(String text) {
            return new Notice("info", text);
        }

        static Notice fromQuery(String code) {
            if (code == null) {
                return null;
            }
            return switch (code) {
                case "password-set" -> new Notice("success", "Your new password is set. Sign in with it below.");
                case "signed-out" -> new Notice("info", "You have signed out.");
                default -> null;
            };
        }

        Map<String, Object> model() {
            return Map.of("kind", kind, "text", text);
        }
    }
}
