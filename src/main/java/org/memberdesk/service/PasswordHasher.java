package org.memberdesk.service;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/** Argon2id hashing of portal and community passwords, stored as PHC strings. */
public final class PasswordHasher {

    // OWASP's minimum for Argon2id: 19 MiB, 2 iterations, 1 lane.
    private static final Argon2Function ARGON2ID = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);

    public String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(ARGON2ID).getResult();
    }

    public boolean matches(String password, String phc) {
        if (password == null || phc == null || !phc.startsWith("$argon2id$")) {
            return false;
        }
        try {
            return Password.check(password, phc).with(Argon2Function.getInstanceFromHash(phc));
        } catch (RuntimeException malformed) {
            return false;
        }
    }
}
