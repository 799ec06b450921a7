package org.treatygraph.reason;

import static org.junit.jupiter.api.Assertions.*;
import static org.treatygraph.reason.Turtle.*;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFDataMgr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.treatygraph.TestProjects;
import org.treatygraph.cli.Main;
import org.treatygraph.convert.TreatyGraph;

/**
 * The indexed engine (the default) and Jena's RETE engine (the reference, and what explains) compute the
 * same closure from the same rule file, triple for triple, and find the same inconsistencies.
 */
class EngineEquivalenceTest {
    @TempDir Path dir;

    private static void assertSameClosure(Graph ontology, Graph data) {
        Closure indexed = profile().run(ontology, data, false, s -> {});
        Closure rete = profile().withEngine(Materialiser.Engine.RETE).run(ontology, data, false, s -> {});
        Set<Triple> a = indexed.inferred().find().toSet(), b = rete.inferred().find().toSet();
        List<Triple> onlyIndexed = a.stream().filter(t -> !b.contains(t)).limit(5).toList();
        List<Triple> onlyRete = b.stream().filter(t -> !a.contains(t)).limit(5).toList();
        assertEquals(List.of(), onlyIndexed, "inferred by the indexed engine only");
        assertEquals(List.of(), onlyRete, "inferred by the RETE engine only");
        assertEquals(b.size(), a.size());
        assertFalse(a.isEmpty());
        assertEquals(rete.inconsistencies().toString(), indexed.inconsistencies().toString());
        assertEquals(rete.warnings(), indexed.warnings());
        assertEquals(rete.dataRules(), indexed.dataRules());
    }

    @Test
    void lubm1() {
        Graph ontology = RDFDataMgr.loadGraph(LubmTest.LUBM.resolve("univ-bench.owl").toString());
        Graph data = RDFDataMgr.loadGraph(LubmTest.LUBM.resolve("lubm1.nt.gz").toString());
        assertSameClosure(ontology, data);
    }

    @Test
    void theTreatyData() {
        TreatyGraph g = TestProjects.repoGraph();
        assertSameClosure(g.ontology(), g.asserted());
    }

    @Test
    void everyKindOfInconsistencyIsFoundAndExplainedAlike() {
        Graph onto = parse("""
                :Person owl:disjointWith :Polity . :State rdfs:subClassOf :Polity .
                [] a owl:AllDisjointClasses ; owl:members ( :Person :Territory :Polity ) .
                :fromPolity owl:propertyDisjointWith :toPolity .
                :predecessor a owl:IrreflexiveProperty .
                :annuls a owl:AsymmetricProperty .
                :Stateless owl:complementOf :State .
                :Void rdfs:subClassOf owl:Nothing .
                :Unsigned owl:equivalentClass [ a owl:Restriction ; owl:onProperty :hasSignatory ; owl:maxCardinality "0"^^xsd:nonNegativeInteger ] .
                """);
        Graph data = parse("""
                :georgia a :State , :Person . :kars a :Territory , :Polity .
                :c :fromPolity :persia ; :toPolity :persia .
                :d tg:earliest "1921-03-01"^^xsd:date ; tg:latest "1921-02-01"^^xsd:date .
                :rsfsr :predecessor :rsfsr .
                :a :annuls :b . :b :annuls :a .
                :x a :Stateless , :State .
                :y a :Void .
                :z a :Unsigned ; :hasSignatory :someone .
                """);
        Closure indexed = profile().run(onto, data, true, s -> {});
        Closure rete = profile().withEngine(Materialiser.Engine.RETE).run(onto, data, true, s -> {});
        assertEquals(List.of("cax-adc", "cax-dw", "cls-com", "cls-maxc1", "cls-nothing2", "prp-asyp", "prp-irp", "prp-pdw", "tg-date-order"),
                indexed.inconsistencies().stream().map(Inconsistency::rule).distinct().sorted().toList());
        // Records: rule, message, nodes and derivation.
        assertEquals(rete.inconsistencies().size(), indexed.inconsistencies().size());
        for (int i = 0; i < rete.inconsistencies().size(); i++) {
            Inconsistency r = rete.inconsistencies().get(i), x = indexed.inconsistencies().get(i);
            assertEquals(r.toString(), x.toString());
            assertEquals(r.derivation(), x.derivation(), r.toString());
        }
        assertTrue(indexed.inconsistencies().stream().allMatch(i -> i.derivation() != null));
        // Explanations of ordinary inferences come from the RETE engine, on first use.
        Triple t = triple("georgia", org.apache.jena.vocabulary.RDF.type.asNode(), "Polity");
        assertTrue(indexed.inferred().contains(t));
        assertEquals(rete.explain(t), indexed.explain(t));
    }

