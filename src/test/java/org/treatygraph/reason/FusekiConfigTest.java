package org.treatygraph.reason;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.assembler.Assembler;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DynamicDatasets;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.treatygraph.TestProjects;
import org.treatygraph.ontology.IriScheme;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The Fuseki configurations in fuseki-config/: their datasets assemble with Jena's own assembler over a
 * real TDB2 store holding the build's named graphs, the server's answers from the union default graph with
 * the inferred closure, and the comparison configuration answers through a live OWL reasoner.
 */
class FusekiConfigTest {
    static { org.apache.jena.sys.JenaSystem.init(); }
    static final String FUSEKI = "http://jena.apache.org/fuseki#";
    static final String TDB2 = "http://jena.apache.org/2016/tdb#";
    static final Path CONFIG = Path.of("fuseki-config");
    @TempDir Path store;
    @TempDir Path configs;

    /** The configuration with its store moved to the test's directory. */
    private Model config(String file) {
        Model m = RDFDataMgr.loadModel(CONFIG.resolve(file).toString());
        Property location = m.createProperty(TDB2, "location");
        List<Resource> stores = m.listSubjectsWithProperty(location).toList();
        assertEquals(1, stores.size(), "one TDB2 store in " + file);
        stores.get(0).removeAll(location).addProperty(location, store.toString());
        // As Fuseki reads a configuration: with the class hierarchy of the registered assemblers
        // (tdb2:GraphTDB2 is a ja:Model, tdb2:DatasetTDB2 a ja:RDFDataset).
        org.apache.jena.sparql.core.assembler.AssemblerUtils.addRegistered(m);
        return m;
    }

    private static Resource only(Model m, String type) {
        List<Resource> rs = m.listSubjectsWithProperty(RDF.type, m.createResource(type)).toList();
        assertEquals(1, rs.size(), type);
        return rs.get(0);
    }

    private void loadBuiltGraphs() {
        Dataset tdb = (Dataset) Assembler.general().open(only(config("treaty-graph.ttl"), TDB2 + "DatasetTDB2"));
        Txn.executeWrite(tdb, () -> {
            var named = TestProjects.repoGraph().namedGraphs();
            named.listGraphNodes().forEachRemaining(g -> named.getGraph(g).find().forEach(t -> tdb.asDatasetGraph().add(g, t.getSubject(), t.getPredicate(), t.getObject())));
        });
        tdb.close();
        org.apache.jena.tdb2.sys.TDBInternal.expel(tdb.asDatasetGraph());
    }

    /** Runs a query as Fuseki does: FROM and FROM NAMED pick graphs of the dataset (a dynamic dataset). */
    private static Set<String> agreements(Dataset ds, String query) {
        Set<String> out = new TreeSet<>();
        boolean own = !ds.isInTransaction();
        if (own) ds.begin(ReadWrite.READ);
        Query q = QueryFactory.create(query);
        Dataset target = q.hasDatasetDescription()
                ? DatasetFactory.wrap(DynamicDatasets.dynamicDataset(q.getDatasetDescription(), ds.asDatasetGraph(), false)) : ds;
        try (QueryExecution qe = QueryExecution.dataset(target).query(q).build()) {
            qe.execSelect().forEachRemaining(s -> out.add(s.getResource("agreement").getURI().substring(IriScheme.ID.length())));
        } finally {
            if (own) ds.end();
        }
        return out;
    }

    @Test
    void serverConfigurationIsReadOnlyWithATimeoutOverAUnionDefaultGraph() throws Exception {
        Model m = config("treaty-graph.ttl");
        Resource service = only(m, FUSEKI + "Service");
        assertEquals("treaties", service.getProperty(m.createProperty(FUSEKI, "name")).getString());
        Set<String> operations = new TreeSet<>();
        service.listProperties(m.createProperty(FUSEKI, "endpoint")).forEachRemaining(s ->
                operations.add(s.getResource().getPropertyResourceValue(m.createProperty(FUSEKI, "operation")).getLocalName()));
        assertEquals(Set.of("query", "gsp-r"), operations, "read-only: no update, no upload, no read-write graph store");
        assertTrue(Files.readString(CONFIG.resolve("treaty-graph.ttl")).contains("ja:cxtName \"arq:queryTimeout\""));
        Resource tdb = only(m, TDB2 + "DatasetTDB2");
        assertTrue(tdb.getProperty(m.createProperty(TDB2, "unionDefaultGraph")).getBoolean());

        loadBuiltGraphs();
        Dataset ds = (Dataset) Assembler.general().open(only(config("treaty-graph.ttl"), TDB2 + "DatasetTDB2"));
        String cq7 = Files.readString(Path.of("queries/cq07-georgian-polity-agreements.rq"));
        // The default graph is the union with the inferred graph: the same answers as the in-memory build.
        Set<String> withReasoning = agreements(ds, cq7);
        assertTrue(withReasoning.contains("agreement/treaty-of-kars-1921"), withReasoning.toString());
        assertEquals(5, withReasoning.size(), withReasoning.toString());
        // The same query on the asserted graph alone, as docs/reasoning.md shows it.
        Set<String> withoutReasoning = agreements(ds, cq7.replace("WHERE {", "FROM <" + IriScheme.ASSERTED_GRAPH.getURI() + ">\nWHERE {"));
        assertFalse(withoutReasoning.contains("agreement/treaty-of-kars-1921"), withoutReasoning.toString());
        assertTrue(withoutReasoning.size() < withReasoning.size());
        ds.close();
    }

