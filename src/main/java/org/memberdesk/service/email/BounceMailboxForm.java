package org.memberdesk.service.email;

import java.time.Duration;

/**
 * The bounce mailbox as Settings → Email or {@code mail bounces} gives it. {@code password}: null
 * keeps the stored one, an empty string removes it. {@code port} null: the usual port of the
 * security (ssl 993, starttls 143). {@code security}: "ssl" (IMAPS, the default), "starttls", or
 * "none" for a server on this computer only. {@code pollInterval} null: every 5 minutes.
 */
public record BounceMailboxForm(String host, Integer port, String security, String user, String password,
                                Duration pollInterval) {

    @Override
    public String toString() {
        return "BounceMailboxForm[" + host + ":" + port + ", " + security + ", user=" + user
                + (password == null ? "" : ", password given") + ", every " + pollInterval + "]";
    }
}
