package org.treatygraph.serve;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.jena.dboe.base.file.ProcessFileLock;
import org.treatygraph.core.Progress;

/**
 * The store directory (`serve --db DIR`, default run/tdb2): generations of the store, each one build's TDB2
 * database and dumps, and a pointer to the one being served.
 * <pre>
 *   lock      taken before anything here is read, held for the server's life (it names the holder's pid)
 *   current   the name of the generation being served, replaced in one step (written beside, then moved)
 *   gen-N/    tdb2/ (the TDB2 database), dumps/ (the dumps of the same build), fingerprint (what it was
 *             built from; written last, so a generation without it is incomplete)
 * </pre>
 * A rebuild ({@link Rebuild}) makes a new generation beside the current one and moves the pointer only when
 * it is complete. Other generations (superseded, or left incomplete by a kill) are removed after a switch
 * and at each start, unless a process has their TDB2 database open.
 */
final class Store implements AutoCloseable {
    private static final String LOCK = "lock", CURRENT = "current", GEN = "gen-";

    /**
     * The directories this JVM holds. Closing any channel on a file drops every lock this process has on it,
     * so a second claim from the same JVM is refused here, without opening the lock file.
     */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path dir;
    private final FileChannel channel;   // open for the server's life: its lock is the claim on the directory

    /** One generation: a build's store and dumps. */
    record Generation(Path dir) {
        Path tdb2() {
            return dir.resolve("tdb2");
        }

        Path dumps() {
            return dir.resolve("dumps");
        }

        Path fingerprintFile() {
            return dir.resolve("fingerprint");
        }

        String name() {
            return dir.getFileName().toString();
        }

        /** What it was built from, or null while it is incomplete. */
        String fingerprint() throws IOException {
            return Files.exists(fingerprintFile()) ? Files.readString(fingerprintFile(), StandardCharsets.UTF_8).strip() : null;
        }

        /** When it was completed: its fingerprint, written last, is never rewritten, so restarts agree. */
        java.time.Instant builtAt() throws IOException {
            return Files.getLastModifiedTime(fingerprintFile()).toInstant();
        }

        /** Its name and when it was completed, for messages. */
        String describe() throws IOException {
            return name() + ", built " + Files.getLastModifiedTime(fingerprintFile()).toInstant().toString().replaceFirst("\\.\\d+Z$", "Z");
        }

        private int number() {
            return Integer.parseInt(name().substring(GEN.length()));
        }
    }

    private Store(Path dir, FileChannel channel) {
        this.dir = dir;
        this.channel = channel;
    }

    /** Claims the directory for this server, or says who holds it. Nothing in it is read before this. */
    static Store lock(Path dir) throws IOException {
        Path d = dir.toAbsolutePath().normalize();
        if (!HELD.add(d)) throw inUse(d, "this process");
        FileChannel ch = null;
        try {
            Files.createDirectories(d);
            ch = FileChannel.open(d.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = ch.tryLock();
            if (lock == null) throw inUse(d, "process " + Files.readString(d.resolve(LOCK), StandardCharsets.UTF_8).strip());
            ch.truncate(0).write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)));
            ch.force(true);
            return new Store(d, ch);
        } catch (IOException | RuntimeException e) {
            if (ch != null) ch.close();   // this process holds no other lock on the file (HELD), so none is lost
            HELD.remove(d);
            throw e;
        }
    }

    private static IOException inUse(Path dir, String holder) {
        return new IOException(dir + " is in use by another treaty-graph server (" + holder + "; see " + dir.resolve(LOCK)
                + "); nothing was changed. Stop that server first, or give this one its own --db.");
    }

    Path dir() {
        return dir;
    }

    /** True when the directory still holds a store of the earlier layout (one TDB2 database right here). */
    boolean holdsEarlierLayout() {
        return Files.exists(dir.resolve("tdb.lock")) || Files.isDirectory(dir.resolve("Data-0001"));
    }

    /** The generation being served, or null when there is none complete (a first start, or no rebuild finished yet). */
    Generation current() throws IOException {
        Path pointer = dir.resolve(CURRENT);
        if (!Files.exists(pointer)) return null;
        Generation g = new Generation(dir.resolve(Files.readString(pointer, StandardCharsets.UTF_8).strip()));
        return g.fingerprint() != null && Files.isDirectory(g.tdb2()) && Files.isDirectory(g.dumps()) ? g : null;
    }

    /** A new, empty generation, numbered after every one there. */
    Generation create() throws IOException {
        int next = generations().stream().mapToInt(Generation::number).max().orElse(0) + 1;
        return new Generation(Files.createDirectory(dir.resolve(GEN + next)));
    }

    /** Marks a generation complete: its fingerprint is the last thing written into it. */
    static void complete(Generation g, String fingerprint) throws IOException {
        writeDurably(g.fingerprintFile(), fingerprint + "\n");
    }

    /** Points `current` at a complete generation: written beside, then moved over the old pointer in one step. */
    void switchTo(Generation g) throws IOException {
        Path tmp = dir.resolve(CURRENT + ".tmp");
        writeDurably(tmp, g.name() + "\n");
        Files.move(tmp, dir.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncDirectory();
    }

    /** Removes every generation but {@code keep} (may be null), unless a process has its store open. */
    void removeOthers(Generation keep, Progress progress) throws IOException {
        for (Generation g : generations()) {
            if (g.equals(keep)) continue;
            if (!Files.isDirectory(g.tdb2())) {   // killed before its store was made
                deleteTree(g.dir());
                continue;
            }
            // TDB2's own lock: the same ProcessFileLock a store opened in this JVM holds, so that one counts too.
            ProcessFileLock lock = ProcessFileLock.create(g.tdb2().resolve("tdb.lock").toString());
            boolean free;
            try {
                free = lock.tryLock();
            } catch (RuntimeException heldHere) {
                progress.step("keeping " + g.dir() + ": its store is open in this process");
                continue;   // not released: that would close the channel the holder's lock lives on
            }
            try {
                if (free) deleteTree(g.dir());
                else progress.step("keeping " + g.dir() + ": another process has its store open");
            } finally {
                if (free) lock.unlock();
                ProcessFileLock.release(lock);
            }
        }
    }

    private List<Generation> generations() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().matches(GEN + "\\d+") && Files.isDirectory(p)).map(Generation::new)
                    .sorted(Comparator.comparingInt(Generation::number)).toList();
        }
    }

    /** Free space where the generations are, for the caller's purposes. */
    long usableSpace() throws IOException {
        return Files.getFileStore(dir).getUsableSpace();
    }

    /** Gives up the claim on the directory. */
    @Override
    public void close() {
        try {
            channel.close();   // releases the lock
        } catch (IOException e) {
            // the process is letting go of it either way
        } finally {
            HELD.remove(dir);
        }
    }

    /** Written and forced to disk, so what a kill or power cut leaves is either the old file or this one. */
    private static void writeDurably(Path file, String text) throws IOException {
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            c.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
            c.force(true);
        }
    }

    /** Makes the rename durable before older generations go; systems that cannot open a directory skip it. */
    private void syncDirectory() {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException notPossibleHere) {
            // e.g. Windows: the move is then as durable as the file system makes it
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
