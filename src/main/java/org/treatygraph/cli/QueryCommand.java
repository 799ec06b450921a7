package org.treatygraph.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.treatygraph.convert.GraphBuilder;
import org.treatygraph.core.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "query", mixinStandardHelpOptions = true,
        description = "Builds the graph in memory and runs a SPARQL query file on it (the default graph is the union of every named graph).")
final class QueryCommand implements Callable<Integer> {
    @Mixin ProjectOption project;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The SPARQL query file, e.g. queries/cq01-instruments.rq")
    Path file;

    @Override
    public Integer call() throws Exception {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Query query;
        try {
            query = QueryFactory.create(text);
        } catch (QueryParseException e) {
            spec.commandLine().getErr().println(file + ":" + e.getLine() + ":" + e.getColumn() + ": error: " + e.getMessage().lines().findFirst().orElse(""));
            return 1;
        }
        var dataset = new GraphBuilder(project.project(), Progress.SILENT).build().queryDataset();
        try (QueryExecution qe = QueryExecution.dataset(dataset).query(query).build()) {
            var out = System.out;
            if (query.isSelectType()) ResultSetFormatter.out(out, qe.execSelect(), query.getPrefixMapping());
            else if (query.isAskType()) out.println(qe.execAsk());
            else if (query.isConstructType()) RDFDataMgr.write(out, qe.execConstruct(), RDFFormat.TURTLE_PRETTY);
            else if (query.isDescribeType()) RDFDataMgr.write(out, qe.execDescribe(), RDFFormat.TURTLE_PRETTY);
        }
        return 0;
    }
}
