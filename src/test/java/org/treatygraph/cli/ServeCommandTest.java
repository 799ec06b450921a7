package org.treatygraph.cli;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Proxy;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.treatygraph.TestProjects;

/**
 * Where `serve` listens: started the default way it answers on the loopback address only; {@code --host}
 * publishes it. The command runs as a user runs it, in a JVM of its own, since it serves until stopped.
 */
class ServeCommandTest {
    private static final Pattern SERVING = Pattern.compile("Serving the treaty graph at http://(\\S+):(\\d+)/");

    @TempDir Path dir;

    @Test
    void byDefaultOnlyThisMachineReachesIt() throws Exception {
        try (Served s = serve()) {
            assertEquals("localhost", s.host);
            assertEquals(200, ping(InetAddress.getLoopbackAddress(), s.port));
            InetAddress outside = nonLoopbackAddress();
            assumeTrue(outside != null, "this machine has no address but the loopback one");
            assertThrows(ConnectException.class, () -> ping(outside, s.port), "reachable on " + outside.getHostAddress());
        }
    }

    @Test
    void hostPublishesIt() throws Exception {
        InetAddress outside = nonLoopbackAddress();
        assumeTrue(outside != null, "this machine has no address but the loopback one");
        try (Served s = serve("--host", "0.0.0.0")) {
            assertEquals(200, ping(outside, s.port));
            assertEquals(200, ping(InetAddress.getLoopbackAddress(), s.port));
        }
        try (Served s = serve("--host", outside.getHostAddress())) {
            assertEquals(outside.getHostAddress(), s.host, "the address it prints is the one it listens on");
            assertEquals(200, ping(outside, s.port));
        }
    }

    /** An up, non-loopback, non-link-local IPv4 address of this machine, or null. */
    private static InetAddress nonLoopbackAddress() throws IOException {
        List<InetAddress> found = new ArrayList<>();
        for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!ni.isUp() || ni.isLoopback()) continue;
            for (InetAddress a : Collections.list(ni.getInetAddresses()))
                if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) found.add(a);
        }
        return found.isEmpty() ? null : found.get(0);
    }

    private static int ping(InetAddress at, int port) throws IOException {
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress(at, port), 5000);   // refused at once when nothing listens there
        }
        String host = at.getHostAddress();
        HttpURLConnection c = (HttpURLConnection) URI.create("http://" + host + ":" + port + "/$/ping").toURL().openConnection(Proxy.NO_PROXY);
        c.setConnectTimeout(5000);
        c.setReadTimeout(10000);
        try {
            return c.getResponseCode();
        } finally {
            c.disconnect();
        }
    }

    /** `serve` on a small project, in memory, on a free port; closing it ends that process. */
    private Served serve(String... extra) throws Exception {
        Path project = dir.resolve("p" + System.nanoTime());
        TestProjects.scratch(project, TestProjects.VALID);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "serve", "--project", project.toString(), "--mem", "--port", "0",
                "--config", Path.of("fuseki-config/treaty-graph.ttl").toAbsolutePath().toString()));
        cmd.addAll(List.of(extra));
        Path out = project.resolve("serve.out"), err = project.resolve("serve.err");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        Served s = new Served(p);
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
        fail("serve did not start: " + Files.readString(out, StandardCharsets.UTF_8) + Files.readString(err, StandardCharsets.UTF_8));
        return null;
    }

    private static final class Served implements AutoCloseable {
        final Process process;
        String host;
        int port;

        Served(Process process) {
            this.process = process;
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
        }
    }
}
