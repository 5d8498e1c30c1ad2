package org.memberdesk.testsupport;

/** Looking for a byte sequence in a file's raw bytes (a secret that must not be stored in clear). */
public final class Bytes {

    private Bytes() {
    }

    /** Where {@code needle} first stands in {@code haystack}, or -1. */
    public static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    public static boolean contains(byte[] haystack, byte[] needle) {
        return indexOf(haystack, needle) >= 0;
    }
}
