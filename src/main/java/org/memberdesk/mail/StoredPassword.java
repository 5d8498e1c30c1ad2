package org.memberdesk.mail;

import java.time.Instant;
import org.memberdesk.persistence.Tx;

/** A server password kept in the settings table, encrypted with the data directory's key. */
final class StoredPassword {

    private StoredPassword() {
    }

    /** {@code password} null keeps the stored one; empty removes it; anything else replaces it, encrypted. */
    static void save(Tx t, String key, String password, SecretBox secrets, String purpose, Instant now) {
        if (password == null) {
            return;
        }
        if (password.isEmpty()) {
            t.settings().remove(key);
        } else {
            t.settings().put(key, secrets.encrypt(password, purpose), now);
        }
    }
}
