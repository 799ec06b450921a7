package org.treatygraph.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.treatygraph.convert.GraphBuilder;
import org.treatygraph.convert.TreatyGraph;
import org.treatygraph.core.Progress;
import org.treatygraph.publish.DumpWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Builds the treaty graph from ontology/ and data/ and writes the dumps (Turtle, N-Triples, JSON-LD, TriG, VoID, SHA256SUMS).")
final class BuildCommand implements Callable<Integer> {
    @Mixin ProjectOption project;
    @Spec CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "target/dumps", description = "Where to write the dumps (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--allow-inconsistencies", description = "Report inconsistencies the reasoner finds as warnings instead of failing.")
    boolean allowInconsistencies;

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "INDEXED", converter = EngineOption.class,
            description = "indexed (default) or rete: which rule engine closes the data.")
    org.treatygraph.reason.Materialiser.Engine engine;

    @Option(names = {"-q", "--quiet"}, description = "Print no progress.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        Progress progress = quiet ? Progress.SILENT : new Progress(spec.commandLine().getErr());
        GraphBuilder builder = new GraphBuilder(project.project(), progress).allowInconsistencies(allowInconsistencies).engine(engine);
        TreatyGraph graph = builder.build();
        builder.report().entries().forEach(spec.commandLine().getErr()::println);
        var files = new DumpWriter(progress, project.project().wikidataCacheDir()).write(graph, out);
        progress.step("done");
        files.forEach((dump, path) -> spec.commandLine().getOut().println(path));
        return 0;
    }
}
