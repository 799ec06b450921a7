package org.treatygraph.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.query.Dataset;
import org.treatygraph.convert.GraphBuilder;
import org.treatygraph.convert.Progress;
import org.treatygraph.convert.TreatyGraph;
import org.treatygraph.link.Candidates;
import org.treatygraph.link.EntityIndex;
import org.treatygraph.link.WikidataApi;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "link", mixinStandardHelpOptions = true,
        description = "Finds Wikidata candidates for the graph's agreements, polities, persons and territories that have no link, "
                + "scores them, and writes a review file; with --accept-above, also the candidates scoring above a threshold.")
final class LinkCommand implements Callable<Integer> {
    @Mixin ProjectOption project;
    @Spec CommandSpec spec;

    @Option(names = "--api", defaultValue = "https://www.wikidata.org/w/api.php", description = "The Wikidata API (default: ${DEFAULT-VALUE}).")
    String api;

    @Option(names = "--cache", paramLabel = "DIR", defaultValue = "data/wikidata/cache", description = "Where API responses are kept (default: ${DEFAULT-VALUE}).")
    Path cache;

    @Option(names = "--review", paramLabel = "FILE", defaultValue = "data/wikidata/review.yaml", description = "The ranked candidates (default: ${DEFAULT-VALUE}).")
    Path review;

    @Option(names = "--accept-above", paramLabel = "SCORE", description = "Also write the best candidate of each entity scoring above SCORE (0–100) to the accepted file.")
    Double acceptAbove;

    @Option(names = "--accepted", paramLabel = "FILE", defaultValue = "data/wikidata/accepted.yaml", description = "Where accepted links go (default: ${DEFAULT-VALUE}).")
    Path accepted;

    @Option(names = "--only", paramLabel = "ID", description = "Only these entities (repeat), e.g. agreement/treaty-of-kars-1921.")
    List<String> only;

    @Option(names = "--max-wait", defaultValue = "120", description = "Longest wait (seconds) a rate limit may ask for before giving up (default: ${DEFAULT-VALUE}).")
    int maxWait;

    private static final Pattern YEAR = Pattern.compile("\\b(1[89]\\d\\d)\\b");

    @Override
    public Integer call() throws Exception {
        var p = project.project();
        Progress progress = new Progress(spec.commandLine().getErr());
        TreatyGraph graph = new GraphBuilder(p, Progress.SILENT).build();
        Dataset ds = graph.queryDataset();
        EntityIndex index = EntityIndex.load(ds);
        WikidataApi wikidata = new WikidataApi(api, abs(p.root(), cache), maxWait * 1000L);
        Candidates candidates = new Candidates(wikidata);
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        ObjectNode out = yaml.createObjectNode();
        out.put("generated", LocalDate.now().toString()).put("api", api)
                .put("note", "Candidates for review. A link goes into the graph only after a person checked it (or --accept-above chose it), with how it was checked.");
        ArrayNode entities = out.putArray("entities");
        ArrayNode acceptedLinks = yaml.createArrayNode();
        List<String> ids = only != null ? only : index.ids();
        int done = 0;
        for (String id : ids) {
            EntityIndex.Entry e = index.get(id);
            if (e == null) {
                spec.commandLine().getErr().println("error: no entity " + id);
                return 2;
            }
            if (e.values().containsKey("exactMatch")) continue;
            Set<Integer> years = new TreeSet<>();
            for (String v : e.values().getOrDefault("signingDate", List.of())) {
                Matcher m = YEAR.matcher(v);
                while (m.find()) years.add(Integer.parseInt(m.group(1)));
            }
            List<Candidates.Candidate> found = candidates.find(e.names(), years, 5);
            ObjectNode entry = entities.addObject().put("id", id).put("label", e.label());
            ArrayNode list = entry.putArray("candidates");
            for (Candidates.Candidate c : found) {
                ObjectNode n = list.addObject().put("qid", c.qid()).put("label", c.label()).put("description", c.description())
                        .put("score", c.score()).put("name", c.nameScore());
                if (c.dateScore() != null) n.put("date", c.dateScore());
            }
            if (acceptAbove != null && !found.isEmpty() && found.get(0).score() > acceptAbove) {
                acceptedLinks.addObject().put("id", id).put("qid", found.get(0).qid()).put("score", found.get(0).score())
                        .put("checked", "link --accept-above " + acceptAbove + " on " + LocalDate.now() + " against " + api);
            }
            writeAtomically(yaml, out, abs(p.root(), review));       // after every entity: an interrupted run keeps what it found
            if (++done % 10 == 0) progress.step(done + " of " + ids.size() + " entities");
        }
        if (acceptAbove != null) {
            ObjectNode a = yaml.createObjectNode();
            a.set("links", acceptedLinks);
            writeAtomically(yaml, a, abs(p.root(), accepted));
        }
        spec.commandLine().getOut().println(done + " entities, candidates in " + review + (acceptAbove == null ? "" : "; " + acceptedLinks.size() + " accepted in " + accepted));
        spec.commandLine().getOut().flush();
        return 0;
    }

    private static Path abs(Path root, Path p) {
        return p.isAbsolute() ? p : root.resolve(p);
    }

    private static void writeAtomically(ObjectMapper yaml, ObjectNode node, Path file) throws Exception {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName(), ".tmp");
        yaml.writeValue(tmp.toFile(), node);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
