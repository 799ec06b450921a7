package org.treatygraph.serve;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;

/**
 * Content negotiation for the Linked Data routes: the RDF syntaxes offered, their file suffixes, and
 * HTML for people. Jena's AcceptList does the matching of Accept headers (q-values, wildcards).
 */
enum Formats {
    HTML("text/html", "html", null),
    TURTLE("text/turtle", "ttl", RDFFormat.TURTLE_PRETTY),
    JSONLD("application/ld+json", "jsonld", RDFFormat.JSONLD11),
    RDFXML("application/rdf+xml", "rdf", RDFFormat.RDFXML_ABBREV),
    NTRIPLES("application/n-triples", "nt", RDFFormat.NTRIPLES),
    /** Not RDF: an entity's places (GeoJsonViews); offered by the entity routes only. */
    GEOJSON("application/geo+json", "geojson", null);

    final String mediaType;
    final String suffix;
    final RDFFormat format;

    Formats(String mediaType, String suffix, RDFFormat format) {
        this.mediaType = mediaType;
        this.suffix = suffix;
        this.format = format;
    }

    /** The Content-Type header: the media type, with the charset for the text syntaxes. */
    String contentType() {
        return mediaType + (this == HTML || this == TURTLE || this == NTRIPLES ? "; charset=utf-8" : "");
    }

    Lang lang() {
        return format.getLang();
    }

    private static final Map<String, Formats> BY_SUFFIX = new LinkedHashMap<>();
    static {
        for (Formats f : values()) BY_SUFFIX.put(f.suffix, f);
    }

    static Formats bySuffix(String suffix) {
        return BY_SUFFIX.get(suffix);
    }

    /** The suffixes, as a message lists them: ".html, .ttl, …". */
    static String suffixes() {
        return "." + String.join(", .", BY_SUFFIX.keySet());
    }

    /** Why a request is refused with 406: what it accepts and what is offered. */
    static String notAcceptable(String accept, Formats... offered) {
        StringBuilder b = new StringBuilder("Accept: " + Refusals.oneLine(accept, 100) + " matches none of the formats offered here:");
        for (int i = 0; i < offered.length; i++) b.append(i == 0 ? " " : ", ").append(offered[i].mediaType);
        return b.toString();
    }

    /**
     * The format for an Accept header, or null when none of the offered ones is acceptable (406). No
     * header, or a header of wildcards, gets the first offered format.
     */
    static Formats negotiate(String accept, Formats... offered) {
        if (accept == null || accept.isBlank()) return offered[0];
        java.util.List<String> types = new java.util.ArrayList<>();
        for (Formats f : offered) types.add(f.mediaType);
        // A client that asks for plain JSON gets JSON-LD, which is JSON (after the offered types, so that
        // a wildcard still gets the first offered format).
        if (types.contains(JSONLD.mediaType)) types.add(JSON);
        MediaType m = AcceptList.match(new AcceptList(accept), AcceptList.create(types.toArray(String[]::new)));
        if (m == null) return null;
        if (m.getContentTypeStr().equals(JSON)) return JSONLD;
        for (Formats f : offered) if (f.mediaType.equals(m.getContentTypeStr())) return f;
        return null;
    }

    private static final String JSON = "application/json";
}
