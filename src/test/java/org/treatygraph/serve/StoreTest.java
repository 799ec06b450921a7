package org.treatygraph.serve;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.treatygraph.ServeProcess;
import org.treatygraph.TestProjects;
import org.treatygraph.convert.Project;
import org.treatygraph.core.Progress;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The store directory under real processes and real disks: a second server on a held store is refused, and a
 * rebuild that is killed, meets broken data or fills the disk leaves the previous build serving, its dumps
 * with it.
 */
class StoreTest {
    static final Path CONFIG = Path.of("fuseki-config/treaty-graph.ttl").toAbsolutePath();
    static final HttpClient http = HttpClient.newHttpClient();
    /** Two builds told apart by one label, and a bad edit (a quote the source does not have). */
    static final String A = "Soviet–Persian Treaty of Friendship", B = "Soviet–Persian Treaty";
    static final String BROKEN_RECORD = """
        - id: polity/nowhere
          type: State
          label: Nowhere
          cite: [{source: "000", quote: "a sentence the source does not contain"}]
        """;

    @TempDir Path dir;

    static void records(Project p, String label, boolean broken) throws IOException {
        Files.writeString(p.recordsDir().resolve("test.yaml"), TestProjects.VALID.replace("label: " + A, "label: " + label) + (broken ? BROKEN_RECORD : ""));
    }

    static TreatyServer start(Project p, Path db, StringWriter log) throws IOException {
        return TreatyServer.start(new TreatyServer.Options(p, CONFIG, db, 0, "/", TreatyServer.LOOPBACK, 3), new Progress(new PrintWriter(log, true)));
    }

    /** The treaty's label as the server's SPARQL endpoint answers it, after checking its dumps are of the same build. */
    static String served(String url) throws Exception {
        String q = "SELECT ?l { <https://w3id.org/treaty-graph/id/agreement/soviet-persian-treaty-1921> <http://www.w3.org/2000/01/rdf-schema#label> ?l }";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "treaties/sparql?query=" + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                .header("Accept", "text/csv").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        String label = r.body().lines().skip(1).findFirst().orElse("(none: the store does not have the treaty)").strip();
        String dump = http.send(HttpRequest.newBuilder(URI.create(url + "dumps/treaty-graph.ttl")).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(dump.contains("\"" + label + "\"@en"), "the dumps at /dumps are of the build the store holds (" + label + ")");
        return label;
    }

    static String[] serveArgs(Project p, Path db, String... more) {
        List<String> args = new ArrayList<>(List.of("serve", "--project", p.root().toString(), "--db", db.toString(), "--port", "0", "--config", CONFIG.toString()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    /** Every file under the directory with its size and modification time. */
    static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) files.put(root.relativize(f).toString(), Files.size(f) + " " + Files.getLastModifiedTime(f));
        }
        return files;
    }

    static List<String> generations(Path db) throws IOException {
        try (Stream<Path> s = Files.list(db)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("gen-")).sorted().toList();
        }
    }

    /** A scratch project whose first build (A) was made in db and served once. */
    Project builtOnce(Path db) throws Exception {
        Project p = TestProjects.scratch(dir.resolve("p"), TestProjects.VALID);
        try (TreatyServer s = start(p, db, new StringWriter())) {
            assertEquals(A, served(s.url()));
        }
        return p;
    }

    /** Waits for a command that must fail: its exit status, and a message, never a stack trace. */
    static String failed(ServeProcess process, int exit) throws InterruptedException {
        assertEquals(exit, process.exit(), process.output());
        assertFalse(process.output().contains("\tat "), "no stack trace: " + process.output());
        return process.output();
    }

