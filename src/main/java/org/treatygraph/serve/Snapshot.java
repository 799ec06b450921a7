package org.treatygraph.serve;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.treatygraph.convert.GraphBuilder;
import org.treatygraph.convert.Project;
import org.treatygraph.convert.TreatyGraph;
import org.treatygraph.core.Progress;
import org.treatygraph.serve.Store.Generation;

/**
 * A published store snapshot: one build's TDB2 database and dumps as a directory that replicas start from
 * (`treaty-graph snapshot --out DIR`, then `serve --snapshot DIR` on each replica).
 * <pre>
 *   tdb2/        the TDB2 database, closed
 *   dumps/       the dumps of the same build
 *   fingerprint  what it was built from (inputs and code); its modification time is the build's Last-Modified
 *   SHA256SUMS   every file above (`sha256sum -c SHA256SUMS` checks it); written last
 * </pre>
 * It is a store generation ({@link Store}) with checksums. TDB2 lets one JVM at a time open a database, so a
 * replica never opens the snapshot itself: it copies it, checking every file, into its own store directory as
 * a generation, and serves that. The copy keeps the fingerprint's time, so every replica sends the same ETag
 * and Last-Modified, and a balancer's clients revalidate against any of them.
 */
public final class Snapshot {
    static final String SUMS = "SHA256SUMS";
    private static final String FINGERPRINT = "fingerprint";
    /** TDB2's own lock file: it belongs to the process that had the database open, never to a copy. */
    private static final String TDB_LOCK = "tdb.lock";

    private Snapshot() {}

    /**
     * Builds the graph and writes it as a snapshot to {@code out}: made beside {@code out} and moved there in
     * one step when complete, so a failure leaves nothing at {@code out}. A snapshot is written once: when
     * {@code out} already holds the snapshot of this very build (inputs and code) there is nothing to do, and
     * when it holds anything else it is left alone and this is an error.
     */
    public static void write(Project project, Path out, long keepFree, Progress progress) throws IOException {
        Path target = out.toAbsolutePath().normalize();
        if (Files.exists(target)) {
            Path fp = target.resolve(FINGERPRINT);
            if (Files.isRegularFile(target.resolve(SUMS)) && Files.isRegularFile(fp)
                    && Files.readString(fp, StandardCharsets.UTF_8).strip().equals(Fingerprint.of(project))) {
                progress.step(target + " already holds the snapshot of this build; nothing to do");
                return;
            }
            throw new IOException(target + " already exists and is not the snapshot of this build: a snapshot is written once, to a new "
                    + "directory (one named for the release, say); nothing was changed");
        }
        Path parent = Files.createDirectories(target.getParent());
        TreatyGraph graph = new GraphBuilder(project, progress).build();
        Path work = Files.createTempDirectory(parent, "." + target.getFileName() + ".partial-");
        try {
            Generation g;
            try (Store store = Store.lock(work)) {
                Rebuild.NewGeneration loaded = Rebuild.load(store, graph, Fingerprint.of(project), keepFree, progress);
                Rebuild.finish(loaded, graph, java.time.Instant.now(), project.wikidataCacheDir(), progress);
                g = loaded.gen();
            }
            Files.deleteIfExists(g.tdb2().resolve(TDB_LOCK));
            writeSums(g.dir());
            Files.move(g.dir(), target, StandardCopyOption.ATOMIC_MOVE);
            progress.step("wrote the snapshot " + target);
        } finally {
            Store.deleteTree(work);
        }
    }

    /**
     * Makes the snapshot the store's current generation: copied and checked file by file, unless the current
     * generation already is that build. The snapshot must be of the inputs and code this server runs
     * ({@code fingerprint}), since the pages read the sources and ontology from the project beside it.
     */
    static Generation install(Store store, Path snapshot, String fingerprint, long keepFree, Progress progress) throws IOException {
        Path from = snapshot.toAbsolutePath().normalize();
        Path sums = from.resolve(SUMS);
        if (!Files.isRegularFile(sums)) {
            throw new IOException(from + " is not a complete snapshot (it has no " + SUMS + "): make one with `treaty-graph snapshot --out DIR`");
        }
        List<Entry> entries = readSums(sums);
        Path fp = from.resolve(FINGERPRINT);
        if (entries.stream().noneMatch(e -> e.path().equals(FINGERPRINT)) || !Files.isRegularFile(fp)) {
            throw new IOException(from + " is not a complete snapshot: " + SUMS + " lists no " + FINGERPRINT);
        }
        String built = Files.readString(fp, StandardCharsets.UTF_8).strip();
        if (!built.equals(fingerprint)) {
            throw new IOException(from + " was built from other inputs or by another jar than this server (the snapshot's fingerprint "
                    + abbrev(built) + ", this server's " + abbrev(fingerprint) + "): start the replica with the image or jar and project "
                    + "the snapshot was made with, or make a new snapshot with this one");
        }
        FileTime builtAt = Files.getLastModifiedTime(fp);
        Generation current = store.current();
        if (current != null && built.equals(current.fingerprint()) && builtAt.equals(Files.getLastModifiedTime(current.fingerprintFile()))) {
            progress.step("the store " + store.dir() + " already holds the snapshot " + from + " (" + current.name() + ")");
            store.removeOthers(current, progress);
            return current;
        }
        long needed = 0;
        for (Entry e : entries) {
            if (!Files.isRegularFile(e.in(from))) {
                throw new IOException(from + " is not a complete snapshot: " + e.path() + ", listed in " + SUMS + ", is missing; copy it again");
            }
            needed += Files.size(e.in(from));   // at most: the holes in TDB2's files stay holes in the copy
        }
        long free = store.usableSpace();
        if (free < needed + keepFree) {
            throw new IOException("not enough space in " + store.dir() + " for the snapshot " + from + ": it takes at most " + mib(needed)
                    + (keepFree > 0 ? " and --keep-free asks for " + mib(keepFree) + " to stay free" : "") + ", but " + mib(free) + " are free");
        }
        progress.step("copying the snapshot " + from + " (" + mib(needed) + " with the holes in its files, which stay holes) into " + store.dir());
        Generation g = store.create();
        try {
            // The fingerprint last: a generation without it is incomplete, and removed at the next start.
            for (Entry e : entries) if (!e.path().equals(FINGERPRINT)) copyChecked(from, e, g.dir());
            copyChecked(from, entries.stream().filter(e -> e.path().equals(FINGERPRINT)).findFirst().orElseThrow(), g.dir());
            Files.setLastModifiedTime(g.fingerprintFile(), builtAt);
        } catch (IOException | RuntimeException e) {
            Store.deleteTree(g.dir());
            throw e;
        }
        store.switchTo(g);
        progress.step("switched " + store.dir() + " to " + g.name() + ", a copy of " + from);
        store.removeOthers(g, progress);
        return g;
    }

