package org.memberdesk.service.email;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.memberdesk.domain.AppSetting;
import org.memberdesk.mail.MailSettingsStore;
import org.memberdesk.mail.PortalLinks;
import org.memberdesk.persistence.Tx;

/**
 * The stored settings the Email settings form edits (the SMTP server and the portal URL), seen as
 * one version: a digest of what is stored, so any change by anyone, a removal too, shows as a new
 * version, and saving the same values again does not.
 */
final class StoredSettings {

    static final List<String> KEYS = List.of(MailSettingsStore.HOST, MailSettingsStore.PORT,
            MailSettingsStore.SECURITY, MailSettingsStore.FROM, MailSettingsStore.USER, MailSettingsStore.PASSWORD,
            PortalLinks.URL_SETTING);

    /** What records a change of them in the audit log. */
    static final List<String> CHANGES = List.of("mail.settings-changed", "mail.settings-cleared",
            "portal.url-changed");

    private StoredSettings() {
    }

    static String version(Tx t) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String key : KEYS) {
                String value = t.settings().get(key).orElse(null);
                digest.update((key + (value == null ? "\u0000" : "=" + value) + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** When one of them was last written; null when none is stored. */
    static Instant lastWritten(Tx t) {
        Instant last = null;
        for (String key : KEYS) {
            AppSetting setting = t.find(AppSetting.class, key);
            if (setting != null && (last == null || setting.getUpdatedAt().isAfter(last))) {
                last = setting.getUpdatedAt();
            }
        }
        return last;
    }
}
