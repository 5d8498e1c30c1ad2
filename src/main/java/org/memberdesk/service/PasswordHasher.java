package org.memberdesk.service;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Argon2id hashing of portal and community passwords, stored as PHC strings. Every hash and check
 * in the JVM passes one {@link HashingGate}, sized to the heap.
 */
public final class PasswordHasher {

    // OWASP's minimum for Argon2id: 19 MiB, 2 iterations, 1 lane.
    private static final Argon2Function ARGON2ID = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);
    private static final HashingGate GATE = HashingGate.forThisJvm(19_456L * 1024);

    /** @throws HashingBusy when no turn to hash frees up in time */
    public String hash(String password) {
        return GATE.run(() -> Password.hash(password).addRandomSalt(16).with(ARGON2ID).getResult());
    }

    /** @throws HashingBusy when no turn to check frees up in time */
    public boolean matches(String password, String phc) {
        if (password == null || phc == null || !phc.startsWith("$argon2id$")) {
            return false;
        }
        return GATE.run(() -> {
            try {
                return Password.check(password, phc).with(Argon2Function.getInstanceFromHash(phc));
            } catch (RuntimeException malformed) {
                return false;
            }
        });
    }
}
