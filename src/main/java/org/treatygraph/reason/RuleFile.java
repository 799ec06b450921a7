package org.treatygraph.reason;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.reasoner.rulesys.Rule;
import org.treatygraph.core.InputException;
import org.treatygraph.core.Location;
import org.treatygraph.core.Problem;

/**
 * Reads a file of Jena rules. Jena's rule parser reports errors with the last few tokens but no line,
 * so each bracketed rule is handed to it on its own, with the file's prefixes, and an error names the
 * line the rule starts on.
 */
public final class RuleFile {
    private RuleFile() {}

    public static List<Rule> load(Path file, String display) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), display);
    }

    static List<Rule> parse(String text, String display) {
        StringBuilder prefixes = new StringBuilder();
        List<Problem> problems = new ArrayList<>();
        List<Rule> rules = new ArrayList<>();
        Set<String> names = new HashSet<>();
        String[] lines = text.split("\n", -1);
        StringBuilder rule = null;
        int ruleLine = 0;
        int depth = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (rule == null && (line.isEmpty() || line.startsWith("#") || line.startsWith("//"))) continue;
            if (rule == null && line.startsWith("@prefix")) {
                prefixes.append(line).append('\n');
                continue;
            }
            if (rule == null) {
                if (!line.startsWith("[")) {
                    problems.add(new Problem(new Location(display, i + 1, 1), "expected a rule in [ ] or an @prefix line, found: " + line));
                    continue;
                }
                rule = new StringBuilder();
                ruleLine = i + 1;
            }
            rule.append(line).append('\n');
            depth += count(line, '[') - count(line, ']');
            if (depth == 0) {
                parseOne(prefixes + rule.toString(), new Location(display, ruleLine, 1), rules, names, problems);
                rule = null;
            }
        }
        if (rule != null) problems.add(new Problem(new Location(display, ruleLine, 1), "rule is not closed with ]"));
        if (!problems.isEmpty()) throw new InputException(problems);
        return rules;
    }

    private static void parseOne(String source, Location where, List<Rule> rules, Set<String> names, List<Problem> problems) {
        try {
            List<Rule> parsed = Rule.parseRules(Rule.rulesParserFromReader(new BufferedReader(new StringReader(source))));
            for (Rule r : parsed) {
                if (r.getName() == null) problems.add(new Problem(where, "rule has no name; write [name: body -> head]"));
                else if (!names.add(r.getName())) problems.add(new Problem(where, "rule name " + r.getName() + " is used twice"));
                else if (r.isBackward()) problems.add(new Problem(where, "rule " + r.getName() + " is a backward rule (<-); the profile runs forward rules only"));
                else rules.add(r);
            }
        } catch (Rule.ParserException e) {
            problems.add(new Problem(where, "cannot parse the rule: " + e.getMessage().replace('\n', ' ')));
        }
    }

    private static int count(String s, char c) {
        int n = 0;
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char x = s.charAt(i);
            if (x == '\'' || x == '"') quoted = !quoted;
            else if (!quoted && x == c) n++;
        }
        return n;
    }
}
