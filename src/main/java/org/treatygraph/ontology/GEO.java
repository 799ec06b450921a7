package org.treatygraph.ontology;

import org.apache.jena.datatypes.RDFDatatype;
import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * The GeoSPARQL and W3C WGS84 terms the graph writes for a territory's coordinates (docs/places.md); the
 * namespaces are the ontology's declared prefixes geo: and wgs84:. Jena's core has neither vocabulary.
 */
public final class GEO {
    private GEO() {}

    public static final String NS = Prefixes.MAPPING.getNsPrefixURI("geo");
    public static final String WGS84 = Prefixes.MAPPING.getNsPrefixURI("wgs84");

    public static final Node Geometry = NodeFactory.createURI(NS + "Geometry");
    public static final Node hasGeometry = NodeFactory.createURI(NS + "hasGeometry");
    public static final Node asWKT = NodeFactory.createURI(NS + "asWKT");
    /** The datatype of geo:asWKT's literals; without a CRS IRI the coordinates are WGS84 longitude, latitude. */
    public static final RDFDatatype wktLiteral = TypeMapper.getInstance().getSafeTypeByName(NS + "wktLiteral");

    public static final Node lat = NodeFactory.createURI(WGS84 + "lat");
    public static final Node lon = NodeFactory.createURI(WGS84 + "long");
}
