package org.memberdesk.mail;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.memberdesk.domain.TokenPurpose;

/**
 * Puts a freshly minted token into a stored body in place of {@link PortalLinks#HIDDEN_TOKEN}. When
 * the portal URL changed since the email was composed (a fixed setting, then a retry), the stored
 * base is replaced by the current one too, so the link works.
 */
final class LinkedBodies {

    private static final Pattern LINK = Pattern.compile(
            "(https?://[^\\s\"'<>]+?)/(?:reset|set-password|signin|community/[^/\\s\"'<>]+/reset)/"
                    + Pattern.quote(PortalLinks.HIDDEN_TOKEN));

    private LinkedBodies() {
    }

    private static String placeholder(TokenPurpose purpose) {
        return purpose == TokenPurpose.VERIFY ? PortalLinks.HIDDEN_CODE : PortalLinks.HIDDEN_TOKEN;
    }

    static boolean hasHidden(String text, String html, TokenPurpose purpose) {
        String hidden = placeholder(purpose);
        return text.contains(hidden) || html.contains(hidden);
    }

    static String[] withToken(String text, String html, String currentBase, String rawToken, TokenPurpose purpose) {
        if (purpose == TokenPurpose.VERIFY) {
            return new String[] {text.replace(PortalLinks.HIDDEN_CODE, rawToken),
                html.replace(PortalLinks.HIDDEN_CODE, rawToken)};
        }
        Matcher m = LINK.matcher(text);
        if (m.find() && !m.group(1).equals(currentBase)) {
            String old = m.group(1) + "/";
            String now = currentBase + "/";
            text = text.replace(old, now);
            html = html.replace(old, now).replace(old.replace("=", "&#61;"), now.replace("=", "&#61;"));
        }
        return new String[] {text.replace(PortalLinks.HIDDEN_TOKEN, rawToken),
            html.replace(PortalLinks.HIDDEN_TOKEN, rawToken)};
    }
}
