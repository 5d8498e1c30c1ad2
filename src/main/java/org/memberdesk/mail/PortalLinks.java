package org.memberdesk.mail;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.memberdesk.domain.InvalidInputException;
import org.memberdesk.persistence.Tx;

/**
 * The public base URL of the Client Portal and every link built on it. The base comes from
 * configuration only (environment, then the stored setting, then localhost on the portal's port),
 * never from a request's Host header, so nobody can make us mail links to their own server.
 */
public final class PortalLinks {

    public static final String ENV = "MEMBERDESK_PORTAL_URL";
    public static final String URL_SETTING = "portal.url";
    public static final String PORT_SETTING = "portal.port";
    public static final int DEFAULT_PORT = 7321;

    /** What a stored body shows in place of a token; the dispatcher swaps in a fresh one when it sends. */
    public static final String HIDDEN_TOKEN = "[link hidden — minted when sent]";
    /** The same for a verification code: nobody, the agent included, sees it before the contact does. */
    public static final String HIDDEN_CODE = "[code hidden — made when sent]";

    private final Map<String, String> env;

    public PortalLinks(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /** The base URL links are built on, without a trailing slash. */
    public String base(Tx t) {
        return resolve(t).url();
    }

    /** The base URL and where it came from ("environment", "setting" or "default"). */
    public Resolved resolve(Tx t) {
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new Resolved(normalize(fromEnv), "environment");
        }
        Optional<String> stored = t.settings().get(URL_SETTING).filter(s -> !s.isBlank());
        if (stored.isPresent()) {
            return new Resolved(normalize(stored.get()), "setting");
        }
        int port = t.settings().get(PORT_SETTING).map(PortalLinks::parsePort).orElse(DEFAULT_PORT);
        return new Resolved("http://localhost:" + port, "default");
    }

    public record Resolved(String url, String source) {
    }

    private static int parsePort(String value) {
        try {
            int port = Integer.parseInt(value.trim());
            return port > 0 && port < 65536 ? port : DEFAULT_PORT;
        } catch (NumberFormatException e) {
            return DEFAULT_PORT;
        }
    }

    /** Checks and tidies a base URL: http(s), a host, no query or fragment, no trailing slash. */
    public static String normalize(String raw) {
        String url = raw == null ? "" : raw.trim();
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                    || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new InvalidInputException("the portal URL must be an http(s) address without ? or #: " + url);
            }
        } catch (URISyntaxException e) {
            throw new InvalidInputException("the portal URL is not a valid address: " + url);
        }
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        return url;
    }

    /** True when links on this base only work on this computer. */
    public static boolean isLocal(String base) {
        try {
            String host = new URI(base).getHost();
            if (host == null) {
                return true;
            }
            host = host.toLowerCase(Locale.ROOT);
            return host.equals("localhost") || host.endsWith(".localhost") || host.startsWith("127.")
                    || host.equals("[::1]") || host.equals("::1") || host.equals("0.0.0.0");
        } catch (URISyntaxException e) {
            return true;
        }
    }

    public static String login(String base) {
        return base + "/";
    }

    public static String reset(String base, String token) {
        return base + "/reset/" + token;
    }

    /** A sign-in link: its page shows a Sign in button, and only that POST signs in. */
    public static String signIn(String base, String token) {
        return base + "/signin/" + token;
    }

    public static String setPassword(String base, String token) {
        return base + "/set-password/" + token;
    }

    public static String community(String base, String slug) {
        return base + "/community/" + slug;
    }

    /** The "I have a code" page of the membership portal ({@code slug} null) or of one community group. */
    public static String code(String base, String slug) {
        return (slug == null ? base : community(base, slug)) + "/code";
    }

    public static String communityReset(String base, String slug, String token) {
        return community(base, slug) + "/reset/" + token;
    }
}
