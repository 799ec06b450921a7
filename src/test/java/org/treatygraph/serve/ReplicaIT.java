package org.treatygraph.serve;

import static org.junit.jupiter.api.Assertions.*;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.treatygraph.ServeProcess;
import org.treatygraph.TestProjects;
import org.treatygraph.convert.Project;

/**
 * Replicas behind a real load balancer, as deploy/ ships them: one snapshot made by the packaged jar, three
 * `java -jar target/treaty-graph.jar serve --snapshot` replicas, and nginx from Debian running
 * deploy/nginx.conf on loopback. Clients query and read pages through nginx while one replica is killed
 * (SIGKILL); every request must come back right, the balancer's retries being the only help it gets.
 * It runs under failsafe (`mvn verify`, after `package`): {@code -Dit.test=ReplicaIT} alone.
 */
class ReplicaIT {
    static final Path NGINX = Path.of("/usr/sbin/nginx");
    static final Path SHIPPED_CONF = Path.of("deploy/nginx.conf").toAbsolutePath();
    static final Path CONFIG = Path.of("fuseki-config/treaty-graph.ttl").toAbsolutePath();
    static final String TREATY = "https://w3id.org/treaty-graph/id/agreement/soviet-persian-treaty-1921";
    static final String LABEL = "Soviet–Persian Treaty of Friendship";
    static final String QUERY = "SELECT ?l { <" + TREATY + "> <http://www.w3.org/2000/01/rdf-schema#label> ?l }";
    static final int CLIENTS = 4;
    /** Requests sent before the kill, and after it; each side stops after PHASE_SECONDS all the same. */
    static final int LOAD_EACH_SIDE = 60, PHASE_SECONDS = 20;

    @TempDir Path dir;

    /** One request a client sends, and what its answer must contain. */
    record Call(String name, HttpRequest.Builder request, String expected) {}