    @Test
    void inferReportsInconsistenciesAlikeWithEitherEngine() throws Exception {
        Path onto = dir.resolve("onto.ttl"), data = dir.resolve("data.ttl");
        Files.writeString(onto, PREFIXES + ":Person owl:disjointWith :Polity . :State rdfs:subClassOf :Polity .");
        Files.writeString(data, PREFIXES + ":georgia a :State , :Person . :d tg:earliest \"1921-03-01\"^^xsd:date ; tg:latest \"1921-02-01\"^^xsd:date .");
        List<String> outputs = new ArrayList<>();
        for (String engine : List.of("indexed", "rete")) {
            Path out = dir.resolve(engine + ".nt");
            StringWriter err = new StringWriter();
            var cmd = Main.commandLine();
            cmd.setErr(new java.io.PrintWriter(err));
            assertEquals(1, cmd.execute("infer", "-q", "--engine", engine, "--ontology", onto.toString(), "--data", data.toString(), "--out", out.toString()));
            assertFalse(Files.exists(out), "nothing written");
            outputs.add(err.toString());
        }
        assertTrue(outputs.get(0).contains("inconsistency: cax-dw: an individual is in two disjoint classes"), outputs.get(0));
        assertTrue(outputs.get(0).contains("2 inconsistencies (run `explain` for the derivation of each); nothing was written."), outputs.get(0));
        assertEquals(outputs.get(1), outputs.get(0));
    }

    @Test
    void whatTheIndexedEngineCannotRunIsRefusedWithTheRuleAndTheWayOut() throws Exception {
        Path rules = dir.resolve("rules.rules"), onto = dir.resolve("onto.ttl"), data = dir.resolve("data.ttl");
        Files.writeString(rules, "[shout: (?x <http://example.org/p> ?y) -> print(?x)]\n");
        Files.writeString(onto, PREFIXES);
        Files.writeString(data, PREFIXES + ":a :p :b .");
        Path out = dir.resolve("out.nt");
        StringWriter err = new StringWriter();
        var cmd = Main.commandLine();
        cmd.setErr(new java.io.PrintWriter(err));
        assertEquals(1, cmd.execute("infer", "-q", "--rules", rules.toString(), "--ontology", onto.toString(), "--data", data.toString(), "--out", out.toString()));
        assertTrue(err.toString().contains("rule shout: the indexed engine does not support a head action print(?x); run with --engine rete"), err.toString());
        assertFalse(err.toString().contains("Exception"), err.toString());
        assertFalse(Files.exists(out));

        err.getBuffer().setLength(0);
        assertEquals(2, cmd.execute("infer", "--engine", "fast", "--ontology", onto.toString(), "--data", data.toString(), "--out", out.toString()));
        assertTrue(err.toString().contains("--engine is indexed or rete, not fast"), err.toString());
    }

    @Test
    void inferWritesTheSameClosureWithEitherEngine() throws Exception {
        List<Set<String>> closures = new ArrayList<>();
        for (String engine : List.of("indexed", "rete")) {
            Path out = dir.resolve(engine + ".nt.gz");
            StringWriter err = new StringWriter();
            var cmd = Main.commandLine();
            cmd.setErr(new java.io.PrintWriter(err));
            assertEquals(0, cmd.execute("infer", "-q", "--engine", engine, "--ontology", LubmTest.LUBM.resolve("univ-bench.owl").toString(),
                    "--data", LubmTest.LUBM.resolve("lubm1.nt.gz").toString(), "--out", out.toString()), err.toString());
            assertTrue(err.toString().contains("input 100,836 triples; inferred 49,745 triples;"), err.toString());
            // Blank nodes are relabelled on every write: compare the triples without them, and count those with them.
            Graph g = RDFDataMgr.loadGraph(out.toString());
            closures.add(g.find().toList().stream().map(t -> t.isConcrete() && !t.getSubject().isBlank() && !t.getObject().isBlank()
                    ? t.toString() : "blank " + t.getPredicate()).collect(Collectors.toSet()));
            assertEquals(150_581, g.size());
        }
        assertEquals(closures.get(1), closures.get(0));
    }
}
