package org.treatygraph.serve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.treatygraph.convert.Project;
import org.treatygraph.core.Hashing;

/**
 * What a build was made from: a SHA-256 over every input file (ontology, shapes, rules, sources, records)
 * and the code that converted them. A generation of the store keeps the fingerprint it was built from; a
 * new jar rebuilds a store an old converter loaded.
 */
final class Fingerprint {
    private Fingerprint() {}

    /** The checksum of the running code: the jar's bytes, or of the class files when run from target/classes. */
    private static final class Code {
        static final String CHECKSUM = codeChecksum();   // computed once, on first use
    }

    private static String codeChecksum() {
        try {
            Path where = Path.of(Fingerprint.class.getProtectionDomain().getCodeSource().getLocation().toURI());
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

    /** The fingerprint of the project's inputs as the running code converts them. */
    static String of(Project project) throws IOException {
        return of(project, Code.CHECKSUM);
    }

    /** @param code what identifies the code (the jar's checksum); tests give their own */
    static String of(Project project, String code) throws IOException {
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
