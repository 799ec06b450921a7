package org.treatygraph.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.treatygraph.TestProjects;

/**
 * The shapes of a fact's basis (ontology/shapes.ttl: stated, reading, editorial, or a check), as a folder of
 * cases (src/test/resources/shapes/statement-bases/): each a statement in Turtle whose first line says what the
 * shapes answer about it, "conforms" or the one message of its violation.
 */
class StatementShapesTest {
    private static final Path CASES = Path.of("src/test/resources/shapes/statement-bases");
    private static final Node STATEMENT = NodeFactory.createURI("https://example.org/st");

    @TestFactory
    Stream<DynamicTest> eachCaseGetsTheAnswerItsFirstLineExpects() throws IOException {
        Shapes shapes = Shapes.parse(RDFDataMgr.loadGraph(TestProjects.repo().root().resolve("ontology/shapes.ttl").toString()));
        List<Path> cases;
        try (Stream<Path> s = Files.list(CASES)) {
            cases = s.filter(p -> p.toString().endsWith(".ttl")).sorted().toList();
        }
        assertFalse(cases.isEmpty(), "no cases in " + CASES);
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> {
            String first = Files.readAllLines(c, StandardCharsets.UTF_8).get(0);
            String expected = first.replaceFirst("^# expected: ", "");
            Graph data = RDFDataMgr.loadGraph(c.toString());
            ValidationReport report = ShaclValidator.get().validate(shapes, data);
            List<String> messages = report.getEntries().stream().filter(e -> e.focusNode().equals(STATEMENT)).map(ReportEntry::message).toList();
            assertEquals(expected.equals("conforms") ? List.of() : List.of(expected), messages, c.getFileName().toString());
        }));
    }
}
