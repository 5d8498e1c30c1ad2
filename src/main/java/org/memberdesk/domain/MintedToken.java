package org.memberdesk.domain;

/**
 * A freshly minted link token: the raw value goes into one email and never to disk; its SHA-256
 * hex is the only thing stored ({@link CredentialToken}).
 */
public record MintedToken(String raw, String hash) {

    @Override
    public String toString() {
        return "MintedToken[hash=" + hash + "]";
    }
}
