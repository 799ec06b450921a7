package org.treatygraph.convert;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Resolves the {@code cite} lists of records into located passages, reporting quotes that are not there. */
final class Citations {
    private static final int SHOWN = 160;
    private final Sources sources;
    private final List<Problem> problems;
    private final Map<String, Optional<Cite>> cache = new HashMap<>();

    Citations(Sources sources, List<Problem> problems) {
        this.sources = sources;
        this.problems = problems;
    }

    List<Cite> resolve(YamlNode cite) {
        List<Cite> out = new ArrayList<>();
        for (YamlNode c : cite.items()) {
            if (!c.isMap()) {
                problems.add(new Problem(c.location(), "a citation is a map {source, quote}, found " + c.describe()));
                continue;
            }
            YamlNode src = c.get("source"), quote = c.get("quote");
            for (String key : c.entries().keySet())
                if (!key.equals("source") && !key.equals("quote"))
                    problems.add(new Problem(c.keyLocation(key), "unknown key '" + key + "' in a citation (it takes source and quote)"));
            if (src == null || !src.isScalar() || src.text() == null || quote == null || !quote.isScalar() || quote.text() == null) {
                problems.add(new Problem(c.location(), "a citation needs a source code and a quote"));
                continue;
            }
            locate(normaliseCode(src.text()), quote.text(), quote.location(), src.location()).ifPresent(out::add);
        }
        return out;
    }

    /** YAML reads an unquoted 001 as the number 1: give it back its three digits. */
    private static String normaliseCode(String code) {
        return code.matches("\\d{1,2}") ? "%03d".formatted(Integer.parseInt(code)) : code;
    }

    private Optional<Cite> locate(String code, String quote, Location quoteAt, Location sourceAt) {
        Optional<SourceText> text = sources.byCode(code);
        if (text.isEmpty()) {
            problems.add(new Problem(sourceAt, "unknown source '" + code + "' (sources: " + String.join(", ", sources.codes()) + ")"));
            return Optional.empty();
        }
        String key = code + "\u0000" + quote;
        Optional<Cite> cached = cache.get(key);
        if (cached != null) return cached;
        QuoteLocator locator = sources.locator(code);
        Optional<Cite> found = locator.find(quote).map(s -> {
            String q = quote.strip();
            String exact = text.get().text().substring(s.start(), s.end());
            return new Cite(text.get(), s.start(), s.end(), exact.equals(q) ? null : q);
        });
        if (found.isEmpty()) {
            SourceText t = text.get();
            String hint = locator.closest(quote)
                    .map(s -> "; the closest passage is at " + t.fileName() + ":" + t.lineOf(s.start()) + ":" + t.columnOf(s.start())
                            + ": \"" + shorten(t.text().substring(s.start(), s.end())) + "\"")
                    .orElse("; no passage of it shares its words");
            problems.add(new Problem(quoteAt, "quote not found in source " + code + ": \"" + shorten(quote) + "\"" + hint));
        }
        cache.put(key, found);
        return found;
    }

    private static String shorten(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() <= SHOWN ? one : one.substring(0, SHOWN) + "…";
    }
}