    @Test
    void aSecondServeOnAHeldStoreIsRefusedAndTheFirstServersDataIsUntouched() throws Exception {
        Project p = TestProjects.scratch(dir.resolve("p"), TestProjects.VALID);
        Path db = dir.resolve("run/tdb2");
        try (TreatyServer first = start(p, db, new StringWriter())) {
            assertEquals(A, served(first.url()));
            Map<String, String> before = snapshot(db);
            records(p, B, false);   // changed inputs: the case that used to delete the live store
            try (ServeProcess second = ServeProcess.treatyGraph(List.of(), List.of(), serveArgs(p, db))) {
                String out = failed(second, 2);
                assertTrue(out.contains("error: " + db + " is in use by another treaty-graph server (process "
                        + ProcessHandle.current().pid() + "; see " + db.resolve("lock") + "); nothing was changed."), out);
            }
            // A second server in this JVM is refused alike (its lock is this process's own).
            IOException again = assertThrows(IOException.class, () -> start(p, db, new StringWriter()));
            assertTrue(again.getMessage().contains("is in use by another treaty-graph server (this process"), again.getMessage());
            assertEquals(before, snapshot(db), "nothing in the store directory changed");
            assertEquals(A, served(first.url()), "the first server answers from its own build");
        }
        // Once the first is stopped, the directory is free again.
        try (TreatyServer next = start(p, db, new StringWriter())) {
            assertEquals(B, served(next.url()));
        }
    }

    @Test
    void killedAtEachStepOfARebuildThenRestartedWithBrokenDataTheLastCompleteBuildServes() throws Exception {
        Path db = dir.resolve("run/tdb2");
        Project p = builtOnce(db);
        for (String step : Rebuild.STEPS) {
            records(p, B, false);
            try (ServeProcess rebuild = ServeProcess.treatyGraph(List.of(), List.of("-Dtreatygraph.pauseAt=" + step), serveArgs(p, db))) {
                rebuild.await("paused at " + step);
                rebuild.kill9();
            }
            // Killed after the switch, the new build is the complete one; before it, the previous one is.
            String complete = step.equals("cleanup") ? B : A;
            records(p, B, true);
            StringWriter log = new StringWriter();
            try (TreatyServer s = start(p, db, log)) {
                assertEquals(complete, served(s.url()), "killed before " + step + ":\n" + log);
                assertTrue(log.toString().contains("data/records/test.yaml:") && log.toString().contains("1 problem(s) in the inputs: serving the previous build (gen-"),
                        "says where the problem is and what it serves: " + log);
                assertTrue(s.stale().startsWith("1 problem(s) in the inputs: serving the previous build"), s.stale());
            }
            assertEquals(1, generations(db).size(), "what the kill left is removed at the next start: " + generations(db));
        }
        // Fixed data builds anew over whatever the kills left.
        records(p, A, false);
        try (TreatyServer s = start(p, db, new StringWriter())) {
            assertEquals(A, served(s.url()));
            assertNull(s.stale());
        }
        assertEquals(List.of(Files.readString(db.resolve("current")).strip()), generations(db), "one generation, the current one");
    }

    /** A first start of a fresh project into run/tdb2, stopped before a step of its rebuild ({@code Rebuild.pauseAt}). */
    private ServeProcess firstStartPausedAt(String step, String waitOption) throws Exception {
        Project p = TestProjects.scratch(dir.resolve("p"), TestProjects.VALID);
        ServeProcess serve = ServeProcess.treatyGraph(List.of(), List.of("-Dtreatygraph.pauseAt=" + step, waitOption), serveArgs(p, dir.resolve("run/tdb2")));
        try {
            serve.await("paused at " + step);
        } catch (AssertionError | InterruptedException e) {
            serve.close();
            throw e;
        }
        return serve;
    }

