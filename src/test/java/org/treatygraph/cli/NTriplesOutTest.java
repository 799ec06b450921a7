package org.treatygraph.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;

/** infer's N-Triples writer writes what Jena's writes, on the terms it writes itself and those it hands to Jena. */
class NTriplesOutTest {
    @Test
    void sameTriplesAsJenasWriter() {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString("""
                @prefix : <http://example.org/> .
                @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
                :a :p "plain" , "quote \\" and backslash \\\\" , "line\\nbreak\\ttab" , "Tiflis"@en , "Тифлис"@ru , "1921-03-16"^^xsd:date ,
                      "7"^^xsd:integer , <http://example.org/é> , <http://example.org/a%20b> , [ :q :b ] .
                """, Lang.TURTLE).parse(g);
        ByteArrayOutputStream ours = new ByteArrayOutputStream(), jenas = new ByteArrayOutputStream();
        NTriplesOut w = new NTriplesOut(ours);
        w.start();
        g.find().forEachRemaining(w::triple);
        w.finish();
        RDFDataMgr.write(jenas, g, RDFFormat.NTRIPLES);
        String a = ours.toString(StandardCharsets.UTF_8), b = jenas.toString(StandardCharsets.UTF_8);
        assertEquals(b.lines().sorted().toList(), a.lines().sorted().toList());
        assertTrue(a.contains("\"Tiflis\"@en"), a);
        Graph back = GraphFactory.createDefaultGraph();
        RDFParser.fromString(a, Lang.NTRIPLES).parse(back);
        assertTrue(back.isIsomorphicWith(g));
    }
}
