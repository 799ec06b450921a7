package org.treatygraph.serve;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The serialised descriptions of the entities one server has served, most recently used kept. The
 * service is read-only (fuseki-config: query and GSP-read only) and its store is loaded before it opens,
 * so a description cannot change while the server runs. Measured (docs/entity-description-benchmark.md):
 * a description is an index lookup of ~1,700 triples, about 7 times the work of Fuseki's DESCRIBE of the
 * same entity's own triples; served again from here it costs nothing but the copy.
 * Size from -Dtreatygraph.descriptionCache (default 512 entries; 0 turns it off).
 */
final class Descriptions {
    private final int capacity = Integer.getInteger("treatygraph.descriptionCache", 512);
    private final Map<String, byte[]> entries = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > capacity;
        }
    };

    /** The bytes of an entity's description in a format, made by {@code make} the first time. */
    byte[] get(String iri, Formats format, Supplier<byte[]> make) {
        if (capacity <= 0) return make.get();
        String key = format.name() + " " + iri;
        synchronized (entries) {
            byte[] b = entries.get(key);
            if (b != null) return b;
        }
        byte[] made = make.get();
        synchronized (entries) {
            entries.put(key, made);
        }
        return made;
    }
}
