package org.memberdesk.ui.viewmodel.mail;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The checks the Email settings form makes before anything is sent to the service. Each returns
 * the key of the message to show, or null when the value is fine. The service checks again.
 */
final class SmtpFormRules {

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.\\-\\[\\]:]+");
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s<>\"(),;:]+@[^@\\s<>\"(),;:]+\\.[^@\\s<>\"(),;:.]+");
    private static final Pattern NAMED_ADDRESS = Pattern.compile("[^<>]*<([^<>]+)>");

    private SmtpFormRules() {
    }

    static String host(String host, boolean required) {
        String value = trim(host);
        if (value.isEmpty()) {
            return required ? "smtp.error.hostRequired" : null;
        }
        return HOST.matcher(value).matches() ? null : "smtp.error.hostInvalid";
    }

    /** Empty means the usual port of the security. */
    static String port(String port) {
        String value = trim(port);
        if (value.isEmpty()) {
            return null;
        }
        try {
            int number = Integer.parseInt(value);
            return number >= 1 && number <= 65535 ? null : "smtp.error.portRange";
        } catch (NumberFormatException e) {
            return "smtp.error.portRange";
        }
    }

    static Integer portNumber(String port) {
        String value = trim(port);
        return value.isEmpty() ? null : Integer.valueOf(value);
    }

    /** Empty is fine (the service picks the user or no-reply@host); "Support &lt;help@example.com&gt;" too. */
    static String from(String from) {
        String value = trim(from);
        if (value.isEmpty()) {
            return null;
        }
        var named = NAMED_ADDRESS.matcher(value);
        String address = named.matches() ? named.group(1).trim() : value;
        return ADDRESS.matcher(address).matches() ? null : "smtp.error.fromInvalid";
    }

    static String recipient(String to) {
        String value = trim(to);
        if (value.isEmpty()) {
            return "smtp.error.testRecipientRequired";
        }
        return ADDRESS.matcher(value).matches() ? null : "smtp.error.testRecipientInvalid";
    }

    /** Empty removes the setting (links then point at this computer). */
    static String portalUrl(String url) {
        String value = trim(url);
        if (value.isEmpty()) {
            return null;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean web = scheme.equals("http") || scheme.equals("https");
            return web && uri.getHost() != null && uri.getRawQuery() == null && uri.getRawFragment() == null
                    ? null : "smtp.error.portalUrlInvalid";
        } catch (URISyntaxException e) {
            return "smtp.error.portalUrlInvalid";
        }
    }

    static String trim(String value) {
        return value == null ? "" : value.trim();
    }
}
