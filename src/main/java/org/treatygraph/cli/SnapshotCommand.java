package org.treatygraph.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.treatygraph.core.Progress;
import org.treatygraph.serve.Snapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "snapshot", mixinStandardHelpOptions = true,
        description = "Builds the graph and writes a store snapshot to publish: the TDB2 database and the dumps of one build, with "
                + "SHA256SUMS. Replicas serve copies of it (`serve --snapshot DIR`); see docs/deployment.md.")
final class SnapshotCommand implements Callable<Integer> {
    @Mixin ProjectOption project;
    @Spec CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "Where to write the snapshot: a directory that does not exist yet.")
    Path out;

    @Mixin KeepFreeOption keepFree;

    @Override
    public Integer call() throws Exception {
        Snapshot.write(project.project(), out, keepFree.bytes(spec.commandLine()), new Progress(spec.commandLine().getErr()));
        spec.commandLine().getOut().println(out.toAbsolutePath().normalize());
        return 0;
    }
}
