package org.memberdesk.service.portal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.memberdesk.domain.Contact;
import org.memberdesk.domain.EmailAddress;
import org.memberdesk.domain.InvalidInputException;
import org.memberdesk.domain.OfferGrant;
import org.memberdesk.mail.LinkTtl;
import org.memberdesk.mail.PortalLinks;
import org.memberdesk.persistence.Tx;
import org.memberdesk.service.Actor;
import org.memberdesk.service.AuditLog;
import org.memberdesk.service.Transactions;
import org.memberdesk.service.UserError;
import org.memberdesk.service.email.SettingSource;

/**
 * What the Client Portal's pages show besides signing in: the business's name and color, the
 * public address the portal is configured under, and a signed-in contact's memberships and groups.
 */
public final class PortalSiteService {

    public static final String BRAND_NAME_SETTING = "portal.brand.name";
    public static final String BRAND_COLOR_SETTING = "portal.brand.color";
    public static final String DEFAULT_BRAND_NAME = "Member Portal";
    public static final String DEFAULT_BRAND_COLOR = "#3b5bdb";
    /** "off" lifts every per-client and per-account limit (load tests); anything else keeps them. */
    public static final String LIMITS_SETTING = "portal.limits";
    public static final String SIGN_IN_PER_IP_SETTING = "portal.limits.sign-in-per-ip-per-minute";
    public static final String FORGOT_PER_IP_SETTING = "portal.limits.forgot-per-ip-per-minute";
    public static final String LINK_PER_IP_SETTING = "portal.limits.link-per-ip-per-minute";
    public static final String SIGN_IN_PER_ACCOUNT_SETTING = "portal.limits.sign-in-per-account-per-hour";
    public static final String FORGOT_PER_ACCOUNT_SETTING = "portal.limits.forgot-per-account-per-hour";
    /** Addresses (or CIDR ranges) of reverse proxies whose X-Forwarded-For names the client; comma-separated. */
    public static final String TRUSTED_PROXIES_SETTING = "portal.trusted-proxies";
    /** The trusted proxies from the environment (comma-separated); when set, it wins over the stored setting. */
    public static final String TRUSTED_PROXIES_ENV = "MEMBERDESK_PORTAL_TRUSTED_PROXIES";
    /** How long the portal keeps the limits it read: every POST checks them, a change shows within this time. */
    public static final Duration LIMITS_READ_EVERY = Duration.ofSeconds(5);
    private static final int MAX_BRAND_NAME = 80;
    private static final Pattern HEX_COLOR = Pattern.compile("#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})");

    /**
     * The brand: the business's name, its accent color (always {@code #rrggbb}), a text color
     * readable on the accent, a darker accent for hover and focus, and a faint tint for panels.
     */
    public record Branding(String name, String accent, String onAccent, String accentDark, String accentSoft,
                           String supportEmail, boolean hasLogo) {

        /** The same brand with the support address (null: none) and whether a logo is stored. */
        public Branding with(String support, boolean logo) {
            return new Branding(name, accent, onAccent, accentDark, accentSoft, support, logo);
        }
    }

    /** Where the portal is published (links in emails use it) and whether that is HTTPS. */
    public record PublicAddress(String baseUrl, SettingSource source, boolean https) {
    }

    /**
     * How many unauthenticated POSTs the portal takes: per client address per minute (sign-in,
     * Forgot Password, a reset or set-password form) and per typed address per hour (sign-in,
     * Forgot Password), and which proxies are trusted to name the client. {@code on} false lifts
     * every limit.
     */
    public record RequestLimits(boolean on, int signInPerIp, int forgotPerIp, int linkPerIp, int signInPerAccount,
                                int forgotPerAccount, List<String> trustedProxies) {

        public static final RequestLimits DEFAULTS = new RequestLimits(true, 20, 5, 10, 20, 10, List.of());

        /** Any other POST without a session (a page added later) counts as strictly as the strictest kind. */
        public int otherPerIp() {
            return Math.min(signInPerIp, Math.min(forgotPerIp, linkPerIp));
        }
    }

