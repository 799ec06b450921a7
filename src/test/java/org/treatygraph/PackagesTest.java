package org.treatygraph;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The packages of src/main depend on each other without a cycle (read from the sources' own references). */
class PackagesTest {
    private static final Path MAIN = Path.of("src/main/java/org/treatygraph");
    private static final Pattern REFERENCE = Pattern.compile("\\borg\\.treatygraph\\.([a-z]+)\\.[A-Z]");

    static Map<String, Set<String>> dependencies() throws IOException {
        Map<String, Set<String>> deps = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String pkg = MAIN.relativize(f).getName(0).toString();
                Set<String> out = deps.computeIfAbsent(pkg, k -> new TreeSet<>());
                Matcher m = REFERENCE.matcher(Files.readString(f, StandardCharsets.UTF_8));
                while (m.find()) if (!m.group(1).equals(pkg)) out.add(m.group(1));
            }
        }
        return deps;
    }

    @Test
    void noPackageDependsOnItselfThroughOthers() throws IOException {
        Map<String, Set<String>> deps = dependencies();
        assertTrue(deps.keySet().containsAll(List.of("core", "convert", "reason", "serve")), deps::toString);
        for (String start : deps.keySet()) {
            List<String> cycle = path(deps, start, start, new ArrayList<>(List.of(start)), new TreeSet<>());
            assertNull(cycle, () -> "a package cycle: " + String.join(" -> ", cycle));
        }
        // The neutral package depends on no other.
        assertEquals(Set.of(), deps.get("core"));
        // The search index reads the store with the project's prefixes and IRIs, and knows nothing of building or serving.
        assertTrue(Set.of("core", "ontology").containsAll(deps.get("search")), deps.get("search")::toString);
        assertTrue(deps.get("serve").contains("search"), deps.get("serve")::toString);
    }

    private static List<String> path(Map<String, Set<String>> deps, String from, String to, List<String> trail, Set<String> seen) {
        for (String next : deps.getOrDefault(from, Set.of())) {
            if (next.equals(to)) { trail.add(next); return trail; }
            if (!seen.add(next)) continue;
            trail.add(next);
            List<String> found = path(deps, next, to, trail, seen);
            if (found != null) return found;
            trail.remove(trail.size() - 1);
        }
        return null;
    }
}
