package org.treatygraph;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Programs the project did not write (rapper, Debian's python3 with rdflib and SPARQLWrapper) that tests
 * run against the dumps and the server. Missing ones skip a test on a developer's machine and fail it
 * under CI (CI=true), whose script installs them.
 */
public final class ExternalTools {
    public static final String PYTHON = "/usr/bin/python3";

    private ExternalTools() {}

    public record Result(int exit, String output) {}

    public static void require(boolean present, String what) {
        if (present) return;
        if (System.getenv("CI") != null) fail(what + " is not installed, and CI must check with it (.ci/run installs it)");
        Assumptions.abort(what + " is not installed (see .ci/run for the Debian packages)");
    }

    /** Requires Debian's python3 with these modules importable. */
    public static void requirePython(String... modules) throws IOException, InterruptedException {
        boolean ok = Files.isExecutable(Path.of(PYTHON)) && run(List.of(PYTHON, "-c", "import " + String.join(", ", modules))).exit == 0;
        require(ok, "Debian python3 with " + String.join(" and ", modules));
    }

    public static Result run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail("timed out: " + cmd);
        }
        return new Result(p.exitValue(), output);
    }
}
