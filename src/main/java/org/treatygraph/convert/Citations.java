package org.treatygraph.convert;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.treatygraph.core.Location;
import org.treatygraph.core.Problem;

/** Resolves the {@code cite} lists of records into located passages, reporting quotes that are not there. */
final class Citations {
    private static final int SHOWN = 160;
    private static final java.util.Set<String> KEYS = java.util.Set.of("source", "quote", "in");
    private static final java.util.Set<String> IN = java.util.Set.of("footnote", "title");
    private final Sources sources;
    private final List<Problem> problems;
    private final Map<String, Optional<Cite>> cache = new HashMap<>();
    private final Map<String, PassagePlace> places = new HashMap<>();

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
            YamlNode src = c.get("source"), quote = c.get("quote"), in = c.get("in");
            for (String key : c.entries().keySet())
                if (!KEYS.contains(key))
                    problems.add(new Problem(c.keyLocation(key), "unknown key '" + key + "' in a citation (it takes source, quote and in)"));
            if (src == null || !src.isScalar() || src.text() == null || quote == null || !quote.isScalar() || quote.text() == null) {
                problems.add(new Problem(c.location(), "a citation needs a source code and a quote"));
                continue;
            }
            String declared = in == null ? null : in.text();
            if (in != null && !IN.contains(declared)) {
                problems.add(new Problem(in.location(), "'in' is 'footnote' (the words of a footnote) or 'title' (the title of a work a footnote or the bibliography cites), found " + in.describe()));
                continue;
            }
            locate(normaliseCode(src.text()), quote.text(), quote.location(), src.location())
                    .flatMap(found -> placed(found, declared, in != null ? in.location() : quote.location()))
                    .ifPresent(out::add);
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
            return new Cite(text.get(), s.start(), s.end(), exact.equals(q) ? null : q, PassagePlace.RUNNING_TEXT);
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

    /**
     * Gives a located passage its place in the source: the layout says whether it is running text, a
     * footnote or the bibliography; in a footnote the record must say whether it quotes the footnote's own
     * words or the title of a work it cites. One passage has one place, however often it is cited.
     */
    private Optional<Cite> placed(Cite c, String declared, Location at) {
        SourceText t = c.source();
        int first = t.lineOf(c.start()), last = t.lineOf(Math.max(c.start(), c.end() - 1));
        SourceLayout.Region region = t.layout().regionOf(first);
        for (int line = first + 1; line <= last; line++) {
            if (t.layout().regionOf(line) != region) {
                problems.add(new Problem(at, "the quote runs from " + words(region) + " (" + t.fileName() + ":" + first + ") into "
                        + words(t.layout().regionOf(line)) + " (line " + line + "): quote each part on its own"));
                return Optional.empty();
            }
        }
        PassagePlace place;
        switch (region) {
            case RUNNING_TEXT -> {
                if (declared != null) {
                    problems.add(new Problem(at, "'in: " + declared + "' but the passage is running text (" + t.fileName() + ":" + first
                            + "); 'in' is only for footnotes and the bibliography"));
                    return Optional.empty();
                }
                place = PassagePlace.RUNNING_TEXT;
            }
            case FOOTNOTE -> {
                if (declared == null) {
                    problems.add(new Problem(at, "the passage is in a footnote (" + t.fileName() + ":" + first
                            + "): say whether it quotes the footnote's own words (in: footnote) or the title of a work it cites (in: title)"));
                    return Optional.empty();
                }
                place = declared.equals("title") ? PassagePlace.LITERATURE_TITLE : PassagePlace.FOOTNOTE_TEXT;
            }
            default -> {
                if ("footnote".equals(declared)) {
                    problems.add(new Problem(at, "'in: footnote' but the passage is in the bibliography (" + t.fileName() + ":" + first
                            + "), whose entries are titles (in: title)"));
                    return Optional.empty();
                }
                place = PassagePlace.LITERATURE_TITLE;
            }
        }
        Cite placedCite = new Cite(c.source(), c.start(), c.end(), c.quotedAs(), place);
        PassagePlace earlier = places.putIfAbsent(placedCite.iri().getURI(), place);
        if (earlier != null && earlier != place) {
            problems.add(new Problem(at, "this passage is cited elsewhere as " + words(earlier) + " and here as " + words(place)
                    + ": one passage has one place"));
            return Optional.empty();
        }
        return Optional.of(placedCite);
    }

    private static String words(Object regionOrPlace) {
        return regionOrPlace.toString().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    private static String shorten(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() <= SHOWN ? one : one.substring(0, SHOWN) + "…";
    }
}
