package org.treatygraph.reason;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.treatygraph.TestProjects;
import org.treatygraph.core.InputException;
import org.treatygraph.core.Location;
import org.treatygraph.core.Problem;

/** The rule file: the project's own parses, and a broken one is reported by line. */
class RuleFileTest {
    @Test
    void theProfileParsesWithEveryRuleNamed() throws Exception {
        var rules = RuleFile.load(TestProjects.repo().rulesFile(), "ontology/owl2rl.rules");
        List<String> names = rules.stream().map(r -> r.getName()).toList();
        assertTrue(names.containsAll(List.of("cax-sco", "prp-dom", "prp-rng", "prp-inv1", "prp-symp", "prp-trp", "prp-spo1", "prp-spo2-2",
                "cls-hv1", "cls-svf1", "cls-int1-2", "cls-avf", "cax-dw", "prp-pdw", "tg-date-order")), names.toString());
    }

    @Test
    void theJarCarriesTheSameProfile() throws Exception {
        try (var in = Materialiser.class.getResourceAsStream("owl2rl.rules")) {
            assertNotNull(in, "owl2rl.rules is packaged beside the reason classes");
            assertEquals(java.nio.file.Files.readString(TestProjects.repo().rulesFile()), new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
        assertNotNull(Materialiser.bundled());
    }

    @Test
    void syntaxErrorNamesTheLineItsRuleStartsOn() {
        String text = """
                # a comment
                @prefix ex: <http://example.org/>.

                [ok: (?a ex:p ?b) -> (?b ex:q ?a)]
                [broken: (?a ex:p ?b)
                     -> (?b ex:q ?a]
                [ok2: (?a ex:p ?b) -> (?a ex:r ?b)]
                """;
        InputException e = assertThrows(InputException.class, () -> RuleFile.parse(text, "rules.txt"));
        Problem p = e.problems().get(0);
        assertEquals(new Location("rules.txt", 5, 1), p.location());
        assertTrue(p.message().startsWith("cannot parse the rule"), p.message());
    }

    @Test
    void duplicateNamesUnknownLinesAndUnclosedRulesAreReported() {
        String text = """
                [a: (?x <http://e/p> ?y) -> (?y <http://e/p> ?x)]
                [a: (?x <http://e/q> ?y) -> (?y <http://e/q> ?x)]
                this is not a rule
                [b: (?x <http://e/p> ?y) -> (?y <http://e/p> ?x)
                """;
        InputException e = assertThrows(InputException.class, () -> RuleFile.parse(text, "r"));
        List<String> messages = e.problems().stream().map(Problem::toString).toList();
        assertEquals(List.of("r:2:1: error: rule name a is used twice",
                "r:3:1: error: expected a rule in [ ] or an @prefix line, found: this is not a rule",
                "r:4:1: error: rule is not closed with ]"), messages);
    }
}
