package org.memberdesk.service.credentials;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import java.text.Normalizer;

/**
 * Argon2id hashing of portal and community passwords, stored as PHC strings. Every hash and check
 * in the JVM passes one {@link HashingGate}, sized to the heap.
 */
public final class PasswordHasher {

    // OWASP's minimum for Argon2id: 19 MiB, 2 iterations, 1 lane.
    private static final int ARGON2_KIB = 19_456;
    private static final Argon2Function ARGON2ID = Argon2Function.getInstance(ARGON2_KIB, 2, 1, 32, Argon2.ID);
    /** The heap one hash takes. */
    static final long ARGON2_BYTES = ARGON2_KIB * 1024L;
    private static final HashingGate GATE = HashingGate.forThisJvm(ARGON2_BYTES);

    /** How many hashes may run at once in this JVM. */
    static int concurrentHashes() {
        return GATE.bound();
    }

    /** @throws HashingBusy when no turn to hash frees up in time */
    public String hash(String password) {
        return GATE.run(() -> Password.hash(password).addRandomSalt(16).with(ARGON2ID).getResult());
    }

    /** Hashes a new password in its NFKC form, so it matches however a keyboard composes its characters. */
    public String hashNormalized(String password) {
        return hash(normalize(password));
    }

    /**
     * Whether a typed password matches a stored hash. Hashes made before passwords were normalised
     * hold the text as it was typed, so when the normalised form fails and differs, the raw one is tried.
     */
    public boolean verify(String password, String phc) {
        String normalized = normalize(password);
        return matches(normalized, phc) || !normalized.equals(password) && matches(password, phc);
    }

    /** NFKC, as NIST SP 800-63B advises for passwords: composed and compatibility forms count as one. */
    public static String normalize(String password) {
        return password == null ? null : Normalizer.normalize(password, Normalizer.Form.NFKC);
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
