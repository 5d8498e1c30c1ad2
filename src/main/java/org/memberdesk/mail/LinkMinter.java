package org.memberdesk.mail;

/**
 * Makes the token of a link. The service layer supplies its one token implementation, so the
 * dispatcher mints links exactly as every other part of the app does.
 */
@FunctionalInterface
public interface LinkMinter {

    /** A raw token (goes into one email, never to disk) and its SHA-256 hex (the only thing stored). */
    record Minted(String raw, String hash) {
        @Override
        public String toString() {
            return "Minted[hash=" + hash + "]";
        }
    }

    Minted mint();
}
