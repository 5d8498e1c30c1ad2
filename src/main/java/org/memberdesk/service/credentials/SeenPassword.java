package org.memberdesk.service.credentials;

import java.time.Instant;
import java.util.Objects;
import org.memberdesk.domain.Credential;

/**
 * A password as the agent saw it before choosing a new one: set or not, and when it was set. Only
 * a new password (or one cleared by an email change) differs; a failed login or a lock does not.
 */
public record SeenPassword(boolean set, Instant setAt) {

    public static SeenPassword of(CredentialView credential) {
        return new SeenPassword(credential.passwordSet(), credential.passwordSetAt());
    }

    boolean stillCurrent(Credential credential) {
        return credential.hasPassword() == set && Objects.equals(credential.getPasswordSetAt(), setAt);
    }
}
