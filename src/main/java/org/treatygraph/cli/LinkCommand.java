package org.treatygraph.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.jena.query.Dataset;
import org.treatygraph.convert.GraphBuilder;
import org.treatygraph.convert.TreatyGraph;
import org.treatygraph.core.Progress;
import org.treatygraph.link.Candidate;
import org.treatygraph.link.Candidates;
import org.treatygraph.link.EntityIndex;
import org.treatygraph.link.LeaveOneOut;
import org.treatygraph.link.Profiles;
import org.treatygraph.link.WikidataApi;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "link", mixinStandardHelpOptions = true,
        description = "Finds Wikidata candidates for the graph's agreements, polities, persons and territories that have no link, "
                + "scores them, and writes a review file; with --accept-above, also records the candidates scoring above a threshold; "
                + "with --evaluate, measures itself on the recorded links.")
final class LinkCommand implements Callable<Integer> {
    @Mixin ProjectOption project;
    @Spec CommandSpec spec;

    @Option(names = "--api", defaultValue = "https://www.wikidata.org/w/api.php", description = "The Wikidata API (default: ${DEFAULT-VALUE}).")
    String api;

    @Option(names = "--cache", paramLabel = "DIR", defaultValue = "data/wikidata/cache", description = "Where API responses are kept (default: ${DEFAULT-VALUE}).")
    Path cache;

    @Option(names = "--review", paramLabel = "FILE", defaultValue = "data/wikidata/review.yaml", description = "The ranked candidates (default: ${DEFAULT-VALUE}).")
    Path review;

    @Option(names = "--accept-above", paramLabel = "SCORE", description = "Also record the best candidate of each entity scoring above SCORE (0–100) as a checked link (how: accepted-candidate) in the links file.")
    Double acceptAbove;

    @Option(names = "--links", paramLabel = "FILE", defaultValue = "data/wikidata/links.yaml", description = "The checked links the build reads (default: ${DEFAULT-VALUE}).")
    Path links;

    @Option(names = "--only", paramLabel = "ID", description = "Only these entities (repeat), e.g. agreement/treaty-of-kars-1921.")
    List<String> only;

    @Option(names = "--evaluate", description = "Leave-one-out over the recorded links: search for every linked entity as if it had no link, "
            + "and report where its recorded item ranks, and precision and recall by threshold.")
    boolean evaluate;

    @Option(names = "--report", paramLabel = "FILE", description = "With --evaluate: also write the report (Markdown) to FILE.")
    Path report;

    @Option(names = "--max-wait", defaultValue = "120", description = "Longest wait (seconds) a rate limit may ask for before giving up (default: ${DEFAULT-VALUE}).")
    int maxWait;

