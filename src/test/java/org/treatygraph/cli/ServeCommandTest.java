package org.treatygraph.cli;

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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.treatygraph.ServeProcess;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Where `serve` listens: started the default way it answers on the loopback address only; {@code --host}
 * publishes it. The command runs as a user runs it, in a JVM of its own, since it serves until stopped.
 */
class ServeCommandTest {
    @TempDir Path dir;

    @Test
    void byDefaultOnlyThisMachineReachesIt() throws Exception {
        try (ServeProcess s = serve()) {
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
        try (ServeProcess s = serve("--host", "0.0.0.0")) {
            assertEquals(200, ping(outside, s.port));
            assertEquals(200, ping(InetAddress.getLoopbackAddress(), s.port));
        }
        try (ServeProcess s = serve("--host", outside.getHostAddress())) {
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

    private ServeProcess serve(String... extra) throws Exception {
        return ServeProcess.serveInMemory(dir, List.of(), extra);
    }
}
