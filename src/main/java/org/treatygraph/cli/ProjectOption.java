package org.treatygraph.cli;

import java.nio.file.Path;
import org.treatygraph.convert.Project;
import picocli.CommandLine.Option;

/** The --project option every command shares: where the ontology, sources and records are. */
final class ProjectOption {
    @Option(names = "--project", paramLabel = "DIR", defaultValue = ".",
            description = "The project directory holding ontology/ and data/ (default: the current directory).")
    Path dir;

    Project project() {
        return new Project(dir.toAbsolutePath().normalize());
    }
}