    /**
     * The limits in force, for {@code portal limits}: where the trusted proxies come from
     * (environment, setting or none) and the entries that name no address or range (ignored).
     */
    public record LimitsView(RequestLimits limits, SettingSource trustedProxiesSource, List<String> unusableProxies) {
    }

    /**
     * A change to the limits; null leaves a value as it is. {@code trustedProxies} replaces the stored
     * list (empty clears it).
     */
    public record LimitsChange(List<String> trustedProxies, Integer signInPerIp, Integer forgotPerIp,
                               Integer linkPerIp, Integer signInPerAccount, Integer forgotPerAccount, Boolean on) {
    }

    /** One active membership as the portal lists it. */
    public record Membership(String offer, Instant since, Instant until, String loginUrl) {
    }

    /** One community group of the contact; its door has its own password. */
    public record Group(String name, String slug, boolean passwordSet) {
    }

    /** The signed-in home page of the membership door. */
    public record Home(String name, String email, List<Membership> memberships, List<Group> groups) {
    }

    private record Cached(RequestLimits limits, Instant readAt) {
    }

    private final Transactions tx;
    private final AuditLog audit;
    private final Clock clock;
    private final PortalLinks links;
    private final Map<String, String> env;
    private volatile Cached cachedLimits;

    public PortalSiteService(Transactions tx, AuditLog audit, Clock clock, PortalLinks links, Map<String, String> env) {
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
        this.links = links;
        this.env = Map.copyOf(env);
    }

    public Branding branding() {
        return tx.read(t -> branding(
                t.settings().get(BRAND_NAME_SETTING).orElse(null),
                t.settings().get(BRAND_COLOR_SETTING).orElse(null))
                .with(BrandingService.supportEmail(t), BrandingService.hasLogo(t)));
    }

    /** The brand with nothing configured. */
    public static Branding defaultBranding() {
        return branding(null, null);
    }

    /** The brand from raw settings, each falling back to a safe default when missing or unusable. */
    public static Branding branding(String rawName, String rawColor) {
        String name = rawName == null ? "" : rawName.strip().replaceAll("\\p{Cntrl}", "");
        if (name.isEmpty()) {
            name = DEFAULT_BRAND_NAME;
        } else if (name.length() > MAX_BRAND_NAME) {
            name = name.substring(0, MAX_BRAND_NAME);
        }
        String color = rawColor == null ? "" : rawColor.strip();
        if (!HEX_COLOR.matcher(color).matches()) {
            color = DEFAULT_BRAND_COLOR;
        }
        int[] rgb = rgb(color);
        // A light accent cannot carry white text: darken it until text on it reads (WCAG AA, 4.5:1).
        while (contrast(rgb, new int[] {255, 255, 255}) < 4.5 && contrast(rgb, new int[] {17, 24, 39}) < 4.5) {
            rgb = mix(rgb, new int[] {0, 0, 0}, 0.1);
        }
        String onAccent = contrast(rgb, new int[] {255, 255, 255}) >= 4.5 ? "#ffffff" : "#111827";
        return new Branding(name, hex(rgb), onAccent, hex(mix(rgb, new int[] {0, 0, 0}, 0.18)),
                hex(mix(rgb, new int[] {255, 255, 255}, 0.9)), null, false);
    }

    public PublicAddress publicAddress() {
        return tx.read(t -> {
            PortalLinks.Resolved resolved = links.resolve(t);
            return new PublicAddress(resolved.url(), SettingSource.ofCode(resolved.source()),
                    resolved.url().toLowerCase(Locale.ROOT).startsWith("https:"));
        });
    }

    /**
     * The limits in force: stored settings, each falling back to its default when missing or unusable,
     * and the trusted proxies of the environment over the stored ones. Read again at most every
     * {@link #LIMITS_READ_EVERY}, so a flood of POSTs does not read the database for each.
     */
    public RequestLimits requestLimits() {
        Instant now = clock.instant();
        Cached cached = cachedLimits;
        if (cached != null && !now.isBefore(cached.readAt())
                && now.isBefore(cached.readAt().plus(LIMITS_READ_EVERY))) {
            return cached.limits();
        }
        RequestLimits limits = tx.read(t -> limitsView(t).limits());
        cachedLimits = new Cached(limits, now);
        return limits;
    }

