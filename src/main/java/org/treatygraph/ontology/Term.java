package org.treatygraph.ontology;

import java.util.List;
import org.apache.jena.graph.Node;

/**
 * A property as records use it: the key, the property IRI, what kind of values it takes and its range.
 *
 * @param key        the record key (local name, or tg:recordKey of a borrowed term)
 * @param property   the property IRI
 * @param kind       object, datatype or annotation property
 * @param range      the named range class or datatype, or null
 * @param datatypes  the datatypes a literal may take (one, or the members of an owl:unionOf), empty for any
 */
public record Term(String key, Node property, Kind kind, Node range, List<String> datatypes) {
    public enum Kind { OBJECT, DATATYPE, ANNOTATION }

    public boolean isObjectProperty() {
        return kind == Kind.OBJECT;
    }
}
