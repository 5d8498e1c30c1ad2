package org.memberdesk.service.credentials;

import java.security.SecureRandom;
import java.util.Optional;
import org.memberdesk.domain.MintedToken;

/**
 * The six-digit code emailed to the address on file, which the caller reads back to the agent. Six
 * digits fall to a fast hash in moments, so it is kept as an Argon2id string like a phone code.
 */
final class CallerCode {

    static final int DIGITS = 6;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final PasswordHasher HASHER = new PasswordHasher();

    private CallerCode() {
    }

    /** A fresh code and its hash, for the dispatcher to put in the email it sends. */
    static MintedToken mint() {
        String code = String.format("%0" + DIGITS + "d", RANDOM.nextInt(1_000_000));
        return new MintedToken(code, HASHER.hash(code));
    }

    /** The code as the agent typed it, spaces and dashes dropped; empty when it is not six digits. */
    static Optional<String> normalize(String typed) {
        return PhoneCode.digits(typed, DIGITS);
    }

    static boolean matches(String code, String hash) {
        return HASHER.matches(code, hash);
    }
}
