package org.treatygraph.cli;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.RiotParseException;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.graph.GraphFactory;
import org.treatygraph.core.InputException;
import org.treatygraph.core.Location;
import org.treatygraph.core.Problem;
import org.treatygraph.reason.Closure;
import org.treatygraph.reason.EncodedClosure;
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

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "INDEXED", converter = EngineOption.class,
            description = "indexed (default: integer-encoded triples, indexed semi-naive joins, memory in proportion to the triples) "
                    + "or rete (Jena's forward RETE engine, as `explain` uses; --unspecialised implies it).")
    Materialiser.Engine engine;

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
            if (engine == Materialiser.Engine.INDEXED && !unspecialised) {
                stats.phase("reading and materialising");
                EncodedClosure closure = materialiser.runEncoded(onto, sink -> read(data, sink), this::say);
                if (!report(closure.warnings(), closure.inconsistencies(), onto, err)) return 1;
                double before = stats.seconds();
                stats.phase("writing " + out);
                say("writing " + out);
                long[] inferred = {0};
                write(w -> inferred[0] = closure.write(w));
                finish(err, stats, onto.size() + closure.dataTriples(), inferred[0], stats.seconds() - before);
                return 0;
            }
            Graph facts = GraphFactory.createDefaultGraph();
            read(data, StreamRDFLib.graph(facts));
            long input = onto.size() + facts.size();
            stats.phase("materialising");
            Materialiser rete = materialiser.withEngine(Materialiser.Engine.RETE);
            Closure closure = unspecialised ? rete.runUnspecialised(onto, facts, this::say)
                    : rete.run(onto, facts, false, this::say);
            if (!report(closure.warnings(), closure.inconsistencies(), onto, err)) return 1;
            double before = stats.seconds();
            stats.phase("writing " + out);
            say("writing " + out);
            write(w -> { for (Graph g : List.of(onto, facts, closure.inferred())) g.find().forEachRemaining(w::triple); });
            finish(err, stats, input, closure.inferred().size(), stats.seconds() - before);
        }
        return 0;
    }

    /** Prints the warnings and inconsistencies; false if the run must stop here. */
    private boolean report(List<String> warnings, List<Inconsistency> inconsistencies, Graph onto, PrintWriter err) {
        warnings.forEach(err::println);
        if (inconsistencies.isEmpty()) return true;
        PrefixMapping pm = onto.getPrefixMapping();
        for (Inconsistency i : inconsistencies) err.println("inconsistency: " + i.summary(pm));
        err.println(inconsistencies.size() + " inconsistenc" + (inconsistencies.size() == 1 ? "y" : "ies")
                + " (run `explain` for the derivation of each)" + (allowInconsistencies ? "" : "; nothing was written."));
        return allowInconsistencies;
    }

    /** The closing line (the benchmark reads it), and the writing time on a line of its own. */
    private void finish(PrintWriter err, RunStats stats, long input, long inferred, double writing) {
        err.printf("input %,d triples; inferred %,d triples; %.1f s; peak heap %s%n",
                input, inferred, stats.seconds(), RunStats.mib(stats.peakHeap()));
        err.printf("of which writing %.1f s%n", writing);
        err.flush();
    }

    private Graph read(List<Path> files, RunStats stats) {
        Graph g = GraphFactory.createDefaultGraph();
        read(files, StreamRDFLib.graph(g));
        return g;
    }

    private void read(List<Path> files, StreamRDF sink) {
        for (Path f : files) {
            say("reading " + f);
            StreamRDF counting = new StreamRDFWrapper(sink) {
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
    }

    /** Jena's parsers report errors through a handler; this one stops at the first, keeping its position. */
    private static final org.apache.jena.riot.system.ErrorHandler FAIL_WITH_POSITION = new org.apache.jena.riot.system.ErrorHandler() {
        @Override public void warning(String message, long line, long col) {}
        @Override public void error(String message, long line, long col) { throw new RiotParseException(message, line, col); }
        @Override public void fatal(String message, long line, long col) { throw new RiotParseException(message, line, col); }
    };

    private void write(Consumer<StreamRDF> closure) throws Exception {
        Path target = out.toAbsolutePath();
        if (target.getParent() != null) Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16);
                 OutputStream os = target.toString().endsWith(".gz") ? fastGzip(raw) : raw) {
                StreamRDF w = new NTriplesOut(os);
                w.start();
                closure.accept(w);
                w.finish();
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Gzip at the fastest level: on LUBM(10)'s N-Triples the default level costs half as much CPU again
     * (gzip -6 against -1: 1.4 s against 0.9 s, for 6.5 MB against 8.9 MB); the closure is loaded once.
     */
    private static OutputStream fastGzip(OutputStream raw) throws java.io.IOException {
        return new GZIPOutputStream(raw, 1 << 16) {
            { def.setLevel(java.util.zip.Deflater.BEST_SPEED); }
        };
    }

    private void say(String s) {
        if (quiet) return;
        spec.commandLine().getErr().println(s);
        spec.commandLine().getErr().flush();
    }
}
