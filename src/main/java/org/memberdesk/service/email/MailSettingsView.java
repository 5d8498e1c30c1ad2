package org.memberdesk.service.email;

import java.util.List;

/**
 * The mail settings in effect. Never the password: only whether one is set.
 *
 * @param demoMode        no SMTP configured: mail goes to the demo inbox and leaves no computer
 * @param fromEnvironment fields set by MEMBERDESK_SMTP_* variables, which win over what is stored
 *                        ("host", "port", "security", "from", "user", "password")
 * @param portalUrlSource where the portal URL comes from: environment, setting or default
 * @param warnings        plain sentences to show (a localhost portal URL with real SMTP, ...)
 * @param version         of the stored SMTP settings and portal URL as shown, which a save based on
 *                        them carries
 */
public record MailSettingsView(boolean demoMode, String host, Integer port, MailSecurity security, String from, String user,
                               boolean passwordSet, List<String> fromEnvironment, String portalUrl,
                               SettingSource portalUrlSource, List<String> warnings,
                               String version) {
}
