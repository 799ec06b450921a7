package org.treatygraph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.treatygraph.convert.GraphBuilder;
import org.treatygraph.convert.Project;
import org.treatygraph.convert.TreatyGraph;
import org.treatygraph.core.Progress;

/** The repository's own project, built once per test run, and small throw-away projects for bad-input tests. */
public final class TestProjects {
    private static TreatyGraph repoGraph;

    private TestProjects() {}

    /** The project the tests run in (Maven runs them in the repository root). */
    public static Project repo() {
        return new Project(Path.of("").toAbsolutePath());
    }

    public static synchronized TreatyGraph repoGraph() {
        if (repoGraph == null) {
            try {
                repoGraph = new GraphBuilder(repo(), Progress.SILENT).build();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return repoGraph;
    }

    /**
     * A project in {@code dir} with the repository's ontology, sources, name variants and date window, and one records file with
     * {@code records} as its content.
     */
    public static Project scratch(Path dir, String records) throws IOException {
        Project repo = repo();
        copyTree(repo.root().resolve("ontology"), dir.resolve("ontology"));
        copyTree(repo.sourcesDir(), dir.resolve("data/sources"));
        Files.copy(repo.sourcesRegistry(), dir.resolve("data/sources.yaml"));
        Files.copy(repo.nameVariantsFile(), dir.resolve("data/name-variants.yaml"));
        Files.copy(repo.dateWindowFile(), dir.resolve("data/date-window.yaml"));
        Files.createDirectories(dir.resolve("data/records"));
        Files.writeString(dir.resolve("data/records/test.yaml"), records, StandardCharsets.UTF_8);
        return new Project(dir);
    }

    /** A minimal valid records file: two polities, a territory and a cession between them. */
    public static final String VALID = """
        - id: polity/rsfsr
          type: State
          label: Russian Soviet Federative Socialist Republic
          cite: [{source: "000", quote: "the Russian Soviet Federative Socialist Republic and Persia"}]
        - id: polity/persia
          type: State
          label: Persia
          cite: [{source: "000", quote: "the Russian Soviet Federative Socialist Republic and Persia"}]
        - id: territory/batumi
          type: Settlement
          label: Batumi
          cite: [{source: "000", quote: "Turkey abandoned its claim to Batumi"}]
        - id: agreement/soviet-persian-treaty-1921
          type: FriendshipTreaty
          label: Soviet–Persian Treaty of Friendship
          cite:
            - {source: "000", quote: "SOVIET–PERSIAN TREATY OF FRIENDSHIP (26 February 1921)"}
            - {source: "000", quote: "This agreement between the Russian Soviet Federative Socialist Republic and Persia"}
          hasParty: [polity/rsfsr, polity/persia]
          signing:
            date:
              dateText: "26 February 1921"
              dateValue: "1921-02-26"
        """;

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.sorted(Comparator.naturalOrder()).toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
    }
}
