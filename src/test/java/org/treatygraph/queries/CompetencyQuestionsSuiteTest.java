package org.treatygraph.queries;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.ResultSetFormatter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.treatygraph.TestProjects;

/**
 * The competency questions as data: each query of queries/ with a file of expected results in
 * queries/expected/ (the SPARQL CSV results the query gives on the repository's data) must give exactly
 * those results. A question is added with two files, no Java. When the data changes on purpose, run
 * {@code mvn test -Dtest=CompetencyQuestionsSuiteTest -Dtreatygraph.regenerate=true} and read the diff.
 */
class CompetencyQuestionsSuiteTest {
    private static final Path QUERIES = Path.of("queries");
    private static final Path EXPECTED = QUERIES.resolve("expected");
    static Dataset dataset;

    @BeforeAll
    static void build() {
        dataset = TestProjects.repoGraph().queryDataset();
    }

    static Stream<String> questions() throws IOException {
        try (Stream<Path> s = Files.list(EXPECTED)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".csv")).map(n -> n.substring(0, n.length() - 4)).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("questions")
    void theQueryGivesItsExpectedResults(String name) throws IOException {
        String query = Files.readString(QUERIES.resolve(name + ".rq"), StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (QueryExecution qe = QueryExecution.dataset(dataset).query(query).build()) {
            ResultSetFormatter.outputAsCSV(out, qe.execSelect());
        }
        String actual = out.toString(StandardCharsets.UTF_8);
        Path expected = EXPECTED.resolve(name + ".csv");
        if (Boolean.getBoolean("treatygraph.regenerate")) Files.writeString(expected, actual, StandardCharsets.UTF_8);
        assertEquals(Files.readString(expected, StandardCharsets.UTF_8), actual, name + ": results differ from " + expected);
    }

    @Test
    void everyCompetencyQueryHasItsExpectedResults() throws IOException {
        try (Stream<Path> s = Files.list(QUERIES)) {
            for (String q : s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("cq") && n.endsWith(".rq")).toList())
                assertTrue(Files.exists(EXPECTED.resolve(q.replace(".rq", ".csv"))), q + " has no queries/expected/ file");
        }
    }
}
