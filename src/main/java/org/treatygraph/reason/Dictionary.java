package org.treatygraph.reason;

import java.util.Arrays;
import org.apache.jena.graph.Node;

/**
 * Dense integer ids for RDF terms, for the indexed engine ({@link SemiNaive}). Ids are given in order of
 * first sight, from 0; the terms are kept as Jena nodes, so decoding is an array read.
 *
 * <p>Measured against the alternatives on LUBM(10)'s 314,867 terms (bench/reasoning/DictionaryBench.java,
 * docs/reasoning-benchmark.md): Jena's own machinery, TDB2's node table (even in memory every new term is
 * serialised and written through a B+ tree), took 2.3 times the CPU for no less heap; a JDK
 * HashMap&lt;Node, Integer&gt; with an id → node list took the same time and 14% more heap. A library map
 * (fastutil, Eclipse Collections) would hold the same two arrays as this table, which also serves as the
 * id → node array, so none was added for it.
 * Open addressing, linear probing, load at most 1/2; the table holds id + 1 (0 is empty).
 */
final class Dictionary {
    private Node[] nodes = new Node[1 << 10];
    private int[] table = new int[1 << 11];
    private int size;

    /** The id of a term, given one if it has none yet. */
    int id(Node n) {
        int mask = table.length - 1;
        for (int i = spread(n.hashCode()) & mask; ; i = (i + 1) & mask) {
            int e = table[i];
            if (e == 0) {
                if (size == nodes.length) nodes = Arrays.copyOf(nodes, size * 2);
                nodes[size] = n;
                table[i] = ++size;
                if (size * 2 > table.length) rehash();
                return size - 1;
            }
            if (nodes[e - 1].equals(n)) return e - 1;
        }
    }

    /** The id of a term, or -1 if it was never seen. */
    int find(Node n) {
        int mask = table.length - 1;
        for (int i = spread(n.hashCode()) & mask; ; i = (i + 1) & mask) {
            int e = table[i];
            if (e == 0) return -1;
            if (nodes[e - 1].equals(n)) return e - 1;
        }
    }

    Node node(int id) {
        return nodes[id];
    }

    int size() {
        return size;
    }

    private void rehash() {
        int[] t = new int[table.length * 2];
        int mask = t.length - 1;
        for (int id = 0; id < size; id++) {
            int i = spread(nodes[id].hashCode()) & mask;
            while (t[i] != 0) i = (i + 1) & mask;
            t[i] = id + 1;
        }
        table = t;
    }

    static int spread(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
