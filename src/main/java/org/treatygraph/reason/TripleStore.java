package org.treatygraph.reason;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;

/**
 * Triples as integer ids, one {@link Relation} per predicate: what the indexed engine reasons over.
 * About 30–40 bytes a triple (two int columns, the pair set, and up to two chained indexes), against
 * several hundred in a Jena graph plus the RETE engine's join memory.
 */
final class TripleStore {
    final Dictionary dictionary = new Dictionary();
    private final List<Relation> relations = new ArrayList<>();
    private final IdTables.IntIntMap relationOf = new IdTables.IntIntMap();

    /** Adds a triple; false if it was there already. */
    boolean add(Triple t) {
        return relationFor(dictionary.id(t.getPredicate())).add(dictionary.id(t.getSubject()), dictionary.id(t.getObject()));
    }

    boolean contains(Triple t) {
        int p = dictionary.find(t.getPredicate()), s = dictionary.find(t.getSubject()), o = dictionary.find(t.getObject());
        if (p < 0 || s < 0 || o < 0) return false;
        Relation r = relation(p);
        return r != null && r.contains(s, o);
    }

    /** The relation of a predicate, or null if no triple has it. */
    Relation relation(int p) {
        int i = relationOf.get(p);
        return i < 0 ? null : relations.get(i);
    }

    Relation relationFor(int p) {
        int i = relationOf.get(p);
        if (i >= 0) return relations.get(i);
        Relation r = new Relation(p);
        relationOf.put(p, relations.size());
        relations.add(r);
        return r;
    }

    List<Relation> relations() {
        return relations;
    }

    long size() {
        long n = 0;
        for (Relation r : relations) n += r.size;
        return n;
    }

    Triple triple(Relation r, int row) {
        return Triple.create(dictionary.node(r.s[row]), dictionary.node(r.p), dictionary.node(r.o[row]));
    }

    Node node(int id) {
        return dictionary.node(id);
    }

    /** The (subject, object) pairs of one predicate, in the order they were added, with their indexes. */
    static final class Relation {
        final int p;
        int[] s = new int[16], o = new int[16];
        int size;
        private final IdTables.LongSet pairs = new IdTables.LongSet();
        // Chained indexes, built on first use: head maps a subject (object) to its newest row, next links
        // each row to the previous row with the same subject (object), -1 ending the chain.
        private IdTables.IntIntMap bySubject, byObject;
        private int[] nextSubject, nextObject;
        /** The rows new in the current round of the semi-naive evaluation: [deltaFrom, deltaTo). */
        int deltaFrom, deltaTo;
        /** Marks set by the materialiser: rows before dataEnd are input data; from derivedFrom on, inferred. */
        int dataEnd, derivedFrom;

        Relation(int p) {
            this.p = p;
        }

        boolean add(int subject, int object) {
            if (!claim(subject, object)) return false;
            append(subject, object);
            return true;
        }

        /** Records the pair as present without adding its row yet (the row comes at the end of the round). */
        boolean claim(int subject, int object) {
            return pairs.add(((long) subject << 32) | (object & 0xffffffffL));
        }

        boolean contains(int subject, int object) {
            return pairs.contains(((long) subject << 32) | (object & 0xffffffffL));
        }

        void append(int subject, int object) {
            if (size == s.length) {
                int n = s.length + (s.length >> 1);
                s = Arrays.copyOf(s, n);
                o = Arrays.copyOf(o, n);
                if (nextSubject != null) nextSubject = Arrays.copyOf(nextSubject, n);
                if (nextObject != null) nextObject = Arrays.copyOf(nextObject, n);
            }
            s[size] = subject;
            o[size] = object;
            if (bySubject != null) nextSubject[size] = bySubject.put(subject, size);
            if (byObject != null) nextObject[size] = byObject.put(object, size);
            size++;
        }

        /** The newest row with this subject, or -1; {@link #nextWithSubject} walks back from it. */
        int firstWithSubject(int subject) {
            if (bySubject == null) {
                bySubject = new IdTables.IntIntMap();
                nextSubject = new int[s.length];
                for (int i = 0; i < size; i++) nextSubject[i] = bySubject.put(s[i], i);
            }
            return bySubject.get(subject);
        }

        int nextWithSubject(int row) {
            return nextSubject[row];
        }

        int firstWithObject(int object) {
            if (byObject == null) {
                byObject = new IdTables.IntIntMap();
                nextObject = new int[s.length];
                for (int i = 0; i < size; i++) nextObject[i] = byObject.put(o[i], i);
            }
            return byObject.get(object);
        }

        int nextWithObject(int row) {
            return nextObject[row];
        }
    }
}
