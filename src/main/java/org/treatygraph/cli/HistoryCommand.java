package org.treatygraph.cli;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.treatygraph.convert.GraphBuilder;
import org.treatygraph.convert.Suggest;
import org.treatygraph.convert.TreatyGraph;
import org.treatygraph.core.Progress;
import org.treatygraph.history.HistoryTable;
import org.treatygraph.history.TerritoryHistory;
import org.treatygraph.ontology.IriScheme;
import org.treatygraph.ontology.TG;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "history", mixinStandardHelpOptions = true,
        description = "Prints a territory's history as a dated table: who held it, who was assigned it by an instrument, who claimed it, with the evidence for each row.")
final class HistoryCommand implements Callable<Integer> {
    @Mixin ProjectOption project;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "TERRITORY", description = "A territory's id, e.g. territory/kars")
    String territory;

    @Option(names = "--on", paramLabel = "DATE", description = "Only the rows that may hold on this day (YYYY-MM-DD), each marked certain or possible.")
    LocalDate on;

    @Override
    public Integer call() throws Exception {
        TreatyGraph g = new GraphBuilder(project.project(), Progress.SILENT).build();
        Node t = IriScheme.iri(territory);
        if (!g.unionWithInferred().contains(t, RDF.type.asNode(), TG.Territory)) {
            List<String> known = g.unionWithInferred().find(Node.ANY, RDF.type.asNode(), TG.Territory).toList().stream()
                    .map(x -> IriScheme.id(x.getSubject())).filter(java.util.Objects::nonNull).sorted().toList();
            spec.commandLine().getErr().println("error: " + territory + " is not a territory of the graph" + Suggest.nearest(territory, known));
            return 1;
        }
        String label = g.asserted().find(t, RDFS.label.asNode(), Node.ANY).nextOptional().map(x -> x.getObject().getLiteralLexicalForm()).orElse(territory);
        var rows = TerritoryHistory.of(g.queryDataset(), t.getURI(), on);
        spec.commandLine().getOut().print(HistoryTable.format(territory, label, rows, on));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
