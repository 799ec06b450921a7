package org.treatygraph.convert;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.treatygraph.core.Problem;

/**
 * Spellings the project treats as the same words when it checks that a passage states a fact
 * (data/name-variants.yaml): transliterations (Karakhan, Karahan), OCR misreadings (Gebesoy for
 * Cebesoy), and a country's adjective (Turkey, Turkish). Each group is written down with the reason;
 * nothing is guessed.
 */
public final class NameVariants {
    static final NameVariants NONE = new NameVariants(List.of());

    private final List<List<String>> groups;   // folded

    private NameVariants(List<List<String>> groups) {
        this.groups = groups;
    }

    /** Reads a list of groups, each {@code {same: [a, b, …], why: "…"}}. */
    static NameVariants read(YamlNode root, List<Problem> problems) {
        List<List<String>> groups = new ArrayList<>();
        if (root.isScalar() && root.text() == null) return NONE;   // an empty file
        for (YamlNode g : root.items()) {
            YamlNode same = g.isMap() ? g.get("same") : null, why = g.isMap() ? g.get("why") : null;
            if (same == null || !same.isList() || same.items().size() < 2 || why == null || !why.isScalar() || why.text() == null) {
                problems.add(new Problem(g.location(), "a group of name variants is {same: [two or more spellings], why: \"the reason\"}"));
                continue;
            }
            List<String> folded = new ArrayList<>();
            for (YamlNode s : same.items()) {
                String f = s.isScalar() && s.text() != null ? Wording.fold(s.text()) : "";
                if (f.isEmpty()) problems.add(new Problem(s.location(), "a spelling is a word or words, found " + s.describe()));
                else folded.add(f);
            }
            groups.add(folded);
        }
        return new NameVariants(groups);
    }

    /**
     * A project's groups of spellings (folded: lower case, no accents), for a reader that treats them as the same
     * words too (the search box); none when the project has no file. A group the build would refuse is left out:
     * the build reports it.
     */
    public static List<List<String>> groups(Project project) throws IOException {
        if (!Files.exists(project.nameVariantsFile())) return List.of();
        NameVariants v = read(YamlReader.read(project.nameVariantsFile(), project.display(project.nameVariantsFile())), new ArrayList<>());
        return v.groups.stream().map(g -> g.stream().map(String::strip).toList()).toList();
    }

    /** The folded phrase and its variants: each group member it contains replaced by each other member. */
    Set<String> expand(String folded) {
        Set<String> out = new LinkedHashSet<>();
        out.add(folded);
        for (List<String> group : groups) {
            for (String a : List.copyOf(out)) {
                for (String member : group) {
                    if (!a.contains(member)) continue;
                    for (String other : group) if (!other.equals(member)) out.add(a.replace(member, other));
                }
            }
        }
        return out;
    }
}
