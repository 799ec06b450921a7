package org.treatygraph.convert;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.graph.GraphFactory;
import org.treatygraph.core.BuildReport;
import org.treatygraph.core.InputException;
import org.treatygraph.core.Location;
import org.treatygraph.core.Problem;
import org.treatygraph.core.Progress;
import org.treatygraph.ontology.OntologyIndex;
import org.treatygraph.ontology.TG;
import org.treatygraph.ontology.IriScheme;
import org.treatygraph.reason.Closure;
import org.treatygraph.reason.Inconsistency;
import org.treatygraph.reason.Materialiser;

/**
 * Builds the treaty graph from a project: reads the ontology and the sources, converts every record
 * file, completes dates, writes provenance, adds the checked Wikidata links and coordinates, materialises what the ontology entails (and fails on
 * inconsistencies), and validates the result against the SHACL shapes. Every problem found on the way
 * is collected and reported together, each with its file:line:column.
 */
public final class GraphBuilder {
    private final Project project;
    private final Progress progress;
    private final List<Problem> warnings = new ArrayList<>();
    private boolean allowInconsistencies;
    private Materialiser.Engine engine = Materialiser.Engine.INDEXED;
    private Support.Figures figures;

    public GraphBuilder(Project project, Progress progress) {
        this.project = project;
        this.progress = progress;
    }

    /** Report inconsistencies the reasoner finds as warnings instead of failing the build. */
    public GraphBuilder allowInconsistencies(boolean allow) {
        this.allowInconsistencies = allow;
        return this;
    }

    /** Which engine closes the data (explanations come from Jena's RETE engine either way). */
    public GraphBuilder engine(Materialiser.Engine engine) {
        this.engine = engine;
        return this;
    }

    /** What the last build found that did not stop it: SHACL warnings, the reasoner's, allowed inconsistencies. */
    public BuildReport report() {
        return new BuildReport(warnings);
    }

    /**
     * What the facts of the last build rest on: stated by their passages (checked mechanically), resting
     * on an editor's reading, or editorial; and how many cite only literature titles.
     */
    public String supportFigures() {
        if (figures == null) return "";
        return figures.stated() + " facts stated by their passages (checked mechanically), " + figures.reading()
                + " resting on an editor's reading, " + figures.editorial() + " editorial, 0 unsupported; "
                + figures.onlyLiteratureTitles() + " cite only literature titles";
    }

    public TreatyGraph build() throws IOException {
        TreatyGraph graph = buildUnvalidated();
        validate(graph);
        return graph;
    }

