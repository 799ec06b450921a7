package org.treatygraph.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import org.treatygraph.convert.GraphBuilder;
import org.treatygraph.convert.TreatyGraph;
import org.treatygraph.core.Progress;
import org.treatygraph.publish.DumpWriter;
import org.treatygraph.publish.Release;
import org.treatygraph.publish.Releases;
import org.treatygraph.serve.TreatyServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "release", mixinStandardHelpOptions = true,
        description = "Builds the graph and writes it as release VERSION (MAJOR.MINOR.PATCH) into the releases directory, with its changes "
                + "since the latest release (RDF Patch, Markdown, a page); a release that exists is never overwritten.")
final class ReleaseCommand implements Callable<Integer> {
    @Mixin ProjectOption project;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "VERSION", description = "The release's semantic version, MAJOR.MINOR.PATCH, after the latest release's (e.g. 1.2.0).")
    String version;

    @Option(names = "--releases", paramLabel = "DIR", defaultValue = "run/releases",
            description = "The releases directory, build output never committed (default: ${DEFAULT-VALUE}, in the project; `serve --releases` serves it).")
    Path releases;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "The day it is issued (default: today, UTC).")
    String date;

    @Option(names = {"-q", "--quiet"}, description = "Print no progress.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        var err = spec.commandLine().getErr();
        LocalDate issued;
        try {
            issued = date == null ? LocalDate.now(ZoneOffset.UTC) : LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            err.println("error: --date '" + date + "' is not a day of the form YYYY-MM-DD");
            return 2;
        }
        var p = project.project();
        Releases dir = new Releases(releases.isAbsolute() ? releases : p.root().resolve(releases));
        if (!Release.isVersion(version)) {
            err.println("error: '" + version + "' is not a version of the form MAJOR.MINOR.PATCH (e.g. 1.2.0); nothing was written");
            return 2;
        }
        // Checked before the build, so a refused release costs nothing; checked again when it is moved into place.
        String latest = dir.latest();
        if (java.nio.file.Files.exists(dir.files(version)) || (latest != null && Release.ORDER.compare(version, latest) <= 0)) {
            err.println("error: " + refusal(dir, latest) + "; nothing was written");
            return 1;
        }
        Progress progress = quiet ? Progress.SILENT : new Progress(err);
        GraphBuilder builder = new GraphBuilder(p, progress);
        TreatyGraph graph = builder.build();
        builder.report().entries().forEach(err::println);
        Path written;
        try {
            written = dir.write(graph, version, issued, TreatyServer.fingerprint(p), new DumpWriter(progress, p.wikidataCacheDir()), progress);
        } catch (Releases.Refused e) {
            err.println("error: " + e.getMessage() + "; nothing was written");
            return 1;
        }
        progress.step("done");
        spec.commandLine().getOut().println(written);
        return 0;
    }

    private String refusal(Releases dir, String latest) {
        return java.nio.file.Files.exists(dir.files(version))
                ? "release " + version + " exists (" + dir.files(version) + "); a release never changes: give a new version"
                : "release " + version + " would not be after the latest release, " + latest + ": give a version after it";
    }
}
