package org.memberdesk.portal;

import io.javalin.http.Context;
import java.time.Duration;
import java.util.Collections;
import java.util.Optional;
import org.memberdesk.service.portal.PortalAuthService.Door;
import org.memberdesk.service.portal.PortalAuthService;
import org.memberdesk.service.portal.PortalSiteService.RequestLimits;
import org.memberdesk.service.portal.PortalSiteService;

/**
 * The one place the portal's request limits are counted. Per client address: every POST, before
 * any route runs, in a bucket picked by its path (sign-in, Forgot Password, a link's form, and one
 * bucket for any other POST), so a page added later is limited without doing anything. Per typed
 * address: sign-in and Forgot Password, once the route has read the address.
 */
final class RequestGuard {

    /** The kinds of POST, each with its own count per client. */
    enum Bucket { SIGN_IN, FORGOT, LINK, OTHER }

    private final PortalSiteService site;
    private final PortalAuthService auth;
    private final ClientLimits limits;

    RequestGuard(PortalSiteService site, PortalAuthService auth, ClientLimits limits) {
        this.site = site;
        this.auth = auth;
        this.limits = limits;
    }

    /**
     * How long the client must wait, when this POST takes it past its per-minute limit; empty when it
     * may go on (and for anything but a POST). Sign-in, Forgot Password and link forms count whoever
     * sends them; any other POST counts only without a signed-in session (a sign-out of one's own
     * session is never refused).
     */
    Optional<Duration> clientWait(Context ctx) {
        if (!"POST".equals(ctx.method().name())) {
            return Optional.empty();
        }
        RequestLimits rules = site.requestLimits();
        if (!rules.on()) {
            return Optional.empty();
        }
        String path = ctx.path();
        Bucket bucket = bucket(path);
        if (bucket == Bucket.OTHER && signedIn(ctx, path)) {
            return Optional.empty();
        }
        String client = ClientAddress.of(ctx.req().getRemoteAddr(),
                Collections.list(ctx.req().getHeaders("X-Forwarded-For")), rules.trustedProxies());
        int perMinute = switch (bucket) {
            case SIGN_IN -> rules.signInPerIp();
            case FORGOT -> rules.forgotPerIp();
            case LINK -> rules.linkPerIp();
            case OTHER -> rules.otherPerIp();
        };
        return limits.take(bucket + " ip " + client, perMinute, Duration.ofMinutes(1));
    }

    /**
     * How long until the typed address may be tried again at this door, when it is past its hourly
     * limit; empty otherwise. The count is kept for any address, with an account or not, so the
     * answer tells nothing about accounts.
     */
    Optional<Duration> accountWait(Door door, Bucket bucket, String email) {
        RequestLimits rules = site.requestLimits();
        if (!rules.on()) {
            return Optional.empty();
        }
        int perHour = bucket == Bucket.FORGOT ? rules.forgotPerAccount() : rules.signInPerAccount();
        String at = door.community() ? "community " + door.groupSlug() : "membership";
        String account = at + " " + PortalSiteService.accountKey(email);
        return limits.take(bucket + " account " + account, perHour, Duration.ofHours(1));
    }

    /** The bucket of a path: its last part after the door's prefix ({@code /community/{slug}}). */
    static Bucket bucket(String path) {
        String p = path == null ? "" : path;
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1); // the router ignores trailing slashes
        }
        if (p.startsWith("/community/")) {
            int next = p.indexOf('/', "/community/".length());
            p = next < 0 ? "/" : p.substring(next);
        }
        if (p.equals("/login")) {
            return Bucket.SIGN_IN;
        }
        if (p.equals("/forgot")) {
            return Bucket.FORGOT;
        }
        if (p.startsWith("/reset/") || p.startsWith("/set-password/") || p.equals("/code")) {
            return Bucket.LINK;
        }
        return Bucket.OTHER;
    }

    /** Whether the request carries a live session of the door its path names. */
    private boolean signedIn(Context ctx, String path) {
        Door door = Door.MEMBERSHIP;
        if (path.startsWith("/community/")) {
            int next = path.indexOf('/', "/community/".length());
            String slug = path.substring("/community/".length(), next < 0 ? path.length() : next);
            Optional<Door> community = auth.communityDoor(slug);
            if (community.isEmpty()) {
                return false;
            }
            door = community.get();
        }
        for (boolean secure : new boolean[] {false, true}) {
            String sessionId = Cookies.read(ctx, Cookies.sessionName(door, secure));
            if (sessionId != null && auth.session(sessionId, door).valid()) {
                return true;
            }
        }
        return false;
    }
}
