package org.treatygraph.serve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.treatygraph.convert.Project;
import org.treatygraph.core.Hashing;

/**
 * Whether the store under run/ holds the current build: a fingerprint of every input file (ontology,
 * shapes, rules, sources, records) and of the code that converted them is written beside the store after
 * a successful load, and compared at the next start. A new jar rebuilds a store an old converter loaded.
 */
final class Store {
    private final Project project;
    private final Path db;
    private final String code;

    Store(Project project, Path db) {
        this(project, db, Code.CHECKSUM);
    }

    /** @param code what identifies the code (the jar's checksum); tests give their own */
    Store(Project project, Path db, String code) {
        this.project = project;
        this.db = db;
        this.code = code;
    }

    /** The checksum of the running code: the jar's bytes, or of the class files when run from target/classes. */
    private static final class Code {
        static final String CHECKSUM = codeChecksum();   // computed once, on first use
    }

    private static String codeChecksum() {
        try {
            Path where = Path.of(Store.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            if (Files.isRegularFile(where)) return Hashing.sha256(Files.readAllBytes(where));
            try (Stream<Path> s = Files.walk(where)) {
                for (Path p : s.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                    md.update(where.relativize(p).toString().getBytes(StandardCharsets.UTF_8));
                    md.update(Files.readAllBytes(p));
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the running code to fingerprint the store", e);
        }
    }

    Path fingerprintFile() {
        return db.resolveSibling(db.getFileName() + ".fingerprint");
    }

    /** True when the store exists and was loaded from exactly the current inputs. */
    boolean isCurrent() throws IOException {
        Path f = fingerprintFile();
        return Files.isDirectory(db) && Files.exists(f) && Files.readString(f, StandardCharsets.UTF_8).strip().equals(fingerprint());
    }

    void markCurrent() throws IOException {
        Files.writeString(fingerprintFile(), fingerprint() + "\n", StandardCharsets.UTF_8);
    }

    /** Removes the store and its fingerprint (before a rebuild). */
    void delete() throws IOException {
        Files.deleteIfExists(fingerprintFile());
        if (!Files.exists(db)) return;
        try (Stream<Path> s = Files.walk(db)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    /** SHA-256 over the code's checksum and the names and contents of every input file, in a fixed order. */
    String fingerprint() throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(code.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            for (Path dir : List.of(project.root().resolve("ontology"), project.root().resolve("data"))) {
                if (!Files.isDirectory(dir)) continue;
                try (Stream<Path> s = Files.walk(dir)) {
                    for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                        md.update(project.root().relativize(p).toString().getBytes(StandardCharsets.UTF_8));
                        md.update((byte) 0);
                        md.update(Files.readAllBytes(p));
                    }
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
