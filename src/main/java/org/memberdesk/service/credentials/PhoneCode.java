package org.memberdesk.service.credentials;

import java.security.SecureRandom;
import java.util.Optional;

/**
 * The eight-digit code an agent reads out by phone. Eight digits are too few for a fast hash (a
 * stolen database would give them up in seconds), so it is stored as an Argon2id string, like a
 * password, and checked against the few live codes of the one contact who typed their email.
 */
final class PhoneCode {

    static final int DIGITS = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PasswordHasher hasher;

    PhoneCode(PasswordHasher hasher) {
        this.hasher = hasher;
    }

    /** A fresh code, zero-padded: "04718263". */
    static String generate() {
        return String.format("%0" + DIGITS + "d", RANDOM.nextInt(100_000_000));
    }

    /** The code as typed, without the spaces or dashes people put in when they read it back; empty when it is not eight digits. */
    static Optional<String> normalize(String typed) {
        return digits(typed, DIGITS);
    }

    /** A code of {@code count} digits as someone typed it, spaces and dashes dropped; empty when it is not one. */
    static Optional<String> digits(String typed, int count) {
        if (typed == null || typed.length() > 40) {
            return Optional.empty();
        }
        String digits = typed.replaceAll("[\\s-]", "");
        return digits.matches("[0-9]{" + count + "}") ? Optional.of(digits) : Optional.empty();
    }

    String hash(String code) {
        return hasher.hash(code);
    }

    boolean matches(String code, String hash) {
        return hasher.matches(code, hash);
    }

    /** The time of a check with nothing to check against. */
    void decoy(String code) {
        hasher.matches(code, Decoy.HASH);
    }

    /** Checked when there is no live code to check, so an answer takes as long either way; made on first need, not at start-up. */
    private static final class Decoy {
        static final String HASH = new PasswordHasher().hash("00000000");
    }

    /** "0471 8263": easier to read out. */
    static String spoken(String code) {
        return code.substring(0, DIGITS / 2) + " " + code.substring(DIGITS / 2);
    }
}
