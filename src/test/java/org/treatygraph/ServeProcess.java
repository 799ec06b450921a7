package org.treatygraph;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.treatygraph.cli.Main;

/**
 * `serve` run as a user runs it, in a JVM of its own (it serves until stopped; a test that needs a real
 * heap limit or a second process needs its own JVM): a small project, in memory, on a free port. Closing
 * it ends the process.
 */
public final class ServeProcess implements AutoCloseable {
    private static final Pattern SERVING = Pattern.compile("Serving the treaty graph at http://(\\S+):(\\d+)/");

    public final Process process;
    public final Path out, err;
    public String host;
    public int port;

    private ServeProcess(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /**
     * @param dir where the project and the process's output go
     * @param jvm options for the server's JVM (e.g. -Xmx256m)
     * @param serve options for `serve` beside --project, --mem, --port 0 and --config
     */
    public static ServeProcess start(Path dir, List<String> jvm, String... serve) throws Exception {
        Path project = dir.resolve("p" + System.nanoTime());
        TestProjects.scratch(project, TestProjects.VALID);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvm);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "serve", "--project", project.toString(), "--mem", "--port", "0",
                "--config", Path.of("fuseki-config/treaty-graph.ttl").toAbsolutePath().toString()));
        cmd.addAll(List.of(serve));
        Path out = project.resolve("serve.out"), err = project.resolve("serve.err");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        ServeProcess s = new ServeProcess(p, out, err);
        long until = System.nanoTime() + 180_000_000_000L;
        while (System.nanoTime() < until) {
            Matcher m = SERVING.matcher(Files.readString(out, StandardCharsets.UTF_8));
            if (m.find()) {
                s.host = m.group(1);
                s.port = Integer.parseInt(m.group(2));
                return s;
            }
            if (!p.isAlive()) break;
            Thread.sleep(200);
        }
        s.close();
        fail("serve did not start: " + s.output());
        return null;
    }

    /** What the process wrote, standard output and then its log. */
    public String output() throws java.io.IOException {
        return Files.readString(out, StandardCharsets.UTF_8) + Files.readString(err, StandardCharsets.UTF_8);
    }

    public String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
    }
}
