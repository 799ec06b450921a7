package org.treatygraph.serve;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.treatygraph.TestProjects;
import org.treatygraph.convert.Project;
import org.treatygraph.core.Progress;

/**
 * A published snapshot and the replicas that serve copies of it (`snapshot --out`, `serve --snapshot`): what
 * a replica serves is the snapshot's build with its time, and a damaged snapshot, one of another build, or a
 * second write over one, is refused with a message and leaves nothing served or changed. The replicas behind a
 * balancer are ReplicaIT's.
 */
class SnapshotTest {
    @TempDir Path dir;

    static TreatyServer replica(Project p, Path snapshot, Path db, StringWriter log) throws IOException {
        return TreatyServer.start(new TreatyServer.Options(p, StoreTest.CONFIG, db, 0, "/", TreatyServer.LOOPBACK, 3, java.util.List.of(),
                0, null, snapshot), new Progress(new PrintWriter(log, true)));
    }

    @Test
    void aReplicaServesACopyOfTheSnapshotWithItsBuildTimeAndReusesItOnRestart() throws Exception {
        Project p = TestProjects.scratch(dir.resolve("p"), TestProjects.VALID);
        Path snap = dir.resolve("releases/r1");
        Snapshot.write(p, snap, 0, Progress.SILENT);
        assertTrue(Files.isRegularFile(snap.resolve("SHA256SUMS")) && Files.isDirectory(snap.resolve("tdb2")) && Files.isDirectory(snap.resolve("dumps")));
        assertFalse(Files.exists(snap.resolve("tdb2/tdb.lock")), "no process's lock is published");
        try (Stream<Path> s = Files.list(dir.resolve("releases"))) {
            assertEquals(1, s.count(), "nothing left beside the snapshot");
        }
        // Written once: the same build again is nothing to do; anything else there is refused.
        Snapshot.write(p, snap, 0, Progress.SILENT);
        StoreTest.records(p, StoreTest.B, false);
        IOException other = assertThrows(IOException.class, () -> Snapshot.write(p, snap, 0, Progress.SILENT));
        assertTrue(other.getMessage().contains("is not the snapshot of this build"), other.getMessage());
        StoreTest.records(p, StoreTest.A, false);

        Path db = dir.resolve("replica");
        StringWriter log = new StringWriter();
        try (TreatyServer server = replica(p, snap, db, log)) {
            assertEquals(StoreTest.A, StoreTest.served(server.url()));
            assertTrue(log.toString().contains("a copy of " + snap), log.toString());
            assertFalse(log.toString().contains("building the graph"), "a replica never builds: " + log);
        }
        Store.Generation copy = new Store.Generation(db.resolve(Files.readString(db.resolve("current")).strip()));
        assertEquals(Files.getLastModifiedTime(snap.resolve("fingerprint")), Files.getLastModifiedTime(copy.fingerprintFile()),
                "the copy keeps the build's time: every replica's Last-Modified is the same");
        StringWriter again = new StringWriter();
        try (TreatyServer server = replica(p, snap, db, again)) {
            assertEquals(StoreTest.A, StoreTest.served(server.url()));
            assertTrue(again.toString().contains("already holds the snapshot"), again.toString());
        }
    }

    @Test
    void aDamagedSnapshotOrOneOfAnotherBuildIsRefusedAndNothingIsServed() throws Exception {
        Project p = TestProjects.scratch(dir.resolve("p"), TestProjects.VALID);
        Path snap = dir.resolve("snap");
        Snapshot.write(p, snap, 0, Progress.SILENT);

        Path damaged = dir.resolve("damaged");
        copyTree(snap, damaged);
        Path ttl = damaged.resolve("dumps/treaty-graph.ttl");
        Files.writeString(ttl, Files.readString(ttl).replace(StoreTest.A, StoreTest.B));
        IOException e = assertThrows(IOException.class, () -> replica(p, damaged, dir.resolve("r1"), new StringWriter()).close());
        assertTrue(e.getMessage().contains(ttl + " does not match its checksum"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("r1/current")), "nothing is served from a damaged copy");
        try (Stream<Path> s = Files.list(dir.resolve("r1"))) {
            assertTrue(s.noneMatch(f -> f.getFileName().toString().startsWith("gen-")), "the incomplete copy is removed");
        }

        Files.delete(damaged.resolve("dumps/void.ttl"));
        e = assertThrows(IOException.class, () -> replica(p, damaged, dir.resolve("r1"), new StringWriter()).close());
        assertTrue(e.getMessage().contains("dumps/void.ttl, listed in SHA256SUMS, is missing"), e.getMessage());

        Files.delete(damaged.resolve("SHA256SUMS"));
        e = assertThrows(IOException.class, () -> replica(p, damaged, dir.resolve("r2"), new StringWriter()).close());
        assertTrue(e.getMessage().contains("is not a complete snapshot"), e.getMessage());

        StoreTest.records(p, StoreTest.B, false);   // the replica's project is no longer the one the snapshot was built from
        e = assertThrows(IOException.class, () -> replica(p, snap, dir.resolve("r3"), new StringWriter()).close());
        assertTrue(e.getMessage().contains("was built from other inputs or by another jar"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("r3/current")));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path f : s.toList()) {
                Path t = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(t);
                else Files.copy(f, t, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }
}