    /** A line of SHA256SUMS: the checksum and the path, relative to the snapshot, with '/' between names. */
    private record Entry(String sha256, String path) {
        Path in(Path root) {
            return root.resolve(path);
        }
    }

    private static void writeSums(Path dir) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
                String rel = dir.relativize(f).toString().replace(f.getFileSystem().getSeparator(), "/");
                try (InputStream in = Files.newInputStream(f)) {
                    lines.add(hex(digest(in)) + "  " + rel);
                }
            }
        }
        Path tmp = dir.resolve(SUMS + ".tmp");
        try (FileChannel c = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            c.write(java.nio.ByteBuffer.wrap((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8)));
            c.force(true);
        }
        Files.move(tmp, dir.resolve(SUMS), StandardCopyOption.ATOMIC_MOVE);
    }

    private static List<Entry> readSums(Path sums) throws IOException {
        List<Entry> entries = new ArrayList<>();
        int n = 0;
        for (String line : Files.readAllLines(sums, StandardCharsets.UTF_8)) {
            n++;
            if (line.isBlank()) continue;
            var m = java.util.regex.Pattern.compile("([0-9a-f]{64}) [ *](\\S.*)").matcher(line);
            // Only plain relative paths inside the snapshot: a damaged or doctored list never writes elsewhere.
            if (!m.matches() || m.group(2).startsWith("/") || List.of(m.group(2).split("/")).stream().anyMatch(p -> p.isEmpty() || p.equals("..") || p.equals("."))) {
                throw new IOException(sums + ":" + n + ": not a line of the form '<sha256>  <relative path>'");
            }
            entries.add(new Entry(m.group(1), m.group(2)));
        }
        return entries;
    }

    /**
     * Copies one file, checking its checksum on the way, and forces it to disk. Blocks of zeros are left as
     * holes: TDB2 allocates its index files 8 MiB at a time, so a copy that wrote them would take five times
     * the disk (210 MiB for the 40 MiB the bundled data's snapshot occupies).
     */
    private static void copyChecked(Path from, Entry e, Path to) throws IOException {
        Path src = e.in(from), dst = e.in(to);
        Files.createDirectories(dst.getParent());
        MessageDigest md = sha256();
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(64 << 10);
        try (FileChannel in = FileChannel.open(src, StandardOpenOption.READ);
             FileChannel out = FileChannel.open(dst, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.SPARSE)) {
            long at = 0;
            while (true) {
                buf.clear();
                int n = in.read(buf);
                if (n < 0) break;
                buf.flip();
                md.update(buf.duplicate());
                if (!zeros(buf)) {
                    while (buf.hasRemaining()) out.write(buf, at + buf.position());
                }
                at += n;
            }
            if (out.size() < at) {   // a file that ends in a hole: its length, without writing the zeros
                out.position(at - 1).write(java.nio.ByteBuffer.wrap(new byte[1]));
            }
            out.force(true);
        }
        if (!hex(md.digest()).equals(e.sha256())) {
            throw new IOException(src + " does not match its checksum in " + from.resolve(SUMS) + ": the snapshot is damaged; copy it again");
        }
    }

    private static boolean zeros(java.nio.ByteBuffer b) {
        for (int i = b.position(); i < b.limit(); i++) if (b.get(i) != 0) return false;
        return true;
    }

    private static byte[] digest(InputStream in) throws IOException {
        MessageDigest md = sha256();
        try (InputStream d = new DigestInputStream(in, md)) {
            d.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return md.digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    private static String abbrev(String fingerprint) {
        return fingerprint.length() > 12 ? fingerprint.substring(0, 12) + "…" : fingerprint;
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%,.1f MiB", bytes / (1024.0 * 1024.0));
    }
}
