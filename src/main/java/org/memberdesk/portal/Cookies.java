package org.memberdesk.portal;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.memberdesk.service.portal.PortalAuthService.Door;

/**
 * The portal's cookies: always HttpOnly, SameSite=Lax and for the whole site; Secure (and named
 * with the {@code __Host-} prefix, which browsers bind to this host only) when the configured
 * portal URL is HTTPS. Each door has its own session cookie, so a community sign-in and the
 * membership sign-in never share one.
 */
final class Cookies {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private Cookies() {
    }

    /** 256 random bits, URL-safe base64: session ids and CSRF tokens. */
    static String random256() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static boolean wellFormed(String value) {
        return value != null && VALUE.matcher(value).matches();
    }

    static String sessionName(Door door, boolean secure) {
        String name = door.community() ? "md_c_" + shortHash(door.groupSlug()) : "md_session";
        return secure ? "__Host-" + name : name;
    }

    static String csrfName(boolean secure) {
        return secure ? "__Host-md_csrf" : "md_csrf";
    }

    /** The cookie's value when present and of our shape; null otherwise. */
    static String read(Context ctx, String name) {
        String value = ctx.cookie(name);
        return wellFormed(value) ? value : null;
    }

    static void set(Context ctx, String name, String value, boolean secure) {
        ctx.res().addHeader("Set-Cookie", name + "=" + value + "; Path=/; HttpOnly; SameSite=Lax"
                + (secure ? "; Secure" : ""));
    }

    static void clear(Context ctx, String name, boolean secure) {
        ctx.res().addHeader("Set-Cookie", name + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax"
                + (secure ? "; Secure" : ""));
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
