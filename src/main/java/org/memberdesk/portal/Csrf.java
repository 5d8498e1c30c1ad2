package org.memberdesk.portal;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

/**
 * CSRF protection for every form: a random token kept in an HttpOnly cookie and repeated in a
 * hidden field; a POST counts only when both are present and equal. A browser that says the POST
 * comes from another site ({@code Sec-Fetch-Site}) is refused even with a token.
 */
final class Csrf {

    static final String FIELD = "_csrf";
    private static final String ATTRIBUTE = "md.csrf";
    private static final Set<String> ALLOWED_SITES = Set.of("same-origin", "none");

    private Csrf() {
    }

    /** The token for this browser, issuing a cookie when it has none yet. */
    static String token(Context ctx, boolean secure) {
        String known = ctx.attribute(ATTRIBUTE);
        if (known != null) {
            return known;
        }
        String token = Cookies.read(ctx, Cookies.csrfName(secure));
        if (token == null) {
            token = Cookies.random256();
            Cookies.set(ctx, Cookies.csrfName(secure), token, secure);
        }
        ctx.attribute(ATTRIBUTE, token);
        return token;
    }

    /** True when the POST carries this browser's token and does not come from another site. */
    static boolean valid(Context ctx, boolean secure) {
        String site = ctx.header("Sec-Fetch-Site");
        if (site != null && !ALLOWED_SITES.contains(site)) {
            return false;
        }
        String cookie = Cookies.read(ctx, Cookies.csrfName(secure));
        String field = ctx.formParam(FIELD);
        return cookie != null && field != null && MessageDigest.isEqual(
                cookie.getBytes(StandardCharsets.US_ASCII), field.getBytes(StandardCharsets.US_ASCII));
    }
}
