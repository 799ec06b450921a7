package org.treatygraph.cli;

import org.treatygraph.publish.WikidataProperties;

import java.util.concurrent.Callable;
import org.treatygraph.convert.GraphBuilder;
import org.treatygraph.convert.TreatyGraph;
import org.treatygraph.core.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Runs every check of the build (YAML, keys, datatypes, references, quotes, dates, SHACL, the checked Wikidata properties) and writes nothing.")
final class ValidateCommand implements Callable<Integer> {
    @Mixin ProjectOption project;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        GraphBuilder builder = new GraphBuilder(project.project(), Progress.SILENT);
        TreatyGraph graph = builder.build();
        builder.report().entries().forEach(spec.commandLine().getErr()::println);
        long links = graph.wikidataLinks().size();
        spec.commandLine().getOut().println("valid: " + graph.asserted().size() + " facts, "
                + graph.provenance().size() + " provenance triples, " + links + " checked Wikidata links, "
                + graph.geometries().size() + " territories with checked coordinates (" + graph.noCoordinates().size() + " with a reason for none), " + builder.report().warnings().size() + " warning(s)");
        spec.commandLine().getOut().println("support: " + builder.supportFigures());
        // The properties the QuickStatements proposals use: each checked, or the file's problems at their lines.
        var properties = WikidataProperties.load(project.project().wikidataLinksFile().resolveSibling(WikidataProperties.FILE_NAME));
        spec.commandLine().getOut().println("wikidata properties: " + properties.all().size() + " checked");
        return 0;
    }
}