    /**
     * {@link #build} up to the SHACL validation, which {@link #validate} then does: a server loads the store
     * while it validates (the other core), and uses the graph only once the validation passed.
     */
    public TreatyGraph buildUnvalidated() throws IOException {
        progress.step("reading the ontology " + project.display(project.ontologyFile()));
        OntologyIndex ontology = OntologyIndex.load(project.ontologyFile());

        progress.step("checking the sources listed in " + project.display(project.sourcesRegistry()));
        YamlNode registry = YamlReader.read(project.sourcesRegistry(), project.display(project.sourcesRegistry()));
        Sources sources = Sources.load(registry, project);

        List<Problem> problems = new ArrayList<>();
        Citations citations = new Citations(sources, problems);
        DateWindow window = DateWindow.read(project.dateWindowFile(), project.display(project.dateWindowFile()), problems);
        RecordConverter records = new RecordConverter(ontology, citations, true, window, problems);
        List<Path> files = recordFiles();
        List<RecordConverter.Unreadable> unreadable = new ArrayList<>();
        progress.step("converting " + files.size() + " record files under " + project.display(project.recordsDir()));
        for (Path f : files) {
            try {
                records.convertFile(YamlReader.read(f, project.display(f)));
            } catch (InputException e) {
                problems.addAll(e.problems());
                unreadable.add(RecordConverter.Unreadable.of(e.problems().get(0).location(), Utf8.lenient(f)));
            }
        }
        // The source list's own dates (publication, retrieval) lie after the events: no window for them.
        RecordConverter sourceRecords = new RecordConverter(ontology, citations, false, null, problems);
        sourceRecords.convertFile(registry);
        records.checkReferences(sourceRecords.definitions(), unreadable);
        NameVariants variants = NameVariants.NONE;
        if (Files.exists(project.nameVariantsFile())) {
            try {
                variants = NameVariants.read(YamlReader.read(project.nameVariantsFile(), project.display(project.nameVariantsFile())), problems);
            } catch (InputException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) throw new InputException(problems);
        progress.step("checking that the passages cited for each fact state it");
        Support.resolve(records, ontology, variants, problems);
        Dates.complete(records, problems);
        figures = Support.figures(records.facts());
        if (!problems.isEmpty()) throw new InputException(problems);

        progress.step("writing " + records.facts().size() + " facts with their provenance");
        Graph asserted = GraphFactory.createDefaultGraph();
        Graph provenance = GraphFactory.createDefaultGraph();
        Map<Node, Location> locations = new HashMap<>(records.definitions());
        locations.putAll(sourceRecords.definitions());
        Provenance.write(records.facts(), asserted, provenance, locations);
        sourceRecords.facts().forEach(f -> provenance.add(f.triple()));
        readWikidataLinks(records.definitions().keySet(), asserted, provenance, locations);
        readPlaces(records.definitions().keySet(), asserted, provenance, locations);
        // A territory's reason for having no coordinates is the editors' own statement: counted with theirs.
        int reasons = asserted.find(Node.ANY, TG.noCoordinatesReason, Node.ANY).toList().size();
        figures = new Support.Figures(figures.stated(), figures.reading(), figures.editorial() + reasons, figures.onlyLiteratureTitles());

        progress.step("materialising the OWL 2 RL closure with " + project.display(project.rulesFile()));
        Closure closure = Materialiser.load(project.rulesFile(), project.display(project.rulesFile())).withEngine(engine)
                .run(ontology.graph(), asserted, true, s -> progress.step("  " + s));
        progress.step("inferred " + closure.inferred().size() + " triples");
        for (String w : closure.warnings()) warnings.add(new Problem(Problem.Severity.WARNING, null, null, w.replaceFirst("^warning: ", "")));
        TreatyGraph graph = new TreatyGraph(asserted, provenance, ontology.graph(), closure, locations);
        checkConsistency(graph);
        return graph;
    }

    /** A file of outside facts with their checks (Wikidata links, coordinates): what reads it into the graphs. */
    private interface CheckedFile {
        void read(YamlNode root, Set<Node> entities, Graph asserted, Graph provenance, Map<Node, Location> locations, List<Problem> problems);
    }

    private void readWikidataLinks(Set<Node> entities, Graph asserted, Graph provenance, Map<Node, Location> locations) throws IOException {
        readChecked(project.wikidataLinksFile(), "the checked Wikidata links", WikidataLinks::read, entities, asserted, provenance, locations);
    }

    private void readPlaces(Set<Node> entities, Graph asserted, Graph provenance, Map<Node, Location> locations) throws IOException {
        readChecked(project.placesFile(), "the territories' checked coordinates", Places::read, entities, asserted, provenance, locations);
    }

    /** Reads such a file where the project has one; its problems, all of them, stop the build. */
    private void readChecked(Path file, String what, CheckedFile reader, Set<Node> entities, Graph asserted, Graph provenance,
            Map<Node, Location> locations) throws IOException {
        if (!Files.exists(file)) return;
        progress.step("reading " + what + " " + project.display(file));
        List<Problem> problems = new ArrayList<>();
        reader.read(YamlReader.read(file, project.display(file)), entities, asserted, provenance, locations, problems);
        if (!problems.isEmpty()) throw new InputException(problems);
    }

    private List<Path> recordFiles() throws IOException {
        if (!Files.isDirectory(project.recordsDir())) return List.of();
        try (Stream<Path> s = Files.list(project.recordsDir())) {
            return s.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        }
    }

    private void checkConsistency(TreatyGraph graph) {
        List<Problem> problems = new ArrayList<>();
        PrefixMapping pm = graph.displayPrefixes();
        for (Inconsistency i : graph.closure().inconsistencies()) {
            String why = i.derivation() == null ? ""
                    : "\n" + i.derivation().renderGrounds(pm, graph.ontology(), t -> {
                        Location l = graph.locationOfFact(t);
                        return l == null ? null : l.toString();
                    }).stripTrailing().indent(4).stripTrailing();
            String what = "inconsistent: " + i.summary(pm) + why;
            Problem.Severity severity = allowInconsistencies ? Problem.Severity.ALLOWED : Problem.Severity.ERROR;
            Problem p = new Problem(severity, graph.locationOf(i.subject()), IriScheme.show(i.subject()), what);
            (allowInconsistencies ? warnings : problems).add(p);
        }
        if (!problems.isEmpty()) throw new InputException(problems);
    }

    /** Validates a graph {@link #buildUnvalidated} made against the SHACL shapes: violations stop the build, the rest are warnings. */
    public void validate(TreatyGraph graph) {
        progress.step("validating against the SHACL shapes " + project.display(project.shapesFile()));
        Graph shapesGraph = RDFDataMgr.loadGraph(project.shapesFile().toString());
        Shapes shapes = Shapes.parse(shapesGraph);
        ValidationReport report = ShaclValidator.get().validate(shapes, graph.union());
        List<Problem> problems = new ArrayList<>();
        for (ReportEntry e : report.getEntries()) {
            String what = "SHACL: focus node " + IriScheme.show(e.focusNode()) + (e.resultPath() == null ? "" : ", path " + e.resultPath())
                    + (e.value() == null ? "" : ", value " + IriScheme.show(e.value())) + ": " + e.message();
            boolean violation = e.severity() == Severity.Violation;
            (violation ? problems : warnings).add(new Problem(violation ? Problem.Severity.ERROR : Problem.Severity.WARNING,
                    graph.locationOf(e.focusNode()), IriScheme.show(e.focusNode()), what));
        }
        if (!problems.isEmpty()) throw new InputException(problems);
    }
}