    /**
     * A fresh build's server listens while its store loads, and every request, ping too, waits at its gate: past the
     * wait it is told to come back, and nothing is ever answered from the store half-loaded. Once the store is
     * committed, the same server answers from it.
     */
    @Test
    void aFreshBuildListensWhileItsStoreLoadsAndARequestMeanwhileWaitsAndNeverSeesItHalfLoaded() throws Exception {
        Path db = dir.resolve("run/tdb2");
        try (ServeProcess serve = firstStartPausedAt("commit", "-Dtreatygraph.startWaitSeconds=2")) {   // every quad given to the loader, none committed
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("listening at (\\S+); requests wait until the new build")
                    .matcher(serve.await("requests wait until the new build"));
            assertTrue(m.find(), serve.output());
            String url = m.group(1);
            String ask = "treaties/sparql?query=" + URLEncoder.encode("ASK { <https://w3id.org/treaty-graph/id/agreement/soviet-persian-treaty-1921> ?p ?o }",
                    StandardCharsets.UTF_8);
            for (String path : List.of("$/ping", ask, "id/agreement/soviet-persian-treaty-1921")) {
                long t0 = System.nanoTime();
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + path)).header("Accept", "application/sparql-results+json").build(),
                        HttpResponse.BodyHandlers.ofString());
                long waited = java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
                assertEquals(503, r.statusCode(), path + ": " + r.body());
                assertEquals("5", r.headers().firstValue("Retry-After").orElse(""), path);
                assertEquals("The server is loading its store: try again in 5 s.\n", r.body(), path);
                assertTrue(waited >= 1900, path + " was held for the wait (2 s), not refused at once: " + waited + " ms");
            }
            assertFalse(Files.exists(db.resolve("current")), "nothing current while the store loads");
            serve.send("");   // let it commit
            assertEquals(url, serve.url(), "the same server, now answering");
            HttpResponse<String> ping = http.send(HttpRequest.newBuilder(URI.create(url + "$/ping")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, ping.statusCode(), ping.body());
            HttpResponse<String> yes = http.send(HttpRequest.newBuilder(URI.create(url + ask)).header("Accept", "application/sparql-results+json").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, yes.statusCode(), yes.body());
            assertTrue(yes.body().contains("true"), "the loaded store answers: " + yes.body());
            serve.await("switched " + db + " to gen-1");
            assertEquals(A, served(url));
        }
    }

    /**
     * A first start answers from its store before its dumps are written: a dump asked for meanwhile waits for
     * them, and past the wait is told to come back; the generation is current only once they are in place.
     */
    @Test
    void aFreshBuildAnswersBeforeItsDumpsAndADumpAskedMeanwhileWaitsOrIsToldToComeBack() throws Exception {
        Path db = dir.resolve("run/tdb2");
        try (ServeProcess serve = firstStartPausedAt("dumps", "-Dtreatygraph.dumpsWaitSeconds=1")) {
            String url = serve.url();
            String q = "ASK { <https://w3id.org/treaty-graph/id/agreement/soviet-persian-treaty-1921> ?p ?o }";
            HttpResponse<String> ask = http.send(HttpRequest.newBuilder(URI.create(url + "treaties/sparql?query=" + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                    .header("Accept", "application/sparql-results+json").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, ask.statusCode(), ask.body());
            assertTrue(ask.body().contains("true"), "the store answers: " + ask.body());
            for (String path : List.of("dumps/treaty-graph.ttl", "dumps/", ".well-known/void")) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + path)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(503, r.statusCode(), path + ": " + r.body());
                assertEquals("5", r.headers().firstValue("Retry-After").orElse(""), path);
                assertTrue(r.body().contains("The dumps of this build are being written: try again in 5 s."), r.body());
            }
            assertFalse(Files.exists(db.resolve("current")), "not current before its dumps are in place");
            assertEquals(List.of(), Files.list(db.resolve("gen-1")).map(f -> f.getFileName().toString()).filter(n -> n.contains("dumps")).toList(),
                    "no dumps, not even half-written ones");
            serve.send("");   // let it write them
            serve.await("switched " + db + " to gen-1");
            assertEquals(A, served(url));
            assertEquals("gen-1", Files.readString(db.resolve("current")).strip());
        }
    }

    @Test
    void brokenDataIsAnErrorWithNoEarlierBuildAndOtherwiseThePreviousBuildServesWithANote() throws Exception {
        Project p = TestProjects.scratch(dir.resolve("p"), TestProjects.VALID);
        records(p, A, true);
        Path db = dir.resolve("run/tdb2");
        try (ServeProcess serve = ServeProcess.treatyGraph(List.of(), List.of(), serveArgs(p, db))) {
            String out = failed(serve, 1);
            assertTrue(out.contains("data/records/test.yaml:") && out.contains("1 problem(s); nothing was written."), out);
        }
        assertEquals(List.of(), generations(db));
        // With a build to fall back on, the server starts on it and says so where a user looks.
        records(p, A, false);
        try (TreatyServer s = start(p, db, new StringWriter())) {
            assertEquals(A, served(s.url()));
        }
        records(p, B, true);
        try (ServeProcess serve = ServeProcess.treatyGraph(List.of(), List.of(), serveArgs(p, db))) {
            assertEquals(A, served(serve.url()));
            String out = serve.await("Ctrl-C stops it.");   // the whole banner
            assertTrue(out.contains("data/records/test.yaml:"), out);
            assertTrue(out.matches("(?s).*\n  NOTE +1 problem\\(s\\) in the inputs: serving the previous build \\(gen-1, built [^)]+\\) until they are fixed\n.*"), out);
            assertFalse(out.contains("\tat "), out);
        }
    }

    /**
     * The SHACL validation of a fresh build runs while its store loads: when it fails, the loaded generation is
     * removed, nothing is switched, and the error is the one the build gives (located), as when it ran first.
     */
    @Test
    void aShaclViolationFoundWhileTheStoreLoadsRemovesTheNewGenerationAndThePreviousBuildServes() throws Exception {
        String violating = Files.readString(Path.of("src/test/resources/bad-input/13-shacl-violation/records.yaml"));
        String expected = "data/records/test.yaml:24:7: error: SHACL: focus node change/batumi-nowhere";
        Project fresh = TestProjects.scratch(dir.resolve("fresh"), violating);
        Path freshDb = dir.resolve("fresh-run/tdb2");
        try (ServeProcess serve = ServeProcess.treatyGraph(List.of(), List.of(), serveArgs(fresh, freshDb))) {
            String out = failed(serve, 1);
            assertTrue(out.contains(expected) && out.contains("1 problem(s); nothing was written."), out);
        }
        assertEquals(List.of(), generations(freshDb), "the generation loaded beside the validation is removed");

        Path db = dir.resolve("run/tdb2");
        Project p = builtOnce(db);
        Files.writeString(p.recordsDir().resolve("test.yaml"), violating);
        Map<String, String> before = published(db);
        StringWriter log = new StringWriter();
        try (TreatyServer s = start(p, db, log)) {
            assertEquals(A, served(s.url()));
            assertTrue(log.toString().contains("loading the named graphs into the store " + db.resolve("gen-2")), "it loaded beside: " + log);
            assertTrue(log.toString().contains(expected) && log.toString().contains("1 problem(s) in the inputs: serving the previous build (gen-1"), log.toString());
            assertTrue(s.stale().startsWith("1 problem(s) in the inputs: serving the previous build (gen-1"), s.stale());
            assertTrue(s.awaitDumps(), "nothing left to write");
            assertEquals(List.of("gen-1"), generations(db), "the new generation is removed");
        }
        assertEquals(before, published(db), "the previous build's dumps and marks are as they were");
    }

    /** The files of a store directory other than the TDB2 databases (which a server opening them may touch) and the lock. */
    private static Map<String, String> published(Path db) throws IOException {
        Map<String, String> files = snapshot(db);
        files.keySet().removeIf(f -> f.equals("lock") || f.matches("gen-\\d+/tdb2/.*"));
        return files;
    }

    @Test
    void tooLittleFreeSpaceIsAClearErrorAndLeavesThePreviousBuild() throws Exception {
        Path db = dir.resolve("run/tdb2");
        Project p = builtOnce(db);
        Map<String, String> before = snapshot(db);
        records(p, B, false);
        // More than any disk has: the check before writing anything refuses, with the numbers.
        try (ServeProcess serve = ServeProcess.treatyGraph(List.of(), List.of(), serveArgs(p, db, "--keep-free", "1000000000"))) {
            assertTrue(failed(serve, 2).matches("(?s).*error: not enough space for a new build in " + java.util.regex.Pattern.quote(db.toString())
                    + ": it needs about [\\d.,]+ MiB and --keep-free asks for 1,000,000,000\\.0 MiB to stay free, but [\\d.,]+ MiB are free\\. "
                    + "The previous build \\(gen-1, built [^)]+\\) is kept and stays the one served\\..*"), serve.output());
        }
        before.remove("lock");   // rewritten by each process that takes it: the claim, not the store
        Map<String, String> after = snapshot(db);
        after.remove("lock");
        assertEquals(before, after, "the previous build is as it was");
        records(p, A, false);
        StringWriter log = new StringWriter();
        try (TreatyServer s = start(p, db, log)) {
            assertEquals(A, served(s.url()));
            assertTrue(log.toString().contains("opening the store " + db.resolve("gen-1/tdb2")), log.toString());
        }
    }

    /**
     * A real full disk: a 32 MiB tmpfs, mounted in a mount namespace of its own (unshare; the test's servers
     * enter it with nsenter, and the test reads it through /proc/PID/root), gone when the test ends.
     */
    @Test
    void aFullDiskIsAClearErrorAndLeavesThePreviousBuild() throws Exception {
        Project p = TestProjects.scratch(dir.resolve("p"), TestProjects.VALID);
        Path mount = Files.createDirectories(dir.resolve("disk")), db = mount.resolve("tdb2");
        try (ServeProcess holder = ServeProcess.run(List.of("unshare", "--user", "--map-root-user", "--mount", "sh", "-c",
                "mount -t tmpfs -o size=32m tmpfs \"$0\" && echo mounted && exec cat", mount.toString()))) {
            try {
                holder.await("mounted");
            } catch (AssertionError cannot) {
                Assumptions.abort("cannot mount a tmpfs in a user and mount namespace here: " + holder.output());
            }
            List<String> inside = List.of("nsenter", "--target", Long.toString(holder.pid()), "--user", "--mount", "--preserve-credentials");
            Path seen = Path.of("/proc/" + holder.pid() + "/root").resolve(mount.toString().substring(1));   // the tmpfs, from out here
            Path filler = seen.resolve("filler");

            try (ServeProcess first = ServeProcess.treatyGraph(inside, List.of(), serveArgs(p, db, "--keep-free", "0"))) {
                assertEquals(A, served(first.url()));
                first.stop();
            }
            records(p, B, false);

            // Nearly full before the rebuild: the check before writing refuses.
            fill(filler, Files.getFileStore(seen).getUsableSpace() - (1 << 20));
            try (ServeProcess serve = ServeProcess.treatyGraph(inside, List.of(), serveArgs(p, db, "--keep-free", "0"))) {
                assertTrue(failed(serve, 2).matches("(?s).*error: not enough space for a new build in " + java.util.regex.Pattern.quote(db.toString())
                        + ": it needs about [\\d.,]+ MiB, but 1\\.\\d MiB are free\\. The previous build \\(gen-1, built [^)]+\\) is kept.*"), serve.output());
            }
            assertEquals(List.of("gen-1"), generations(seen.resolve("tdb2")));
            Files.delete(filler);

            // Full in the middle of it: the dumps are written, then the disk fills, then the store is loaded. Full
            // to the last block, the load meets "No space left on device"; with a little room, TDB2's memory-mapped
            // indexes meet it (SIGBUS, an InternalError in Java).
            for (long left : List.of(0L, 256L << 10)) {
                try (ServeProcess serve = ServeProcess.treatyGraph(inside, List.of("-Dtreatygraph.pauseAt=load"), serveArgs(p, db, "--keep-free", "0"))) {
                    serve.await("paused at load");
                    fill(filler, left == 0 ? Long.MAX_VALUE : Files.getFileStore(seen).getUsableSpace() - left);
                    serve.send("");
                    assertTrue(failed(serve, 2).contains("error: could not write the new build to " + db.resolve("gen-2") + " (")
                            && serve.output().matches("(?s).*; it needs about [\\d.,]+ MiB, and [\\d.,]+ MiB are free there without it\\. "
                            + "The previous build \\(gen-1, built [^)]+\\) is kept and stays the one served\\..*"), serve.output());
                }
                assertEquals(List.of("gen-1"), generations(seen.resolve("tdb2")), left + " bytes left");
                assertEquals("gen-1", Files.readString(seen.resolve("tdb2/current")).strip());
                Files.delete(filler);
            }

            // The previous build is whole: on its own inputs it opens without a rebuild and answers.
            records(p, A, false);
            try (ServeProcess serve = ServeProcess.treatyGraph(inside, List.of(), serveArgs(p, db, "--keep-free", "0"))) {
                assertEquals(A, served(serve.url()));
                assertTrue(serve.output().contains("opening the store " + db.resolve("gen-1/tdb2")), serve.output());
                serve.stop();
            }
            holder.closeInput();   // the holder ends, and the namespace and its tmpfs with it
            assertEquals(0, holder.exit(), holder.output());
        }
    }

    /** Writes zeros (real blocks, not a sparse file) until {@code bytes} or the disk is full. */
    private static void fill(Path file, long bytes) throws IOException {
        byte[] block = new byte[64 * 1024];
        long written = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            while (written < bytes) {
                int n = (int) Math.min(block.length, bytes - written);
                out.write(block, 0, n);
                written += n;
            }
        } catch (IOException full) {
            if (bytes != Long.MAX_VALUE) throw full;
        }
    }
}
