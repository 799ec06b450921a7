package org.treatygraph;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A command in a process of its own, as a user runs it (`java org.treatygraph.cli.Main serve ...` on the test
 * classpath, the jar's classes), or any other program; its output (stdout and stderr) collected as it comes.
 */
public final class ServeProcess implements AutoCloseable {
    private static final long MINUTES = 3;
    private final Process process;
    private final StringBuffer output = new StringBuffer();
    private final Writer stdin;

    private ServeProcess(List<String> command) throws IOException {
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) output.append(line).append('\n');
            } catch (IOException ended) {
                // the process is gone
            }
        }, "output of " + command.get(0));
        reader.setDaemon(true);
        reader.start();
    }

    /** Any program. */
    public static ServeProcess run(List<String> command) throws IOException {
        return new ServeProcess(command);
    }

    /** treaty-graph with these arguments, in a JVM started through {@code prefix} (e.g. nsenter; may be empty). */
    public static ServeProcess treatyGraph(List<String> prefix, List<String> jvmOptions, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx384m");
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.treatygraph.cli.Main"));
        cmd.addAll(List.of(args));
        return new ServeProcess(cmd);
    }

    public long pid() {
        return process.pid();
    }

    public String output() {
        return output.toString();
    }

    /** Waits until the output says {@code text}; fails when the process ends first. */
    public String await(String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(MINUTES);
        while (!output.toString().contains(text)) {
            if (!process.isAlive()) {
                process.waitFor();
                Thread.sleep(200);   // the rest of its output
                if (output.toString().contains(text)) break;
                fail("ended (exit " + process.exitValue() + ") without saying '" + text + "':\n" + output);
            }
            if (System.nanoTime() > deadline) fail("did not say '" + text + "' within " + MINUTES + " minutes:\n" + output);
            Thread.sleep(50);
        }
        return output.toString();
    }

    /**
     * `serve` on a small project (TestProjects.VALID) in memory on a free port, started and listening; a
     * test that needs a real heap limit, or a server as a user runs it, takes this one.
     */
    public static ServeProcess serveInMemory(Path dir, List<String> jvmOptions, String... serveOptions) throws Exception {
        Path project = dir.resolve("p" + System.nanoTime());
        TestProjects.scratch(project, TestProjects.VALID);
        List<String> args = new ArrayList<>(List.of("serve", "--project", project.toString(), "--mem", "--port", "0",
                "--config", Path.of("fuseki-config/treaty-graph.ttl").toAbsolutePath().toString()));
        args.addAll(List.of(serveOptions));
        ServeProcess s = treatyGraph(List.of(), jvmOptions, args.toArray(String[]::new));
        Matcher m = Pattern.compile("http://(\\S+):(\\d+)/").matcher(s.url());
        if (!m.find()) fail(s.output());
        s.host = m.group(1);
        s.port = Integer.parseInt(m.group(2));
        return s;
    }

    /** Where a serve process listens (after serveInMemory). */
    public String host;
    public int port;

    /** A path on a server started by serveInMemory. */
    public String url(String path) {
        return "http://localhost:" + port + path;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The address a serve process says it serves at. */
    public String url() throws InterruptedException {
        Matcher m = Pattern.compile("Serving the treaty graph at (\\S+)").matcher(await("Serving the treaty graph at "));
        if (!m.find()) fail(output.toString());
        return m.group(1);
    }

    /** Waits for the process to end by itself and gives its exit status. */
    public int exit() throws InterruptedException {
        if (!process.waitFor(MINUTES, TimeUnit.MINUTES)) fail("still running after " + MINUTES + " minutes:\n" + output);
        Thread.sleep(200);   // the rest of its output
        return process.exitValue();
    }

    /** Sends a line to its stdin. */
    public void send(String line) throws IOException {
        stdin.write(line + "\n");
        stdin.flush();
    }

    /** Closes its stdin (a program reading it to the end then stops). */
    public void closeInput() throws IOException {
        stdin.close();
    }

    /** SIGKILL: no shutdown hook, no finally, nothing flushed. */
    public void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM, as Ctrl-C or a service manager stops a server; waits for it to end. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(1, TimeUnit.MINUTES)) kill9();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) kill9();
    }
}
