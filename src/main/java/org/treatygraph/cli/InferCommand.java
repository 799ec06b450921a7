package org.treatygraph.cli;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.zip.GZIPOutputStream;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.RiotParseException;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.graph.GraphFactory;
import org.treatygraph.core.InputException;
import org.treatygraph.core.Location;
import org.treatygraph.core.Problem;
import org.treatygraph.reason.Closure;
import org.treatygraph.reason.Inconsistency;
import org.treatygraph.reason.Materialiser;
import org.treatygraph.reason.RunStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "infer", mixinStandardHelpOptions = true,
        description = "Runs the treaty graph's reasoning (OWL 2 RL profile) on any ontology and data, and writes the closure "
                + "(ontology, data and inferred triples) as N-Triples, gzipped when the name ends in .gz.")
final class InferCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--ontology", required = true, paramLabel = "FILE", description = "The ontology (RDF/XML, Turtle or N-Triples, gzipped or not).")
    Path ontology;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "A data file; repeat for more.")
    List<Path> data;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the closure (N-Triples; .nt.gz for gzip).")
    Path out;

    @Option(names = "--rules", paramLabel = "FILE",
            description = "The rule profile (default: ontology/owl2rl.rules if there is one here, else the copy in the jar).")
    Path rules;

    @Option(names = "--allow-inconsistencies", description = "Report inconsistencies but write the closure anyway.")
    boolean allowInconsistencies;

    @Option(names = "--unspecialised", description = "Run the general rules directly, without specialising them to the ontology "
            + "(slower; for benchmarks).")
    boolean unspecialised;

    @Option(names = {"-q", "--quiet"}, description = "Print no progress, only the closing line.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Materialiser materialiser = rules != null ? Materialiser.load(rules, rules.toString())
                : Files.exists(Path.of("ontology/owl2rl.rules")) ? Materialiser.load(Path.of("ontology/owl2rl.rules"), "ontology/owl2rl.rules")
                : Materialiser.bundled();
        try (RunStats stats = new RunStats(quiet ? null : this::say, 10)) {
            stats.phase("reading");
            Graph onto = read(List.of(ontology), stats);
            Graph facts = read(data, stats);
            long input = onto.size() + facts.size();
            stats.phase("materialising");
            Closure closure = unspecialised ? materialiser.runUnspecialised(onto, facts, this::say)
                    : materialiser.run(onto, facts, false, this::say);
            closure.warnings().forEach(err::println);
            if (!closure.inconsistencies().isEmpty()) {
                PrefixMapping pm = onto.getPrefixMapping();
                for (Inconsistency i : closure.inconsistencies()) err.println("inconsistency: " + i.summary(pm));
                err.println(closure.inconsistencies().size() + " inconsistenc" + (closure.inconsistencies().size() == 1 ? "y" : "ies")
                        + " (run `explain` for the derivation of each)" + (allowInconsistencies ? "" : "; nothing was written."));
                if (!allowInconsistencies) return 1;
            }
            stats.phase("writing " + out);
            say("writing " + out);
            write(onto, facts, closure.inferred());
            err.printf("input %,d triples; inferred %,d triples; %.1f s; peak heap %s%n",
                    input, closure.inferred().size(), stats.seconds(), RunStats.mib(stats.peakHeap()));
            err.flush();
        }
        return 0;
    }

    private Graph read(List<Path> files, RunStats stats) {
        Graph g = GraphFactory.createDefaultGraph();
        for (Path f : files) {
            say("reading " + f);
            StreamRDF counting = new StreamRDFWrapper(StreamRDFLib.graph(g)) {
                long n;
                @Override public void triple(org.apache.jena.graph.Triple t) {
                    super.triple(t);
                    if (++n % 500_000 == 0) say(String.format("  %,d triples from %s", n, f.getFileName()));
                }
            };
            try {
                // A file name (not a Path) lets Jena see the .gz and decompress.
                RDFParser.source(f.toString()).errorHandler(FAIL_WITH_POSITION).parse(counting);
            } catch (RiotParseException e) {
                throw new InputException(new Problem(new Location(f.toString(), (int) e.getLine(), (int) e.getCol()), e.getOriginalMessage()));
            } catch (org.apache.jena.riot.RiotNotFoundException e) {
                throw new InputException(new Problem(null, "cannot read " + f + ": no such file"));
            } catch (RiotException e) {
                throw new InputException(new Problem(null, f + ": " + e.getMessage()));
            }
        }
        return g;
    }

    /** Jena's parsers report errors through a handler; this one stops at the first, keeping its position. */
    private static final org.apache.jena.riot.system.ErrorHandler FAIL_WITH_POSITION = new org.apache.jena.riot.system.ErrorHandler() {
        @Override public void warning(String message, long line, long col) {}
        @Override public void error(String message, long line, long col) { throw new RiotParseException(message, line, col); }
        @Override public void fatal(String message, long line, long col) { throw new RiotParseException(message, line, col); }
    };

    private void write(Graph onto, Graph facts, Graph inferred) throws Exception {
        Path target = out.toAbsolutePath();
        if (target.getParent() != null) Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16);
                 OutputStream os = target.toString().endsWith(".gz") ? new GZIPOutputStream(raw, 1 << 16) : raw) {
                StreamRDF w = StreamRDFWriter.getWriterStream(os, RDFFormat.NTRIPLES);
                w.start();
                for (Graph g : List.of(onto, facts, inferred)) g.find().forEachRemaining(w::triple);
                w.finish();
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private void say(String s) {
        if (quiet) return;
        spec.commandLine().getErr().println(s);
        spec.commandLine().getErr().flush();
    }
}
