package org.treatygraph.reason;

import java.util.Arrays;

/**
 * The two primitive hash tables the indexed engine needs, written here rather than taken from fastutil
 * or Eclipse Collections: each is a pair of arrays with linear probing, a few dozen lines, and a library
 * would add megabytes to the shaded jar for no less memory per entry.
 */
final class IdTables {
    private IdTables() {}

    /** A set of non-negative longs (an (s, o) pair as s << 32 | o). */
    static final class LongSet {
        private long[] keys = filled(16);
        private int size;

        /** Adds the key; false if it was there already. */
        boolean add(long k) {
            int mask = keys.length - 1;
            for (int i = mix(k) & mask; ; i = (i + 1) & mask) {
                long e = keys[i];
                if (e == k) return false;
                if (e == -1) {
                    keys[i] = k;
                    if (++size * 4 > keys.length * 3) grow();
                    return true;
                }
            }
        }

        boolean contains(long k) {
            int mask = keys.length - 1;
            for (int i = mix(k) & mask; ; i = (i + 1) & mask) {
                long e = keys[i];
                if (e == k) return true;
                if (e == -1) return false;
            }
        }

        private void grow() {
            long[] old = keys;
            keys = filled(old.length * 2);
            int mask = keys.length - 1;
            for (long k : old) {
                if (k == -1) continue;
                int i = mix(k) & mask;
                while (keys[i] != -1) i = (i + 1) & mask;
                keys[i] = k;
            }
        }

        private static long[] filled(int n) {
            long[] a = new long[n];
            Arrays.fill(a, -1);
            return a;
        }

        private static int mix(long k) {
            k *= 0x9E3779B97F4A7C15L;
            return (int) (k ^ (k >>> 32));
        }
    }

    /** A map from non-negative ints to ints; {@link #get} answers -1 for a missing key. */
    static final class IntIntMap {
        private int[] keys = filled(16);
        private int[] values = new int[16];
        private int size;

        int get(int k) {
            int mask = keys.length - 1;
            for (int i = Dictionary.spread(k) & mask; ; i = (i + 1) & mask) {
                int e = keys[i];
                if (e == k) return values[i];
                if (e == -1) return -1;
            }
        }

        /** Sets the value of k and answers the previous one (-1 if none). */
        int put(int k, int v) {
            int mask = keys.length - 1;
            for (int i = Dictionary.spread(k) & mask; ; i = (i + 1) & mask) {
                int e = keys[i];
                if (e == k) {
                    int old = values[i];
                    values[i] = v;
                    return old;
                }
                if (e == -1) {
                    keys[i] = k;
                    values[i] = v;
                    if (++size * 4 > keys.length * 3) grow();
                    return -1;
                }
            }
        }

        private void grow() {
            int[] ok = keys, ov = values;
            keys = filled(ok.length * 2);
            values = new int[ok.length * 2];
            int mask = keys.length - 1;
            for (int j = 0; j < ok.length; j++) {
                if (ok[j] == -1) continue;
                int i = Dictionary.spread(ok[j]) & mask;
                while (keys[i] != -1) i = (i + 1) & mask;
                keys[i] = ok[j];
                values[i] = ov[j];
            }
        }

        private static int[] filled(int n) {
            int[] a = new int[n];
            Arrays.fill(a, -1);
            return a;
        }
    }
}
