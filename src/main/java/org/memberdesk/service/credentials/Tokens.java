package org.memberdesk.service.credentials;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import org.memberdesk.domain.MintedToken;
import org.memberdesk.domain.TokenPurpose;

/** Minting and hashing of link tokens: 256 random bits, URL-safe; only the SHA-256 is ever stored. */
public final class Tokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {
    }

    public static MintedToken mint() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String raw = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new MintedToken(raw, hash(raw));
    }

    /** What the dispatcher mints for an email: a link's token, or for {@link TokenPurpose#VERIFY} a six-digit code. */
    public static MintedToken mint(TokenPurpose purpose) {
        return purpose == TokenPurpose.VERIFY ? CallerCode.mint() : mint();
    }

    public static String hash(String raw) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(raw.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
