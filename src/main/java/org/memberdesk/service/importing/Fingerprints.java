package org.memberdesk.service.importing;

import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Which keys (emails, email and offer) a file has shown so far, and at which line: a 64-bit
 * fingerprint of each key in open addressing over primitive arrays, about 20 bytes a key, so that a
 * file of millions of rows is judged in bounded memory. The hash is keyed at random per import; two
 * different keys of one file share a fingerprint with a chance of about n²/2⁶⁵ (one in ten million
 * for two million keys).
 */
final class Fingerprints {

    private final long seed = ThreadLocalRandom.current().nextLong();
    private long[] keys = new long[1 << 12];
    private int[] values = new int[1 << 12];
    private int size;

    /** The value stored for the key, or 0 when the key is new. */
    int get(String key) {
        long fingerprint = fingerprint(key);
        int mask = keys.length - 1;
        for (int i = (int) fingerprint & mask; ; i = (i + 1) & mask) {
            if (keys[i] == 0) {
                return 0;
            }
            if (keys[i] == fingerprint) {
                return values[i];
            }
        }
    }

    /** Stores a value (not 0) for the key. */
    void put(String key, int value) {
        if ((size + 1) * 10L > keys.length * 7L) {
            grow();
        }
        if (insert(keys, values, fingerprint(key), value)) {
            size++;
        }
    }

    private static boolean insert(long[] keys, int[] values, long fingerprint, int value) {
        int mask = keys.length - 1;
        for (int i = (int) fingerprint & mask; ; i = (i + 1) & mask) {
            if (keys[i] == 0) {
                keys[i] = fingerprint;
                values[i] = value;
                return true;
            }
            if (keys[i] == fingerprint) {
                values[i] = value;
                return false;
            }
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                insert(keys, values, oldKeys[i], oldValues[i]);
            }
        }
        Arrays.fill(oldKeys, 0);
    }

    private long fingerprint(String key) {
        long h = 0xcbf29ce484222325L ^ seed;
        for (int i = 0; i < key.length(); i++) {
            h = (h ^ key.charAt(i)) * 0x100000001b3L;
        }
        h ^= key.length();
        // MurmurHash3's finalizer: spreads every bit of h over the whole word.
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h == 0 ? 1 : h;
    }
}