    @Test
    void aReplicaKilledUnderLoadLosesNoRequestAndLeavesTheRotation() throws Exception {
        assertTrue(Files.isExecutable(NGINX), NGINX + " is missing: this test runs the shipped balancer configuration with nginx "
                + "from Debian (apt-get install nginx; .ci/run installs it)");
        String jarProperty = System.getProperty("treatygraph.jar");
        Assumptions.assumeTrue(jarProperty != null, "ReplicaIT starts the packaged jar: it runs under failsafe, in `mvn verify` after "
                + "`package` (alone: mvn verify -Dtest=none -Dit.test=ReplicaIT -Dsurefire.failIfNoSpecifiedTests=false)");
        Path jar = Path.of(jarProperty);
        assertTrue(Files.isRegularFile(jar), jar + " is missing: `mvn package` makes it before failsafe runs");
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Project project = TestProjects.scratch(dir.resolve("project"), TestProjects.VALID);
        Path snapshot = dir.resolve("snapshot");
        long t0 = System.nanoTime();

        try (ServeProcess made = ServeProcess.run(List.of(javaBin, "-Xmx384m", "-jar", jar.toString(), "snapshot",
                "--project", project.root().toString(), "--out", snapshot.toString()))) {
            assertEquals(0, made.exit(), made.output());
        }
        assertTrue(Files.isRegularFile(snapshot.resolve("SHA256SUMS")), "the snapshot has its checksums");

        List<ServeProcess> replicas = new ArrayList<>();
        ServeProcess nginx = null;
        try {
            for (int i = 0; i < 3; i++) {
                replicas.add(ServeProcess.run(List.of(javaBin, "-Xmx384m", "-XX:+ExitOnOutOfMemoryError", "-jar", jar.toString(), "serve",
                        "--project", project.root().toString(), "--snapshot", snapshot.toString(), "--db", dir.resolve("replica-" + i).toString(),
                        "--host", "127.0.0.1", "--port", "0", "--config", CONFIG.toString())));
            }
            List<Integer> ports = new ArrayList<>();
            for (ServeProcess r : replicas) {
                Matcher m = Pattern.compile(":(\\d+)/$").matcher(r.url());
                assertTrue(m.find(), r.output());
                ports.add(Integer.parseInt(m.group(1)));
                assertTrue(r.output().contains("a copy of " + snapshot), "the replica serves a copy of the snapshot:\n" + r.output());
            }
            long replicasUp = System.nanoTime();
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

            // Every replica serves the same build with the same validators, so a client may revalidate against any.
            Set<String> validators = new HashSet<>();
            for (int port : ports) {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/id/agreement/soviet-persian-treaty-1921"))
                        .header("Accept", "text/turtle").build(), HttpResponse.BodyHandlers.discarding());
                assertEquals(200, r.statusCode());
                validators.add(r.headers().firstValue("ETag").orElse("-") + " " + r.headers().firstValue("Last-Modified").orElse("-"));
            }
            assertEquals(1, validators.size(), "the same ETag and Last-Modified on every replica: " + validators);

            int port = freePort();
            Path conf = nginxConf(ports, port);
            ServeProcess check = ServeProcess.run(nginxCommand(conf, "-t"));
            assertEquals(0, check.exit(), "nginx -t on the generated configuration:\n" + check.output());
            nginx = ServeProcess.run(nginxCommand(conf, "-g", "daemon off;"));
            String base = "http://127.0.0.1:" + port;
            awaitPing(http, base, nginx);

            // Each replica answers every call once directly first, so the load meets warm servers.
            for (int p : ports) {
                for (Call c : calls("http://127.0.0.1:" + p)) assertNull(ask(http, c, "warm-up"), "warm-up " + c.name() + " on " + p);
            }
            List<Call> calls = calls(base);

            // Load through the balancer; the middle replica is killed while it runs.
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger sent = new AtomicInteger();
            Map<String, Long> sentAt = new ConcurrentHashMap<>();
            List<String> failures = Collections.synchronizedList(new ArrayList<>());
            List<Thread> clients = new ArrayList<>();
            for (int t = 0; t < CLIENTS; t++) {
                int client = t;
                Thread th = new Thread(() -> {
                    for (int n = 0; running.get(); n++) {
                        Call c = calls.get((n + client) % calls.size());
                        String rid = "c" + client + "-" + n;
                        sentAt.put(rid, System.nanoTime());
                        sent.incrementAndGet();
                        String problem = ask(http, c, rid);
                        if (problem != null) failures.add(rid + " " + c.name() + ": " + problem);
                    }
                }, "client " + t);
                th.start();
                clients.add(th);
            }
            // Enough requests on each side of the kill, however busy the machine is (bounded in time all the same).
            long started = System.nanoTime();
            awaitCount(sent, LOAD_EACH_SIDE, started);
            int beforeKill = sent.get();
            long killedAt = System.nanoTime();
            replicas.get(1).kill9();
            String killed = "127.0.0.1:" + ports.get(1);
            awaitCount(sent, beforeKill + LOAD_EACH_SIDE, killedAt);
            running.set(false);
            for (Thread th : clients) th.join(60_000);
            long loadMillis = (System.nanoTime() - started) / 1_000_000;
            int total = sent.get();

            assertEquals(List.of(), failures, "every request through the balancer is answered right, before and after the kill");
            assertTrue(beforeKill >= 10 && total - beforeKill >= 10, "enough load on both sides of the kill: " + beforeKill + " before, " + (total - beforeKill) + " after");

            // Then the killed replica is out of rotation and the other two answer everything.
            List<String> afterwards = new ArrayList<>();
            for (int n = 0; n < 30; n++) {
                Call c = calls.get(n % calls.size());
                String rid = "after-" + n;
                afterwards.add(rid);
                assertNull(ask(http, c, rid), rid + " " + c.name());
            }

            nginx.stop();   // flushes and closes its logs
            Map<String, List<String>> tried = upstreams(dir.resolve("nginx/access.log"));
            assertEquals(total + afterwards.size(), tried.keySet().stream().filter(k -> k.startsWith("c") || k.startsWith("after-")).count(),
                    "the balancer logged every request");
            int retried = 0, answeredByKilledAfterKill = 0;
            for (var e : tried.entrySet()) {
                List<String> addrs = e.getValue();
                if (addrs.size() > 1) retried++;
                Long at = sentAt.get(e.getKey());
                boolean afterKill = e.getKey().startsWith("after-") || (at != null && at > killedAt + 500_000_000L);
                if (afterKill && addrs.get(addrs.size() - 1).equals(killed)) answeredByKilledAfterKill++;
            }
            assertEquals(0, answeredByKilledAfterKill, "no request sent after the kill is answered by the killed replica");
            Map<String, Integer> lastAnswered = new HashMap<>();
            int probes = 0;
            for (String rid : afterwards) {
                List<String> addrs = tried.get(rid);
                lastAnswered.merge(addrs.get(addrs.size() - 1), 1, Integer::sum);
                if (addrs.contains(killed)) probes++;
            }
            assertEquals(Set.of("127.0.0.1:" + ports.get(0), "127.0.0.1:" + ports.get(2)), lastAnswered.keySet(),
                    "both remaining replicas answer, the killed one none: " + lastAnswered);
            assertTrue(probes <= 2, "the killed replica is out of rotation: nginx tried it for " + probes + " of 30 requests (at most one "
                    + "probe per fail_timeout of 5 s)");
            // Each failed attempt on a replica is a line of its own naming the upstream (refused, reset, closed early).
            long refused = Files.readAllLines(dir.resolve("nginx/error.log")).stream().filter(l -> l.contains(", upstream: \"")).count();
            System.out.printf("ReplicaIT: snapshot and three replicas started in %d s; ", (replicasUp - t0) / 1_000_000_000L);
            System.out.printf("%d requests through nginx from %d clients in %d ms (%d before the kill, %d after), 0 failed; nginx retried %d "
                            + "on another replica (%d error-log lines about a failed replica); after the load, 30 of 30 answered by %s, the killed replica tried %d times%n",
                    total, CLIENTS, loadMillis, beforeKill, total - beforeKill, retried, refused, lastAnswered, probes);
        } finally {
            if (nginx != null) nginx.stop();
            for (ServeProcess r : replicas) r.close();
        }
    }

    static List<Call> calls(String base) {
        return List.of(
                new Call("SPARQL GET", HttpRequest.newBuilder(URI.create(base + "/treaties/sparql?query=" + URLEncoder.encode(QUERY, StandardCharsets.UTF_8)))
                        .header("Accept", "text/csv"), LABEL),
                new Call("SPARQL POST", HttpRequest.newBuilder(URI.create(base + "/treaties/sparql"))
                        .header("Accept", "text/csv").header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(QUERY, StandardCharsets.UTF_8))), LABEL),
                new Call("page", HttpRequest.newBuilder(URI.create(base + "/id/agreement/soviet-persian-treaty-1921")).header("Accept", "text/html"), LABEL),
                new Call("Turtle", HttpRequest.newBuilder(URI.create(base + "/id/agreement/soviet-persian-treaty-1921")).header("Accept", "text/turtle"), LABEL),
                new Call("search", HttpRequest.newBuilder(URI.create(base + "/search.json?q=persian")), TREATY));
    }

    /** Waits until {@code count} requests were sent, or PHASE_SECONDS after {@code since}. */
    static void awaitCount(AtomicInteger sent, int count, long since) throws InterruptedException {
        while (sent.get() < count && System.nanoTime() - since < PHASE_SECONDS * 1_000_000_000L) Thread.sleep(20);
    }

    /** Sends one call; null when its answer is a 200 with the expected text, else what was wrong. */
    static String ask(HttpClient http, Call c, String rid) {
        try {
            HttpResponse<String> r = http.send(c.request().copy().header("X-Request-Id", rid).timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) return "status " + r.statusCode() + ": " + r.body().lines().findFirst().orElse("");
            if (!r.body().contains(c.expected())) return "200 without '" + c.expected() + "'";
            return null;
        } catch (Exception e) {
            return e.toString();
        }
    }

    /** deploy/nginx.conf with this run's replicas, port and paths: every line changed must be there, once. */
    Path nginxConf(List<Integer> replicaPorts, int port) throws Exception {
        Path n = dir.resolve("nginx");
        for (String t : List.of("body", "proxy", "fastcgi", "uwsgi", "scgi")) Files.createDirectories(n.resolve("temp").resolve(t));
        String conf = Files.readString(SHIPPED_CONF, StandardCharsets.UTF_8);
        boolean root = "root".equals(System.getProperty("user.name"));
        // As root, nginx's workers would switch to a user that may not exist here and could not enter the
        // temporary directory; as anyone else, it cannot switch at all.
        conf = replaceOnce(conf, "user nginx;", root ? "user root;" : "");
        conf = replaceOnce(conf, "pid /var/run/nginx.pid;", "pid " + n.resolve("nginx.pid") + ";");
        conf = replaceOnce(conf, "error_log /dev/stderr warn;", "error_log " + n.resolve("error.log") + " warn;");
        conf = replaceOnce(conf, "access_log /dev/stdout balancer;", "access_log " + n.resolve("access.log") + " balancer;");
        conf = replaceOnce(conf, "listen 80;", "listen 127.0.0.1:" + port + ";");
        Matcher m = Pattern.compile("server replica:3030( [^;]*);").matcher(conf);
        assertTrue(m.find(), SHIPPED_CONF + " no longer has the upstream line 'server replica:3030 …;' this test replaces");
        StringBuilder servers = new StringBuilder();
        for (int p : replicaPorts) servers.append("server 127.0.0.1:").append(p).append(m.group(1)).append(";\n        ");
        conf = conf.substring(0, m.start()) + servers.toString().strip() + conf.substring(m.end());
        StringBuilder temps = new StringBuilder("http {\n");
        for (String t : List.of("client_body", "proxy", "fastcgi", "uwsgi", "scgi")) {
            temps.append("    ").append(t).append("_temp_path ").append(n.resolve("temp").resolve(t.equals("client_body") ? "body" : t)).append(";\n");
        }
        conf = replaceOnce(conf, "http {\n", temps.toString());
        Path file = n.resolve("nginx.conf");
        Files.writeString(file, conf, StandardCharsets.UTF_8);
        return file;
    }

    static String replaceOnce(String text, String line, String with) {
        int i = text.indexOf(line);
        assertTrue(i >= 0 && text.indexOf(line, i + 1) < 0, SHIPPED_CONF + " should have '" + line.strip() + "' once: this test replaces it");
        return text.substring(0, i) + with + text.substring(i + line.length());
    }

    List<String> nginxCommand(Path conf, String... more) {
        List<String> cmd = new ArrayList<>(List.of(NGINX.toString(), "-p", conf.getParent().toString(), "-e", conf.getParent().resolve("error.log").toString(),
                "-c", conf.toString()));
        cmd.addAll(List.of(more));
        return cmd;
    }

    /** Request id → every upstream address nginx tried for it, in order. */
    static Map<String, List<String>> upstreams(Path accessLog) throws Exception {
        Pattern p = Pattern.compile("rid=(\\S+) upstream=\\[([^\\]]*)\\]");
        Map<String, List<String>> tried = new HashMap<>();
        for (String line : Files.readAllLines(accessLog, StandardCharsets.UTF_8)) {
            Matcher m = p.matcher(line);
            if (m.find()) tried.put(m.group(1), List.of(m.group(2).split(",\\s*")));
        }
        return tried;
    }

    static void awaitPing(HttpClient http, String base, ServeProcess nginx) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/$/ping")).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) return;
            } catch (java.io.IOException notYet) {
                // nginx is still starting
            }
            if (!nginx.isAlive() || System.nanoTime() > deadline) fail("nginx did not answer /$/ping through to a replica:\n" + nginx.output());
            Thread.sleep(100);
        }
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
