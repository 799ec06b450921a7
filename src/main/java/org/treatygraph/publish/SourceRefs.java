package org.treatygraph.publish;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.treatygraph.ontology.IriScheme;
import org.treatygraph.ontology.Prefixes;

/**
 * The cited passages of every asserted fact, read once (exports/citations.rq): by fact, and by the node a
 * fact is about or points to. The exports write a passage as "source code:start-end" with its words.
 */
final class SourceRefs {
    /** A cited passage: the source's code, the character offsets of the quote in the source text, the quote. */
    record Ref(String source, int start, int end, String quote) implements Comparable<Ref> {
        /** "001:2034-2101". */
        String label() {
            return source + ":" + start + "-" + end;
        }

        /** The quote on one line: the exports are one line a value. */
        String oneLineQuote() {
            return quote.replaceAll("\\s+", " ").strip();
        }

        /** The passage's node in the graph (its page is under /id/ like every node's). */
        String iri() {
            return IriScheme.citation(source, start, end).getURI();
        }

        @Override
        public int compareTo(Ref o) {
            int c = source.compareTo(o.source);
            if (c == 0) c = Integer.compare(start, o.start);
            if (c == 0) c = Integer.compare(end, o.end);
            return c;
        }
    }

    private final Map<Triple, SortedSet<Ref>> byFact = new HashMap<>();
    private final Map<Node, SortedSet<Ref>> bySubject = new HashMap<>();
    private final Map<Node, SortedSet<Ref>> byObject = new HashMap<>();

    SourceRefs(Dataset dataset) {
        try (QueryExecution qe = QueryExecution.dataset(dataset).query(Prefixes.query(SourceRefs.class, "exports/citations.rq")).build()) {
            ResultSet rs = qe.execSelect();
            while (rs.hasNext()) {
                QuerySolution s = rs.next();
                Triple t = Triple.create(s.get("s").asNode(), s.get("p").asNode(), s.get("o").asNode());
                Ref r = new Ref(s.getLiteral("code").getLexicalForm(), s.getLiteral("start").getInt(), s.getLiteral("end").getInt(),
                        s.getLiteral("quote").getLexicalForm());
                byFact.computeIfAbsent(t, k -> new TreeSet<>()).add(r);
                bySubject.computeIfAbsent(t.getSubject(), k -> new TreeSet<>()).add(r);
                byObject.computeIfAbsent(t.getObject(), k -> new TreeSet<>()).add(r);
            }
        }
    }

    /** The passages cited for one fact. */
    SortedSet<Ref> of(Node s, Node p, Node o) {
        return byFact.getOrDefault(Triple.create(s, p, o), new TreeSet<>());
    }

    /** The passages cited for every fact about the nodes, and, for {@code linkedTo}, for the facts that point to them. */
    SortedSet<Ref> about(Collection<Node> nodes, boolean linkedTo) {
        SortedSet<Ref> refs = new TreeSet<>();
        for (Node n : nodes) {
            refs.addAll(bySubject.getOrDefault(n, new TreeSet<>()));
            if (linkedTo) refs.addAll(byObject.getOrDefault(n, new TreeSet<>()));
        }
        return refs;
    }

    /** The references of a CSV cell: "001:2034-2101 | 002:20-115". */
    static String labels(Collection<Ref> refs) {
        return refs.stream().map(Ref::label).collect(Collectors.joining(Csv.SEPARATOR));
    }

    /** The quotes of a CSV cell, in the order of {@link #labels}. */
    static String quotes(Collection<Ref> refs) {
        return refs.stream().map(Ref::oneLineQuote).collect(Collectors.joining(Csv.SEPARATOR));
    }

    static List<Ref> list(Collection<Ref> refs) {
        return List.copyOf(refs);
    }
}
