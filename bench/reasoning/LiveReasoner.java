// LUBM(1) through a live Jena reasoner (ja:InfModel) against the materialised OWL 2 RL closure.
//
// Run from the repository root (Java 17 source launcher, the project's shaded jar on the classpath):
//
//   java -Xmx4g -cp target/treaty-graph.jar bench/reasoning/LiveReasoner.java [options]
//
// Options:
//   --lubm DIR          LUBM directory (default ../shared/bench/lubm, beside the repository): univ-bench.owl, lubm1.nt.gz,
//                       queries/q1.rq..q14.rq, answers-lubm1/answers_queryN.csv.gz
//   --timeout S         per-query timeout in seconds (default 120)
//   --owl-timeout S     per-query timeout for the full OWL reasoner (default 60)
//   --prepare-timeout S timeout for preparing a live InfModel (default 600; full OWL: --owl-timeout)
//   --max-timeouts N    give up on a configuration after N consecutive timeouts (default 3)
//   --closure FILE      the closure .nt.gz written by `infer` on LUBM(1) (default: run `infer` now)
//   --configs A,B,...   which configurations (default: all of them, in the order below)
//   --out DIR           where to write results.csv and results.md (default target/bench/live-<time>)
//   --keep              keep the temporary TDB2 stores
//
// Configurations (each one runs in its own child JVM, started with this JVM's options):
//   live-micro-tdb2  fuseki-config/treaty-graph-infmodel.ttl as it is (OWLMicroFBRuleReasoner over a
//                    ja:UnionModel of the asserted and ontology named graphs of a TDB2 store), with
//                    tdb2:location pointed at a fresh store
//   live-micro-mem   the same InfModel (same reasoner, MultiUnion of the same two graphs) in memory
//   live-owl-tdb2    the assembler config with ja:reasonerURL set to OWLFBRuleReasoner (full OWL)
//   closure-tdb2     the closure in one named graph of a fresh TDB2 store, queried through the dataset
//                    assembled from fuseki-config/treaty-graph.ttl (tdb2:unionDefaultGraph true)
//   closure-tdb2-split  the same, but stored as the build stores it: asserted, ontology and inferred (closure
//                    minus the other two) in three named graphs, so the union default graph has work to do
//   closure-mem      the closure in an in-memory graph, no reasoner
//
// Timeouts: a Jena rule engine does not look at the query timeout or at Thread.interrupt() while it
// works, so neither QueryExecution timeouts nor abandoning a thread would really stop it (an abandoned
// thread keeps a core busy and keeps the InfGraph locked). Instead each configuration runs in a child
// JVM that reports the start and end of every step on stdout; the parent waits for each step with the
// timeout and, when it runs out, kills the child JVM (destroyForcibly), records the timeout and starts
// a fresh child at the next query (which has to prepare the InfModel again; that is not counted in the
// next query's time). Query time = from building the QueryExecution to having counted the last row,
// inside a read transaction, in a warm JVM (queries run in order 1..14, each once).
//
// See docs/reasoning-benchmark.md.

import java.io.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.*;
import java.util.concurrent.*;
import java.util.stream.*;
import java.util.zip.GZIPInputStream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.compose.MultiUnion;
import org.apache.jena.query.*;
import org.apache.jena.rdf.model.*;
import org.apache.jena.reasoner.InfGraph;
import org.apache.jena.reasoner.Reasoner;
import org.apache.jena.reasoner.ReasonerRegistry;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sys.JenaSystem;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2Factory;
import org.apache.jena.vocabulary.RDF;

public class LiveReasoner {