    private static List<String> concat(Set<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    @Override
    public Integer call() throws Exception {
        var p = project.project();
        Progress progress = new Progress(spec.commandLine().getErr());
        TreatyGraph graph = new GraphBuilder(p, Progress.SILENT).build();
        Dataset ds = graph.queryDataset();
        EntityIndex index = EntityIndex.load(ds);
        Profiles profiles = Profiles.load(ds, index);
        Candidates candidates = new Candidates(new WikidataApi(api, abs(p.root(), cache), maxWait * 1000L));
        List<String> ids = only != null ? only : index.ids();
        for (String id : ids) {
            if (index.get(id) == null) {
                spec.commandLine().getErr().println("error: no entity " + id);
                return 2;
            }
        }
        if (evaluate) {
            LeaveOneOut.Sets sets = LeaveOneOut.Sets.NONE;
            Path evaluation = p.root().resolve("data/wikidata/evaluation.yaml");
            if (Files.exists(evaluation)) {
                JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(evaluation.toFile());
                Set<String> heldBack = new LinkedHashSet<>();
                root.path("heldBack").forEach(n -> heldBack.add(n.asText()));
                List<String> negatives = new ArrayList<>();
                root.path("negatives").forEach(n -> negatives.add(n.path("entity").asText()));
                for (String id : concat(heldBack, negatives)) {
                    if (index.get(id) == null) {
                        spec.commandLine().getErr().println("error: data/wikidata/evaluation.yaml: no entity " + id);
                        return 2;
                    }
                }
                for (String id : negatives) {
                    if (index.get(id).values().containsKey("exactMatch")) {
                        spec.commandLine().getErr().println("error: data/wikidata/evaluation.yaml: " + id + " is a negative case (it must get no link) but data/wikidata/links.yaml links it");
                        return 2;
                    }
                }
                sets = new LeaveOneOut.Sets(heldBack, only != null ? negatives.stream().filter(only::contains).toList() : negatives);
            }
            String md = LeaveOneOut.run(index, profiles, candidates, ids, sets, api, progress).markdown();
            spec.commandLine().getOut().print(md);
            spec.commandLine().getOut().flush();
            if (report != null) Files.writeString(abs(p.root(), report), md, StandardCharsets.UTF_8);
            return 0;
        }
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        ObjectNode out = yaml.createObjectNode();
        out.put("generated", LocalDate.now().toString()).put("api", api)
                .put("note", "Candidates for review. A link goes into the graph only from " + links + ", with how it was checked.");
        ArrayNode entities = out.putArray("entities");
        Path linksFile = abs(p.root(), links);
        int done = 0, acceptedCount = 0;
        for (String id : ids) {
            EntityIndex.Entry e = index.get(id);
            if (e.values().containsKey("exactMatch")) continue;
            List<Candidate> found = candidates.find(profiles.wanted(id), 5);
            ObjectNode entry = entities.addObject().put("id", id).put("label", e.label());
            ArrayNode list = entry.putArray("candidates");
            for (Candidate c : found) {
                ObjectNode n = list.addObject().put("qid", c.qid()).put("label", c.label()).put("description", c.description())
                        .put("score", c.score()).put("name", c.nameScore());
                if (c.typeScore() != null) n.put("type", c.typeScore());
                if (c.dateScore() != null) n.put("date", c.dateScore());
                if (c.contextScore() != null) n.put("context", c.contextScore());
                if (c.foundVia() != null) n.put("foundVia", c.foundVia());
            }
            if (acceptAbove != null && Candidates.onlyAPersonDecides(e) != null) entry.put("accept", Candidates.onlyAPersonDecides(e));
            else if (acceptAbove != null && !found.isEmpty() && found.get(0).score() > acceptAbove) {
                Candidate c = found.get(0);
                ObjectNode link = yaml.createObjectNode().put("entity", id).put("qid", c.qid()).put("how", "accepted-candidate")
                        .put("acceptedBy", "link --accept-above " + acceptAbove + " against " + api).put("score", c.score())
                        .put("itemLabel", c.label()).put("review", review.toString()).put("checked", LocalDate.now().toString());
                // One more item of the file's 'links:' list, indented under it; the file's own text and comments stay as they are.
                String accepted = LINK_WRITER.writeValueAsString(List.of(link)).indent(2);
                // Recorded at once: a run interrupted later (network, rate limit) keeps every link it accepted.
                String before = Files.exists(linksFile) ? Files.readString(linksFile, StandardCharsets.UTF_8) : "links:\n";
                writeAtomically(linksFile, (before.endsWith("\n") ? before : before + "\n") + accepted);
                acceptedCount++;
            }
            writeAtomically(abs(p.root(), review), yaml.writeValueAsString(out));   // after every entity: an interrupted run keeps what it found
            if (++done % 10 == 0) progress.step(done + " of " + ids.size() + " entities");
        }
        spec.commandLine().getOut().println(done + " entities, candidates in " + review + (acceptAbove == null ? "" : "; " + acceptedCount + " accepted into " + links));
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** Writes a link as links.yaml has them: no document marker, plain scalars where YAML allows. */
    private static final ObjectMapper LINK_WRITER = new ObjectMapper(YAMLFactory.builder()
            .disable(com.fasterxml.jackson.dataformat.yaml.YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(com.fasterxml.jackson.dataformat.yaml.YAMLGenerator.Feature.MINIMIZE_QUOTES).build());

    private static Path abs(Path root, Path p) {
        return p.isAbsolute() ? p : root.resolve(p);
    }

    private static void writeAtomically(Path file, String content) throws Exception {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName(), ".tmp");
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