    /** The limits in force as read now, with where the trusted proxies come from. */
    public LimitsView limitsView() {
        return tx.read(this::limitsView);
    }

    /**
     * Checks and stores a change to the limits, recorded in Activity. A proxy that is neither an
     * address nor a CIDR range, or a count below 1, refuses the whole change.
     */
    public LimitsView saveLimits(LimitsChange change, Actor actor) {
        List<String> proxies = change.trustedProxies() == null ? null
                : change.trustedProxies().stream().map(String::strip).toList();
        if (proxies != null) {
            for (String proxy : proxies) {
                if (AddressRange.parse(proxy).isEmpty()) {
                    throw new UserError("'" + proxy + "' is not an IP address or a CIDR range such as 10.0.0.0/8;"
                            + " nothing was changed");
                }
            }
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put(SIGN_IN_PER_IP_SETTING, change.signInPerIp());
        counts.put(FORGOT_PER_IP_SETTING, change.forgotPerIp());
        counts.put(LINK_PER_IP_SETTING, change.linkPerIp());
        counts.put(SIGN_IN_PER_ACCOUNT_SETTING, change.signInPerAccount());
        counts.put(FORGOT_PER_ACCOUNT_SETTING, change.forgotPerAccount());
        counts.forEach((key, n) -> {
            if (n != null && n < 1) {
                throw new UserError(key.substring(key.lastIndexOf('.') + 1) + " must be at least 1, not " + n
                        + "; nothing was changed");
            }
        });
        LimitsView saved = tx.write(t -> {
            Instant now = clock.instant();
            List<String> changed = new ArrayList<>();
            if (proxies != null) {
                if (proxies.isEmpty()) {
                    t.settings().remove(TRUSTED_PROXIES_SETTING);
                    changed.add("trusted proxies: none");
                } else {
                    t.settings().put(TRUSTED_PROXIES_SETTING, String.join(",", proxies), now);
                    changed.add("trusted proxies: " + String.join(", ", proxies));
                }
            }
            counts.forEach((key, n) -> {
                if (n != null) {
                    t.settings().put(key, Integer.toString(n), now);
                    changed.add(key.substring(key.lastIndexOf('.') + 1) + " " + n);
                }
            });
            if (change.on() != null) {
                if (change.on()) {
                    t.settings().remove(LIMITS_SETTING);
                } else {
                    t.settings().put(LIMITS_SETTING, "off", now);
                }
                changed.add(change.on() ? "limits on" : "limits off");
            }
            if (!changed.isEmpty()) {
                audit.record(t, actor, "portal.limits-changed", null, String.join("; ", changed));
            }
            return limitsView(t);
        });
        cachedLimits = null;
        return saved;
    }

    private LimitsView limitsView(Tx t) {
        RequestLimits d = RequestLimits.DEFAULTS;
        boolean on = !t.settings().get(LIMITS_SETTING).map(v -> v.strip().equalsIgnoreCase("off")).orElse(false);
        String fromEnv = env.get(TRUSTED_PROXIES_ENV);
        SettingSource source;
        List<String> listed;
        if (fromEnv != null && !fromEnv.isBlank()) {
            source = SettingSource.ENVIRONMENT;
            listed = entries(fromEnv);
        } else {
            listed = t.settings().get(TRUSTED_PROXIES_SETTING).map(PortalSiteService::entries).orElse(List.of());
            source = listed.isEmpty() ? SettingSource.NONE : SettingSource.SETTING;
        }
        List<String> unusable = listed.stream().filter(p -> AddressRange.parse(p).isEmpty()).toList();
        RequestLimits limits = new RequestLimits(on,
                positive(t, SIGN_IN_PER_IP_SETTING, d.signInPerIp()),
                positive(t, FORGOT_PER_IP_SETTING, d.forgotPerIp()),
                positive(t, LINK_PER_IP_SETTING, d.linkPerIp()),
                positive(t, SIGN_IN_PER_ACCOUNT_SETTING, d.signInPerAccount()),
                positive(t, FORGOT_PER_ACCOUNT_SETTING, d.forgotPerAccount()),
                listed.stream().filter(p -> AddressRange.parse(p).isPresent()).toList());
        return new LimitsView(limits, source, unusable);
    }

    private static List<String> entries(String list) {
        return Arrays.stream(list.split("[,\\s]+")).filter(p -> !p.isBlank()).toList();
    }

    /**
     * The key a typed address is counted under for per-account limits: the form a contact is found
     * under, so a punycode and a Unicode spelling of one address, or two cases of it, count as one.
     */
    public static String accountKey(String typed) {
        try {
            return EmailAddress.lookupKey(typed);
        } catch (InvalidInputException notAnAddress) {
            return typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        }
    }

    private static int positive(Tx t, String key, int fallback) {
        return t.settings().get(key).map(v -> {
            try {
                int n = Integer.parseInt(v.strip());
                return n > 0 ? n : fallback;
            } catch (NumberFormatException e) {
                return fallback;
            }
        }).orElse(fallback);
    }

    /** "60 minutes": how long a link from Forgot Password works, as a page says it. */
    public String selfServiceLinkLifetime() {
        return tx.read(t -> LinkTtl.describe(LinkTtl.selfServiceReset(t)));
    }

    /** The port links in emails expect when no URL is configured (setting {@code portal.port} or 7321). */
    public int configuredPort() {
        return tx.read(t -> t.settings().get(PortalLinks.PORT_SETTING).map(v -> {
            try {
                int port = Integer.parseInt(v.trim());
                return port > 0 && port < 65536 ? port : PortalLinks.DEFAULT_PORT;
            } catch (NumberFormatException e) {
                return PortalLinks.DEFAULT_PORT;
            }
        }).orElse(PortalLinks.DEFAULT_PORT));
    }

    /** The membership home of a signed-in contact: active offers and community groups. */
    public Home home(UUID contactId) {
        return tx.read(t -> {
            Contact contact = t.contacts().byId(contactId)
                    .orElseThrow(() -> new UserError("that account no longer exists"));
            Instant now = clock.instant();
            List<Membership> memberships = t.grants().ofContact(contactId).stream()
                    .filter(g -> g.isActive(now))
                    .map(g -> membership(g))
                    .toList();
            List<Group> groups = t.communities().membershipsOf(contactId).stream()
                    .map(m -> new Group(m.getGroup().getName(), m.getGroup().getSlug(),
                            m.getCredential().hasPassword()))
                    .toList();
            return new Home(contact.getName(), contact.getEmail(), memberships, groups);
        });
    }

    private static Membership membership(OfferGrant grant) {
        return new Membership(grant.getOffer().getName(), grant.getGrantedAt(), grant.getExpiresAt(),
                safeLink(grant.getOffer().getLoginUrl()).orElse(null));
    }

    /** Only http(s) addresses become links on a page. */
    static Optional<String> safeLink(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(url.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    ? Optional.of(uri.toString()) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    // ---- colors ----

    private static int[] rgb(String hex) {
        String h = hex.substring(1);
        if (h.length() == 3) {
            h = "" + h.charAt(0) + h.charAt(0) + h.charAt(1) + h.charAt(1) + h.charAt(2) + h.charAt(2);
        }
        int v = Integer.parseInt(h, 16);
        return new int[] {(v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff};
    }

    private static String hex(int[] rgb) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", rgb[0], rgb[1], rgb[2]);
    }

    private static int[] mix(int[] a, int[] b, double towardsB) {
        int[] out = new int[3];
        for (int i = 0; i < 3; i++) {
            out[i] = (int) Math.round(a[i] + (b[i] - a[i]) * towardsB);
        }
        return out;
    }

    private static double luminance(int[] rgb) {
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double s = rgb[i] / 255.0;
            c[i] = s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }

    static double contrast(int[] a, int[] b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }
}
