package org.treatygraph.convert;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.treatygraph.core.Hashing;
import org.treatygraph.core.InputException;
import org.treatygraph.core.Problem;
import org.treatygraph.ontology.IriScheme;

/**
 * The source texts, as data/sources.yaml lists them: each text is read and its SHA-256 checked against
 * the one recorded, so that a changed source (and with it every citation offset) fails the build.
 */
public final class Sources {
    private final Map<String, SourceText> byCode = new TreeMap<>();
    private final Map<String, QuoteLocator> locators = new TreeMap<>();

    private Sources() {}

    /**
     * @param registry the parsed data/sources.yaml
     * @param project  where the texts are, and how messages name them
     */
    public static Sources load(YamlNode registry, Project project) throws IOException {
        Sources s = new Sources();
        List<Problem> problems = new java.util.ArrayList<>();
        for (YamlNode rec : registry.items()) {
            String id = text(rec, "id"), code = text(rec, "sourceCode"), file = text(rec, "sourceFile"), sha = text(rec, "sha256");
            if (id == null || code == null || file == null || sha == null) {
                problems.add(new Problem(rec.location(), "a source needs id, sourceCode, sourceFile and sha256"));
                continue;
            }
            Path path = project.sourcesDir().resolve(file);
            if (!Files.isRegularFile(path)) {
                problems.add(new Problem(rec.get("sourceFile").location(), "source file not found: " + path));
                continue;
            }
            byte[] bytes = Files.readAllBytes(path);
            String actual = Hashing.sha256(bytes);
            if (!actual.equalsIgnoreCase(sha)) {
                problems.add(new Problem(rec.get("sha256").location(),
                        "source " + file + " has changed: sha256 is " + actual + ", expected " + sha));
                continue;
            }
            SourceLayout layout = SourceLayout.parse(text(rec, "footnoteLines"), text(rec, "bibliographyStartLine"), rec.location(), problems);
            String words;
            try {
                words = Utf8.decode(bytes, project.display(path));
            } catch (InputException e) {
                problems.addAll(e.problems());
                continue;
            }
            SourceText text = new SourceText(code, file, IriScheme.iri(id), words, layout);
            s.byCode.put(code, text);
            s.locators.put(code, new QuoteLocator(text.text()));
        }
        if (!problems.isEmpty()) throw new InputException(problems);
        return s;
    }

    public Optional<SourceText> byCode(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    public QuoteLocator locator(String code) {
        return locators.get(code);
    }

    public java.util.Set<String> codes() {
        return byCode.keySet();
    }

    private static String text(YamlNode rec, String key) {
        YamlNode n = rec.isMap() ? rec.get(key) : null;
        return n != null && n.isScalar() ? n.text() : null;
    }
}
