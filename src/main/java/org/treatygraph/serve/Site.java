package org.treatygraph.serve;

import java.nio.file.Path;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.treatygraph.ontology.Hierarchy;
import org.treatygraph.ontology.IriScheme;

/**
 * What the routes of the server share: the store, where the dumps and sources are, and how the public
 * base IRI (https://w3id.org/treaty-graph/) maps to the server's own address.
 */
final class Site {
    private volatile DatasetGraph dataset;
    private volatile String build;
    private volatile java.time.Instant builtAt;
    private volatile org.treatygraph.convert.TreatyGraph built;
    /** This server's own: two servers in one JVM keep their descriptions apart. */
    final Descriptions descriptions = new Descriptions();
    /** The ontology page, made on first request. */
    volatile String ontologyPage;
    /** The query page (at /query, and at the query endpoint for browsers). */
    volatile String queryPage;
    final Path dumps;
    /** The numbered releases served under /dumps/releases/ (null: none). */
    final org.treatygraph.publish.Releases releases;
    /** Whether the dumps are in place yet (a fresh build writes them once the server answers). */
    private volatile Readiness dumpsReady = Readiness.already();
    /** An entity's places as GeoJSON, from the served territories.geojson (the entity routes and pages). */
    final GeoJsonViews places;
    final Path sources;
    final Path ontologyFile;
    final Path shapesFile;
    private final String localBase;
    private volatile Hierarchy hierarchy;
    private volatile org.treatygraph.search.SearchIndex searchIndex;
    private volatile Catalogue catalogue;

    /** What the browse page, the timelines and the entity pages read of a store: read once per store, the timeline when first asked. */
    private static final class Catalogue {
        final DatasetGraph store;
        final InstrumentTable instruments;
        private volatile Timeline timeline;

        Catalogue(DatasetGraph store) {
            this.store = store;
            this.instruments = InstrumentTable.load(store);
        }

        Timeline timeline() {
            Timeline t = timeline;
            if (t == null) timeline = t = Timeline.load(store, instruments);
            return t;
        }
    }

    Site(Path dumps, Path sources, Path ontologyFile, Path shapesFile, String localBase) {
        this(dumps, null, sources, ontologyFile, shapesFile, localBase);
    }

    Site(Path dumps, org.treatygraph.publish.Releases releases, Path sources, Path ontologyFile, Path shapesFile, String localBase) {
        this.dumps = dumps;
        this.releases = releases;
        this.places = new GeoJsonViews(dumps, this::dumpsReady);
        this.sources = sources;
        this.ontologyFile = ontologyFile;
        this.shapesFile = shapesFile;
        this.localBase = localBase.endsWith("/") ? localBase : localBase + "/";
    }

    /** What the served build was made from (inputs and code), or null before it is known: pages' ETags name it. */
    String build() {
        return build;
    }

    void build(String fingerprint) {
        this.build = fingerprint;
    }

    /** The ontology's class and property hierarchies (read from the ontology file on first use): pages name the most specific kind. */
    Hierarchy hierarchy() {
        Hierarchy h = hierarchy;
        if (h == null) {
            h = new Hierarchy(RDFDataMgr.loadGraph(ontologyFile.toString()));
            hierarchy = h;
        }
        return h;
    }

    /** The index of every entity's names (built by {@link SearchModule} when the server starts; null before): search and reconciliation read it. */
    org.treatygraph.search.SearchIndex searchIndex() {
        return searchIndex;
    }

    void searchIndex(org.treatygraph.search.SearchIndex index) {
        this.searchIndex = index;
    }

    /** When the served build was made (its store generation completed), or null before it is known: pages' Last-Modified. */
    /** The graph this server's start built, or null when it serves a store built before (pages then read the store). */
    org.treatygraph.convert.TreatyGraph built() {
        return built;
    }

    void built(org.treatygraph.convert.TreatyGraph graph) {
        this.built = graph;
    }

    java.time.Instant builtAt() {
        return builtAt;
    }

    void builtAt(java.time.Instant when) {
        this.builtAt = when;
    }

    /** The instruments as the browse page lists them, for the served store. */
    InstrumentTable instruments() {
        return catalogue().instruments;
    }

    /** Every instrument and event with its dates, for the served store (/timeline and the timelines on entity pages). */
    Timeline timeline() {
        return catalogue().timeline();
    }

    private Catalogue catalogue() {
        DatasetGraph store = dataset;
        Catalogue c = catalogue;
        if (c == null || c.store != store) catalogue = c = new Catalogue(store);
        return c;
    }

    Readiness dumpsReady() {
        return dumpsReady;
    }

    void dumpsReady(Readiness ready) {
        this.dumpsReady = ready;
    }

    DatasetGraph dataset() {
        return dataset;
    }

    void dataset(DatasetGraph dsg) {
        this.dataset = dsg;
    }

    /** The rest of a request's path after {@code prefix} ("/sources/"), as sent (not decoded); empty where the path has none. */
    static String after(jakarta.servlet.http.HttpServletRequest req, String prefix) {
        String path = req.getRequestURI().substring(req.getContextPath().length());
        return path.startsWith(prefix) ? path.substring(prefix.length()) : "";
    }

    /** A public IRI as a link on this server (the same IRI when it is not under the public base). */
    String local(String iri) {
        return iri.startsWith(IriScheme.BASE) ? localBase + iri.substring(IriScheme.BASE.length()) : iri;
    }
}