    @Test
    void comparisonConfigurationReasonsLiveOverTheAssertedGraph() throws Exception {
        loadBuiltGraphs();
        Model m = config("treaty-graph-infmodel.ttl");
        Dataset live = (Dataset) Assembler.general().open(only(m, "http://jena.hpl.hp.com/2005/11/Assembler#RDFDataset"));
        // A read transaction on the dataset reaches the TDB2 graphs under the InfModel (through the
        // union's ja:rootModel), as it must when Fuseki wraps each request in one.
        // Subclass reasoning happens live (the asserted graph types Kars only as a peace treaty) …
        Set<String> kinds = agreements(live, """
                SELECT ?agreement { ?agreement a <https://w3id.org/treaty-graph/ontology#Agreement> }""");
        assertTrue(kinds.contains("agreement/treaty-of-kars-1921"), kinds.toString());
        // … and the inferred graph is not part of it.
        Set<String> inferredGraph = agreements(live, "SELECT ?agreement { GRAPH <" + IriScheme.INFERRED_GRAPH.getURI() + "> { ?agreement ?p ?o } }");
        assertEquals(Set.of(), inferredGraph);
        // Jena's OWL rule reasoners have no property-chain rules: the live configuration misses every
        // answer of CQ10 (actedOnBehalfOf is a chain), which the materialised closure gives.
        String cq10 = Files.readString(Path.of("queries/cq10-acted-for-grand-national-assembly.rq"))
                .replace("SELECT DISTINCT ?person", "SELECT DISTINCT (?person AS ?agreement)");
        assertEquals(Set.of(), agreements(live, cq10));
        assertTrue(agreements(TestProjects.repoGraph().queryDataset(), cq10).contains("person/yusuf-kemal-bey"));
    }

    // --- The configurations in a real Fuseki server over HTTP -------------------------------------

    /** Starts Fuseki from a configuration file with its store moved to the test's directory. */
    private org.apache.jena.fuseki.main.FusekiServer fuseki(String file) throws Exception {
        Path conf = configs.resolve(file);   // inside a temporary directory of its own, so JUnit removes it
        Files.writeString(conf, Files.readString(CONFIG.resolve(file)).replace("tdb2:location \"run/tdb2\"", "tdb2:location \"" + store + "\""));
        return org.apache.jena.fuseki.main.FusekiServer.create().port(0).loopback(true).parseConfigFile(conf.toString()).build().start();
    }

    private static int status(String url, String method, String body) throws Exception {
        var req = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                .method(method, body == null ? java.net.http.HttpRequest.BodyPublishers.noBody() : java.net.http.HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/sparql-update").build();
        return java.net.http.HttpClient.newHttpClient().send(req, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static Set<String> overHttp(String endpoint, String query) {
        Set<String> out = new TreeSet<>();
        try (var qe = org.apache.jena.sparql.exec.http.QueryExecutionHTTP.service(endpoint).query(query).build()) {
            qe.execSelect().forEachRemaining(s -> out.add(s.getResource("agreement").getURI().substring(IriScheme.ID.length())));
        }
        return out;
    }

    @Test
    void fusekiServesTheStoreReadOnlyWithReasoningFromTheDefaultGraph() throws Exception {
        loadBuiltGraphs();
        var server = fuseki("treaty-graph.ttl");
        try {
            String base = "http://localhost:" + server.getPort() + "/treaties";
            String cq7 = Files.readString(Path.of("queries/cq07-georgian-polity-agreements.rq"));
            assertEquals(5, overHttp(base + "/sparql", cq7).size());
            // FROM the asserted graph: the same query without reasoning, as the documentation shows it.
            Set<String> plain = overHttp(base + "/sparql", cq7.replace("WHERE {", "FROM <" + IriScheme.ASSERTED_GRAPH.getURI() + ">\nWHERE {"));
            assertEquals(2, plain.size(), plain.toString());
            // Read-only: no SPARQL Update anywhere, and the Graph Store Protocol refuses writes.
            int update = status(base + "/sparql", "POST", "INSERT DATA { <urn:a> <urn:b> <urn:c> }");
            assertTrue(update == 400 || update == 404 || update == 405 || update == 415, "update answered " + update);
            assertEquals(405, status(base + "/data?default", "PUT", ""));
            assertEquals(404, status("http://localhost:" + server.getPort() + "/treaties/update", "POST", "INSERT DATA { <urn:a> <urn:b> <urn:c> }"));
        } finally {
            server.stop();
        }
    }

    @Test
    void fusekiServesTheLiveReasonerConfiguration() throws Exception {
        loadBuiltGraphs();
        var server = fuseki("treaty-graph-infmodel.ttl");
        try {
            String endpoint = "http://localhost:" + server.getPort() + "/treaties-live/sparql";
            Set<String> kinds = overHttp(endpoint, "SELECT ?agreement { ?agreement a <https://w3id.org/treaty-graph/ontology#Agreement> }");
            assertTrue(kinds.contains("agreement/treaty-of-kars-1921"), kinds.toString());
        } finally {
            server.stop();
        }
    }
}
