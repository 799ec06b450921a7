package org.treatygraph.convert;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.treatygraph.TestProjects;
import org.treatygraph.core.InputException;
import org.treatygraph.core.Progress;

/**
 * The bad-input cases of src/test/resources/bad-input: each folder's records (and its own data/ files,
 * if any) must fail the build with exactly the problems its expected.txt lists (file:line:column and
 * message), nothing more.
 */
class BadInputSuiteTest {
    private static final Path CASES = Path.of("src/test/resources/bad-input");

    @TempDir Path dir;

    static Stream<String> cases() throws IOException {
        try (Stream<Path> s = Files.list(CASES)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theBuildSaysWhereAndWhat(String name) throws IOException {
        Path c = CASES.resolve(name);
        Project p = TestProjects.scratch(dir, "");
        // Copied as bytes, not read as text: a case may hold a byte that is not UTF-8.
        Files.copy(c.resolve("records.yaml"), dir.resolve("data/records/test.yaml"), StandardCopyOption.REPLACE_EXISTING);
        if (Files.isDirectory(c.resolve("data"))) overlay(c.resolve("data"), dir.resolve("data"));
        InputException e = assertThrows(InputException.class, () -> new GraphBuilder(p, Progress.SILENT).build());
        List<String> headlines = e.problems().stream().map(pr -> pr.toString().lines().findFirst().orElse("")).toList();
        List<String> expected = Files.readAllLines(c.resolve("expected.txt"), StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        assertEquals(expected, headlines);
    }

    /** A case's own data/ files (another records file, name variants, links) replace or join the project's. */
    private static void overlay(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                Path t = to.resolve(from.relativize(f).toString());
                Files.createDirectories(t.getParent());
                Files.copy(f, t, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    @Test
    void thereAreCasesForEveryStageOfTheBuild() throws IOException {
        List<String> names = cases().toList();
        assertTrue(names.size() >= 20, names::toString);
        String all = String.join("\n", names.stream().map(n -> {
            try {
                return Files.readString(CASES.resolve(n).resolve("expected.txt"));
            } catch (IOException x) {
                throw new java.io.UncheckedIOException(x);
            }
        }).toList());
        // YAML, the ontology, citations, support, SHACL and the reasoner each have a case.
        for (String stage : List.of("malformed YAML", "unknown key", "quote not found", "is not stated by the passage", "SHACL:", "inconsistent:"))
            assertTrue(all.contains(stage), stage);
    }
}
