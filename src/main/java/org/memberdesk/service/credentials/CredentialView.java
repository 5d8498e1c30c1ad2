package org.memberdesk.service.credentials;

import java.time.Instant;
import org.memberdesk.domain.Credential;

/** The state of one password: set or not, last login, lock. Never the password or its hash. */
public record CredentialView(boolean passwordSet, Instant passwordSetAt, Instant lastLoginAt, boolean locked,
                             Instant lockedUntil, int failedLogins) {

    public static CredentialView of(Credential credential, Instant now) {
        if (credential == null) {
            return new CredentialView(false, null, null, false, null, 0);
        }
        return new CredentialView(credential.hasPassword(), credential.getPasswordSetAt(),
                credential.getLastLoginAt(), credential.isLocked(now), credential.getLockedUntil(),
                credential.getFailedLoginCount());
    }
}