    static final String JA = "http://jena.hpl.hp.com/2005/11/Assembler#";
    static final String TDB2NS = "http://jena.apache.org/2016/tdb#";
    static final String G = "https://w3id.org/treaty-graph/graph/";
    static final String ASSERTED = G + "asserted", ONTOLOGY = G + "ontology", INFERRED = G + "inferred", CLOSURE = G + "closure";
    static final String MICRO = "http://jena.hpl.hp.com/2003/OWLMicroFBRuleReasoner";
    static final String OWLFULL = "http://jena.hpl.hp.com/2003/OWLFBRuleReasoner";
    static final int[] REFERENCE = {4, 0, 6, 34, 719, 7790, 67, 7790, 208, 4, 224, 15, 1, 5916};
    static final List<String> ALL_CONFIGS = List.of("live-micro-tdb2", "live-micro-mem", "live-owl-tdb2", "closure-tdb2",
            "closure-tdb2-split", "closure-mem");
    static final String MARK = "@@ ";

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = parse(args);
        if (opt.containsKey("child")) {
            child(opt);
        } else {
            parent(opt);
        }
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) throw new IllegalArgumentException("unexpected argument: " + a);
            String k = a.substring(2);
            if (k.equals("keep") || k.equals("help")) { m.put(k, "true"); continue; }
            if (i + 1 >= args.length) throw new IllegalArgumentException("missing value for " + a);
            m.put(k, args[++i]);
        }
        return m;
    }

    // ---------------------------------------------------------------- parent

    record Row(String config, String step, String status, long count, double seconds, String rows, String note, double otherCpu) {
        Row(String config, String step, String status, long count, double seconds, String rows, String note) {
            this(config, step, status, count, seconds, rows, note, Double.NaN);
        }
    }

    static final long HZ = 100;   // USER_HZ, the unit of /proc/stat and /proc/PID/stat on Linux

    /** CPU seconds the whole machine has been busy (user, nice, system, irq, softirq, steal), or NaN. */
    static double machineBusy() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i : new int[] {1, 2, 3, 6, 7, 8}) busy += Long.parseLong(f[i]);
            return busy / (double) HZ;
        } catch (Exception e) { return Double.NaN; }
    }

    /** Waits (up to 10 minutes) until less than 15% of the machine's CPU is busy, measured over a second. */
    static void waitQuiet() throws InterruptedException {
        int cores = Runtime.getRuntime().availableProcessors();
        long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        boolean said = false;
        while (System.nanoTime() < until) {
            double a = machineBusy();
            Thread.sleep(1000);
            double pct = 100 * (machineBusy() - a) / cores;
            if (Double.isNaN(pct) || pct < 15) return;
            if (!said) { log(String.format("  waiting for the machine to be idle (%.0f%% busy) ...", pct)); said = true; }
            Thread.sleep(4000);
        }
    }

    /** CPU seconds (user + system) used so far by a process, or NaN. */
    static double processCpu(long pid) {
        try {
            String st = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = st.substring(st.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / (double) HZ;   // utime, stime (fields 14, 15)
        } catch (Exception e) { return Double.NaN; }
    }

    static void parent(Map<String, String> opt) throws Exception {
        if (opt.containsKey("help")) {
            System.out.println("see the comment at the top of bench/reasoning/LiveReasoner.java");
            return;
        }
        Path lubm = Path.of(opt.getOrDefault("lubm", "../shared/bench/lubm"));
        int timeout = Integer.parseInt(opt.getOrDefault("timeout", "120"));
        int owlTimeout = Integer.parseInt(opt.getOrDefault("owl-timeout", "60"));
        int prepareTimeout = Integer.parseInt(opt.getOrDefault("prepare-timeout", "600"));
        int maxTimeouts = Integer.parseInt(opt.getOrDefault("max-timeouts", "3"));
        List<String> configs = opt.containsKey("configs") ? List.of(opt.get("configs").split(",")) : ALL_CONFIGS;
        for (String c : configs) if (!ALL_CONFIGS.contains(c)) throw new IllegalArgumentException("unknown configuration " + c);
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(Instant.now());
        Path out = Path.of(opt.getOrDefault("out", "target/bench/live-" + stamp));
        Files.createDirectories(out);
        Path work = Files.createTempDirectory("lubm-live-");
        log("work dir " + work + ", results in " + out);

        List<String> jvm = jvmCommand();
        try {
            // The closure, from the project's own `infer` (specialised rules), unless given.
            Path closure;
            if (opt.containsKey("closure")) {
                closure = Path.of(opt.get("closure"));
            } else {
                closure = work.resolve("lubm1-closure.nt.gz");
                List<String> cmd = new ArrayList<>(jvm.subList(0, jvm.size() - 1));
                cmd.addAll(List.of("org.treatygraph.cli.Main", "infer", "--ontology", lubm.resolve("univ-bench.owl").toString(),
                        "--data", lubm.resolve("lubm1.nt.gz").toString(), "--out", closure.toString(), "-q"));
                log("materialising the closure: " + String.join(" ", cmd));
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(work.resolve("infer.log").toFile()).start();
                if (p.waitFor() != 0) throw new IllegalStateException("infer failed; see " + work.resolve("infer.log"));
                log("  " + lastLine(work.resolve("infer.log")));
            }

            // Load the TDB2 stores once (in a child, so no TDB2 lock stays with this JVM).
            Path liveStore = work.resolve("tdb2-live"), closureStore = work.resolve("tdb2-closure"), splitStore = work.resolve("tdb2-split");
            boolean needLive = configs.stream().anyMatch(c -> c.endsWith("-tdb2") && c.startsWith("live"));
            boolean needClosure = configs.contains("closure-tdb2"), needSplit = configs.contains("closure-tdb2-split");
            List<Row> rows = new ArrayList<>();
            if (needLive || needClosure || needSplit) {
                Map<String, String> a = new LinkedHashMap<>();
                a.put("child", "load");
                a.put("lubm", lubm.toString());
                a.put("closure", closure.toString());
                if (needLive) a.put("live-store", liveStore.toString());
                if (needClosure) a.put("closure-store", closureStore.toString());
                if (needSplit) a.put("split-store", splitStore.toString());
                ChildRun r = runChild(jvm, a, work, "load", 1800, 1800, 1);
                rows.addAll(r.rows);
            }

            for (String config : configs) {
                int qTimeout = config.equals("live-owl-tdb2") ? owlTimeout : timeout;
                int pTimeout = config.equals("live-owl-tdb2") ? owlTimeout : prepareTimeout;
                log("configuration " + config + " (query timeout " + qTimeout + " s)");
                int from = 1, consecutive = 0;
                while (from <= 14) {
                    Map<String, String> a = new LinkedHashMap<>();
                    a.put("child", config);
                    a.put("lubm", lubm.toString());
                    a.put("closure", closure.toString());
                    a.put("live-store", liveStore.toString());
                    a.put("closure-store", closureStore.toString());
                    a.put("split-store", splitStore.toString());
                    a.put("from", Integer.toString(from));
                    ChildRun r = runChild(jvm, a, work, config, pTimeout, qTimeout, from);
                    rows.addAll(r.rows);
                    if (r.finished) break;
                    if (r.failedStep == null) break;
                    if (!r.failedStep.startsWith("q")) {
                        // Setup or prepare did not finish: the queries cannot be asked.
                        for (int q = from; q <= 14; q++)
                            rows.add(new Row(config, "q" + q, "not run", -1, Double.NaN, "", r.failedStep + " did not finish"));
                        break;
                    }
                    int failed = Integer.parseInt(r.failedStep.substring(1));
                    consecutive = r.consecutiveTimeouts(consecutive);
                    from = failed + 1;
                    if (consecutive >= maxTimeouts && from <= 14) {
                        for (int q = from; q <= 14; q++)
                            rows.add(new Row(config, "q" + q, "not run", -1, Double.NaN, "",
                                    "skipped after " + consecutive + " consecutive timeouts"));
                        break;
                    }
                }
            }
            report(rows, configs, out, timeout, owlTimeout);
        } finally {
            if (opt.containsKey("keep")) log("kept " + work);
            else deleteTree(work);
        }
    }

    static final class ChildRun {
        final List<Row> rows = new ArrayList<>();
        boolean finished;
        String failedStep;
        int timeoutsInRun;      // consecutive timeouts at the end of this run's query sequence
        boolean answeredAny;
        int consecutiveTimeouts(int before) { return answeredAny ? timeoutsInRun : before + timeoutsInRun; }
    }

    /** Starts a child JVM and follows its steps, killing it when a step exceeds its timeout. */
    static ChildRun runChild(List<String> jvm, Map<String, String> args, Path work, String config,
                             int prepareTimeout, int queryTimeout, int from) throws Exception {
        waitQuiet();
        List<String> cmd = new ArrayList<>(jvm);
        args.forEach((k, v) -> { cmd.add("--" + k); cmd.add(v); });
        Path errLog = work.resolve(config + "-from" + from + ".log");
        Process p = new ProcessBuilder(cmd).redirectError(errLog.toFile()).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader br = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l; (l = br.readLine()) != null; ) if (l.startsWith(MARK)) lines.add(l.substring(MARK.length()));
            } catch (IOException ignored) {
            } finally {
                lines.add("EOF");
            }
        });
        reader.setDaemon(true);
        reader.start();

        ChildRun run = new ChildRun();
        String step = "start";
        long stepStart = System.nanoTime();
        long self = ProcessHandle.current().pid();
        double busy0 = machineBusy(), own0 = processCpu(p.pid()) + processCpu(self);
        int limit = 1800;   // JVM start, compiling this file, setup (reading, assembling)
        try {
            while (true) {
                long left = TimeUnit.SECONDS.toNanos(limit) - (System.nanoTime() - stepStart);
                String l = left > 0 ? lines.poll(left, TimeUnit.NANOSECONDS) : null;
                if (l == null) {
                    double s = (System.nanoTime() - stepStart) / 1e9;
                    log(String.format("  %-8s TIMEOUT after %.0f s: killing the child JVM (pid %d)", step, s, p.pid()));
                    p.destroyForcibly();
                    p.waitFor(60, TimeUnit.SECONDS);
                    run.rows.add(new Row(config, step, "timeout", -1, s, "", "> " + limit + " s"));
                    run.failedStep = step;
                    if (step.startsWith("q")) run.timeoutsInRun++;
                    return run;
                }
                if (l.equals("EOF")) {
                    int rc = p.waitFor();
                    if (rc != 0 || !run.finished) {
                        log("  child " + config + " ended (exit " + rc + ") during " + step + "; see " + errLog);
                        System.err.println(tail(errLog, 15));
                        run.rows.add(new Row(config, step, "error", -1, Double.NaN, "", "child exited " + rc + ": " + firstException(errLog)));
                        run.failedStep = step;
                    }
                    return run;
                }
                String[] f = l.split("\t", -1);
                switch (f[0]) {
                    case "START" -> {
                        step = f[1];
                        stepStart = System.nanoTime();
                        busy0 = machineBusy();
                        own0 = processCpu(p.pid()) + processCpu(self);
                        limit = step.startsWith("q") ? queryTimeout : step.equals("prepare") ? prepareTimeout : 1800;
                    }
                    case "DONE" -> {
                        // DONE step count seconds rows-check status note
                        // CPU time other processes used during the step: the machine's busy time minus this JVM's and
                        // the child's. Other work on a 2-core machine distorts the timings; it is reported, not hidden.
                        double other = Math.max(0, machineBusy() - busy0 - (processCpu(p.pid()) + processCpu(self) - own0));
                        Row r = new Row(config, f[1], f[5], Long.parseLong(f[2]), Double.parseDouble(f[3]), f[4], f.length > 6 ? f[6] : "", other);
                        run.rows.add(r);
                        if (f[1].startsWith("q")) { run.timeoutsInRun = 0; run.answeredAny = true; }
                        log(String.format("  %-8s %-10s %8s  %8.2f s  %-9s others' CPU %5.1f s  %s", f[1], f[5], r.count < 0 ? "" : Long.toString(r.count),
                                r.seconds, f[4], other, r.note));
                        step = "between steps";
                        stepStart = System.nanoTime();
                        limit = 1800;
                    }
                    case "FINISHED" -> run.finished = true;
                    default -> log("  ? " + l);
                }
            }
        } finally {
            if (p.isAlive()) { p.destroyForcibly(); p.waitFor(60, TimeUnit.SECONDS); }
        }
    }

    /** This JVM's own command line (java, its options, this source file), to start children with. */
    static List<String> jvmCommand() {
        ProcessHandle.Info info = ProcessHandle.current().info();
        String java = info.command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> args = new ArrayList<>(List.of(info.arguments().orElse(new String[0])));
        int src = -1;
        for (int i = 0; i < args.size(); i++) if (args.get(i).endsWith("LiveReasoner.java")) { src = i; break; }
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        if (src >= 0) {
            cmd.addAll(args.subList(0, src));
            cmd.add(args.get(src));
        } else {
            cmd.addAll(List.of("-Xmx4g", "-cp", System.getProperty("java.class.path"), "bench/reasoning/LiveReasoner.java"));
        }
        return cmd;
    }

    static void report(List<Row> rows, List<String> configs, Path out, int timeout, int owlTimeout) throws IOException {
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out.resolve("results.csv")))) {
            w.println("config,step,status,count,reference,seconds,rows_vs_reference,other_cpu_s,note");
            for (Row r : rows) {
                String ref = r.step.startsWith("q") ? Integer.toString(REFERENCE[Integer.parseInt(r.step.substring(1)) - 1]) : "";
                w.printf(Locale.ROOT, "%s,%s,%s,%s,%s,%s,%s,%s,\"%s\"%n", r.config, r.step, r.status, r.count < 0 ? "" : r.count, ref,
                        Double.isNaN(r.seconds) ? "" : String.format(Locale.ROOT, "%.3f", r.seconds), r.rows,
                        Double.isNaN(r.otherCpu) ? "" : String.format(Locale.ROOT, "%.1f", r.otherCpu), r.note.replace("\"", "'"));
            }
        }
        StringBuilder md = new StringBuilder();
        md.append("Answers (count; ✓ = same rows as the reference answers, ✗ = different) and seconds per query; ")
          .append("timeout ").append(timeout).append(" s (full OWL: ").append(owlTimeout).append(" s).\n\n");
        md.append("| query | reference |");
        for (String c : configs) md.append(' ').append(c).append(" |");
        md.append("\n|---|---:|");
        for (String c : configs) md.append("---|");
        md.append('\n');
        List<String> steps = new ArrayList<>(List.of("setup", "prepare"));
        for (int q = 1; q <= 14; q++) steps.add("q" + q);
        Map<String, Double> totals = new HashMap<>();
        Map<String, Integer> complete = new HashMap<>();
        List<String> notes = new ArrayList<>();
        for (String step : steps) {
            boolean q = step.startsWith("q");
            StringBuilder line = new StringBuilder("| " + step + " | " + (q ? REFERENCE[Integer.parseInt(step.substring(1)) - 1] : "") + " |");
            boolean any = false;
            for (String c : configs) {
                Row r = null;
                for (Row x : rows) if (x.config.equals(c) && x.step.equals(step)) { r = x; break; }  // first run of a step
                if (r == null) { line.append(" |"); continue; }
                any = true;
                String cell;
                switch (r.status) {
                    case "ok" -> {
                        if (q) {
                            int ref = REFERENCE[Integer.parseInt(step.substring(1)) - 1];
                            String mark = r.rows.equals("same") ? " ✓" : r.rows.isEmpty() ? "" : " ✗";
                            if (r.rows.equals("same")) complete.merge(c, 1, Integer::sum);
                            boolean disturbed = r.otherCpu > 1 && r.otherCpu > 0.1 * r.seconds * Runtime.getRuntime().availableProcessors();
                            cell = (r.count == ref ? "" : "**") + r.count + (r.count == ref ? "" : "**") + mark + String.format(Locale.ROOT, ", %.2f s", r.seconds)
                                    + (disturbed ? String.format(Locale.ROOT, " (others used %.0f s CPU)", r.otherCpu) : "");
                            totals.merge(c, r.seconds, Double::sum);
                        } else {
                            cell = String.format(Locale.ROOT, "%.2f s", r.seconds);
                            if (!r.note.isEmpty()) notes.add(c + " " + step + ": " + r.note);
                        }
                    }
                    case "timeout" -> cell = "timeout (" + r.note + ")";
                    default -> cell = r.status + (r.note.isEmpty() ? "" : " (" + r.note + ")");
                }
                line.append(' ').append(cell).append(" |");
            }
            if (any) md.append(line).append('\n');
        }
        md.append("| answered completely | 14 |");
        for (String c : configs) md.append(' ').append(complete.getOrDefault(c, 0)).append(" of 14 |");
        md.append("\n| sum of answered query times | |");
        for (String c : configs) md.append(String.format(Locale.ROOT, " %.2f s |", totals.getOrDefault(c, 0.0)));
        md.append('\n');
        for (Row r : rows) if (r.step.startsWith("load")) notes.add(0, r.step + ": " + String.format(Locale.ROOT, "%.2f s, ", r.seconds) + r.note);
        if (!notes.isEmpty()) md.append('\n');
        for (String n : notes) md.append("- ").append(n).append('\n');
        Files.writeString(out.resolve("results.md"), md.toString());
        System.out.println();
        System.out.print(md);
        System.out.println();
        System.out.println("raw results: " + out.resolve("results.csv"));
    }

    // ---------------------------------------------------------------- child

    static void child(Map<String, String> opt) throws Exception {
        JenaSystem.init();
        String mode = opt.get("child");
        Path lubm = Path.of(opt.get("lubm"));
        if (mode.equals("load")) { load(opt, lubm); return; }
        int from = Integer.parseInt(opt.getOrDefault("from", "1"));

        start("setup");
        long t0 = System.nanoTime();
        Dataset ds;
        InfGraph inf = null;
        List<Dataset> txns = new ArrayList<>();   // datasets to open a read transaction on, besides ds
        String note;
        switch (mode) {
            case "live-micro-tdb2", "live-owl-tdb2" -> {
                Model config = readConfig("fuseki-config/treaty-graph-infmodel.ttl");
                pointAt(config, opt.get("live-store"));
                if (mode.equals("live-owl-tdb2")) {
                    Property url = config.createProperty(JA, "reasonerURL");
                    List<Statement> st = config.listStatements(null, url, (RDFNode) null).toList();
                    for (Statement s : st) { config.remove(s); config.add(s.getSubject(), url, config.createResource(OWLFULL)); }
                }
                Resource r = single(config, config.createResource(JA + "RDFDataset"));
                ds = assemble(r);
                Graph g = ds.asDatasetGraph().getDefaultGraph();
                if (!(g instanceof InfGraph)) throw new IllegalStateException("default graph is not an InfGraph: " + g.getClass());
                inf = (InfGraph) g;
                // The assembled dataset says it supports transactions and begin() succeeds, but the transaction does
                // not reach the TDB2 graphs under the ja:UnionModel (its MultiUnion has an in-memory base graph, so its
                // transaction handler is a no-op): any read then fails with "Not in a transaction". The harness
                // therefore also opens a read transaction on the TDB2 store itself (:store, the same database by
                // location) around each step. (Adding `ja:rootModel :asserted` to the union also fixes it.)
                Dataset store = assemble(single(config, config.createResource(TDB2NS + "DatasetTDB2")));
                txns.add(store);
                note = "assembled " + r.getLocalName() + " from fuseki-config/treaty-graph-infmodel.ttl; reasoner "
                        + inf.getReasoner().getClass().getSimpleName() + "; read txn also opened on the TDB2 store (see the source)";
            }
            case "live-micro-mem" -> {
                Model data = ModelFactory.createDefaultModel(), onto = ModelFactory.createDefaultModel();
                RDFDataMgr.read(data, lubm.resolve("lubm1.nt.gz").toString());
                RDFDataMgr.read(onto, lubm.resolve("univ-bench.owl").toString());
                Graph union = new MultiUnion(new Graph[] {data.getGraph(), onto.getGraph()});
                Reasoner reasoner = ReasonerRegistry.getOWLMicroReasoner();
                InfModel im = ModelFactory.createInfModel(reasoner, ModelFactory.createModelForGraph(union));
                inf = (InfGraph) im.getGraph();
                ds = DatasetFactory.wrap(im);
                note = "in memory: " + data.size() + " + " + onto.size() + " triples";
            }
            case "closure-tdb2", "closure-tdb2-split" -> {
                Model config = readConfig("fuseki-config/treaty-graph.ttl");
                pointAt(config, opt.get(mode.equals("closure-tdb2") ? "closure-store" : "split-store"));
                Resource r = single(config, config.createResource(TDB2NS + "DatasetTDB2"));
                ds = assemble(r);
                String sizes = Txn.calculateRead(ds, () -> {
                    StringBuilder b = new StringBuilder();
                    ds.listNames().forEachRemaining(n -> b.append(b.length() == 0 ? "" : ", ").append(n.substring(n.lastIndexOf('/') + 1))
                            .append(' ').append(ds.getNamedModel(n).size()));
                    // tdb2:unionDefaultGraph applies to SPARQL (ds.getDefaultModel() stays the real, empty default graph).
                    try (QueryExecution qe = QueryExecution.create().query("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }").dataset(ds).build()) {
                        return b + "; SPARQL default graph (union) " + qe.execSelect().next().getLiteral("n").getLong();
                    }
                });
                note = "assembled " + r.getLocalName() + " from fuseki-config/treaty-graph.ttl; " + sizes;
            }
            case "closure-mem" -> {
                Model m = ModelFactory.createDefaultModel();
                RDFDataMgr.read(m, opt.get("closure"));
                ds = DatasetFactory.wrap(m);
                note = "in memory: " + m.size() + " triples";
            }
            default -> throw new IllegalArgumentException("unknown configuration " + mode);
        }
        txns.add(ds);
        done("setup", -1, secs(t0), "", "ok", note);

        if (inf != null) {
            start("prepare");
            long t1 = System.nanoTime();
            final InfGraph ig = inf;
            inTxn(txns, () -> { ig.prepare(); return null; });
            done("prepare", -1, secs(t1), "", "ok", "");
        }

        for (int q = from; q <= 14; q++) {
            Query query = QueryFactory.read(lubm.resolve("queries/q" + q + ".rq").toString());
            Set<String> reference = referenceRows(lubm, q);
            start("q" + q);
            long t = System.nanoTime();
            List<String> got = inTxn(txns, () -> {
                List<String> rs = new ArrayList<>();
                try (QueryExecution qe = QueryExecution.create().query(query).dataset(ds).build()) {
                    ResultSet res = qe.execSelect();
                    List<String> vars = res.getResultVars();
                    while (res.hasNext()) {
                        QuerySolution s = res.next();
                        rs.add(vars.stream().map(v -> text(s.get(v))).collect(Collectors.joining(",")));
                    }
                }
                return rs;
            });
            double s = secs(t);
            String check = reference == null ? "" : new HashSet<>(got).equals(reference) && got.size() == reference.size() ? "same" : "different";
            done("q" + q, got.size(), s, check, "ok", "");
        }
        System.out.println(MARK + "FINISHED");
        System.out.flush();
        System.exit(0);   // do not wait for anything the reasoner may have left behind
    }

    /** Loads the stores the TDB2 configurations open. */
    static void load(Map<String, String> opt, Path lubm) {
        if (opt.containsKey("live-store")) {
            start("load-live");
            long t = System.nanoTime();
            Dataset ds = TDB2Factory.connectDataset(opt.get("live-store"));
            long[] n = new long[2];
            Txn.executeWrite(ds, () -> {
                n[0] = read(ds, ASSERTED, lubm.resolve("lubm1.nt.gz").toString());
                n[1] = read(ds, ONTOLOGY, lubm.resolve("univ-bench.owl").toString());
            });
            done("load-live", -1, secs(t), "", "ok", "TDB2: asserted " + n[0] + " + ontology " + n[1] + " triples");
        }
        if (opt.containsKey("closure-store")) {
            start("load-closure");
            long t = System.nanoTime();
            Dataset ds = TDB2Factory.connectDataset(opt.get("closure-store"));
            long[] n = new long[1];
            Txn.executeWrite(ds, () -> n[0] = read(ds, CLOSURE, opt.get("closure")));
            done("load-closure", -1, secs(t), "", "ok", "TDB2: closure " + n[0] + " triples in <" + CLOSURE + ">");
        }
        if (opt.containsKey("split-store")) {
            start("load-split");
            long t = System.nanoTime();
            Model data = RDFDataMgr.loadModel(lubm.resolve("lubm1.nt.gz").toString());
            Model onto = RDFDataMgr.loadModel(lubm.resolve("univ-bench.owl").toString());
            Model closure = RDFDataMgr.loadModel(opt.get("closure"));
            Model inferred = closure.difference(data).difference(onto);
            Dataset ds = TDB2Factory.connectDataset(opt.get("split-store"));
            Txn.executeWrite(ds, () -> {
                ds.getNamedModel(ASSERTED).add(data);
                ds.getNamedModel(ONTOLOGY).add(onto);
                ds.getNamedModel(INFERRED).add(inferred);
            });
            done("load-split", -1, secs(t), "", "ok", "TDB2: asserted " + data.size() + ", ontology " + onto.size()
                    + ", inferred " + inferred.size() + " triples");
        }
        System.out.println(MARK + "FINISHED");
        System.out.flush();
        System.exit(0);
    }

    static long read(Dataset ds, String graph, String file) {
        Node g = NodeFactory.createURI(graph);
        DatasetGraph dsg = ds.asDatasetGraph();
        RDFParser.source(file).parse(StreamRDFLib.extendTriplesToQuads(g, StreamRDFLib.dataset(dsg)));
        return dsg.getGraph(g).size();
    }

    static <T> T inTxn(List<Dataset> dss, Callable<T> body) throws Exception {
        List<Dataset> begun = new ArrayList<>();
        try {
            for (Dataset d : dss) if (d.supportsTransactions()) { d.begin(TxnType.READ); begun.add(d); }
            return body.call();
        } finally {
            for (int i = begun.size() - 1; i >= 0; i--) begun.get(i).end();
        }
    }

    /** Reads an assembler file as Fuseki does: AssemblerUtils.readAssemblerFile adds the registered types' subclass
     *  links (tdb2:GraphTDB2 rdfs:subClassOf ja:Model, ...). With a plain RDFDataMgr.loadModel the assembler fails on
     *  :asserted with AmbiguousSpecificTypeException (tdb2:GraphTDB2 or ja:Model). */
    static Model readConfig(String file) {
        return org.apache.jena.sparql.core.assembler.AssemblerUtils.readAssemblerFile(file);
    }

    /** Assembles a dataset description. (In Jena 5.6, DatasetFactory.assemble(model, resource) fails on these configs
     *  with NoSpecificTypeException; the general assembler opens them.) */
    static Dataset assemble(Resource r) {
        Object o = org.apache.jena.assembler.Assembler.general().open(r);
        if (o instanceof Dataset d) return d;
        if (o instanceof DatasetGraph dsg) return DatasetFactory.wrap(dsg);
        throw new IllegalStateException(r + " assembled to " + o.getClass());
    }

    /** Points every tdb2:location in an assembler config at dir. */
    static void pointAt(Model config, String dir) {
        Property loc = config.createProperty(TDB2NS, "location");
        List<Statement> st = config.listStatements(null, loc, (RDFNode) null).toList();
        if (st.isEmpty()) throw new IllegalStateException("no tdb2:location in the config");
        for (Statement s : st) { config.remove(s); config.add(s.getSubject(), loc, Path.of(dir).toAbsolutePath().toString()); }
    }

    static Resource single(Model m, Resource type) {
        List<Resource> rs = m.listResourcesWithProperty(RDF.type, type).toList();
        if (rs.size() != 1) throw new IllegalStateException("expected one " + type + ", found " + rs);
        return rs.get(0);
    }

    static String text(RDFNode n) {
        if (n == null) return "";
        if (n.isURIResource()) return n.asResource().getURI();
        if (n.isLiteral()) return n.asLiteral().getLexicalForm();
        return "_:" + n.asResource().getId();
    }

    /** The reference rows of query q (one header line, then CSV rows), or null if the file is missing. */
    static Set<String> referenceRows(Path lubm, int q) throws IOException {
        Path f = lubm.resolve("answers-lubm1/answers_query" + q + ".csv.gz");
        if (!Files.exists(f)) return null;
        Set<String> rows = new HashSet<>();
        try (BufferedReader br = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(f)), StandardCharsets.UTF_8))) {
            br.readLine();
            for (String l; (l = br.readLine()) != null; ) if (!l.isEmpty()) rows.add(String.join(",", csvFields(l)));
        }
        return rows;
    }

    static List<String> csvFields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') { cur.append('"'); i++; }
                else if (c == '"') quoted = false;
                else cur.append(c);
            } else if (c == '"') quoted = true;
            else if (c == ',') { out.add(cur.toString()); cur.setLength(0); }
            else cur.append(c);
        }
        out.add(cur.toString());
        return out;
    }

    static void start(String step) {
        System.out.println(MARK + "START\t" + step);
        System.out.flush();
    }

    static void done(String step, long count, double seconds, String check, String status, String note) {
        System.out.println(MARK + "DONE\t" + step + "\t" + count + "\t" + String.format(Locale.ROOT, "%.4f", seconds) + "\t" + check + "\t" + status + "\t" + note.replace('\t', ' '));
        System.out.flush();
    }

    // ---------------------------------------------------------------- helpers

    static double secs(long t0) { return (System.nanoTime() - t0) / 1e9; }

    static void log(String s) { System.err.println(s); System.err.flush(); }

    static String lastLine(Path f) {
        try {
            List<String> ls = Files.readAllLines(f);
            for (int i = ls.size() - 1; i >= 0; i--) if (!ls.get(i).isBlank()) return ls.get(i).trim();
        } catch (IOException ignored) { }
        return "";
    }

    static String firstException(Path f) {
        try {
            for (String l : Files.readAllLines(f)) if (l.matches(".*(Exception|Error)\\b.*") && !l.trim().startsWith("at ")) return l.trim();
        } catch (IOException ignored) { }
        return lastLine(f);
    }

    static String tail(Path f, int n) {
        try {
            List<String> ls = Files.readAllLines(f);
            return String.join("\n", ls.subList(Math.max(0, ls.size() - n), ls.size()));
        } catch (IOException e) { return ""; }
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) return;
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(x);
        }
    }
}
