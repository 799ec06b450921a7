package org.treatygraph.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.treatygraph.convert.GraphBuilder;
import org.treatygraph.core.Progress;
import org.treatygraph.publish.AgreementsReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "agreements", mixinStandardHelpOptions = true,
        description = "Writes the list of every agreement in the graph as Markdown (docs/agreements.md).")
final class AgreementsCommand implements Callable<Integer> {
    @Mixin ProjectOption project;
    @Spec CommandSpec spec;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path out;

    @Override
    public Integer call() throws Exception {
        String md = AgreementsReport.markdown(new GraphBuilder(project.project(), Progress.SILENT).build());
        if (out == null) spec.commandLine().getOut().print(md);
        else Files.writeString(out, md, StandardCharsets.UTF_8);
        return 0;
    }
}
