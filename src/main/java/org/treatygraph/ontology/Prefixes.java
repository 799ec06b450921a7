package org.treatygraph.ontology;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.Syntax;
import org.apache.jena.shared.PrefixMapping;
import org.treatygraph.core.Resources;

/**
 * The project's one prefix mapping: the prefixes the ontology declares (generated into {@link TG}) and
 * {@code id:} for the graph's own IRIs. Every SPARQL resource, page and dump reads its prefixes here, so
 * the queries under src/main/resources carry no PREFIX blocks of their own.
 */
public final class Prefixes {
    private Prefixes() {}

    public static final PrefixMapping MAPPING = PrefixMapping.Factory.create()
            .setNsPrefixes(new TreeMap<>(TG.DECLARED_PREFIXES))
            .setNsPrefix("id", IriScheme.ID)
            .lock();

    /** Some of the prefixes, for a document that uses few vocabularies (the VoID description). */
    public static Map<String, String> of(String... prefixes) {
        Map<String, String> some = new TreeMap<>();
        for (String p : prefixes) some.put(p, Objects.requireNonNull(MAPPING.getNsPrefixURI(p), p));
        return some;
    }

    /**
     * A SPARQL query kept as a classpath resource beside a class, parsed with the project's prefixes (its
     * parameters are bound at execution, with {@code QueryExecution...substitution}).
     */
    public static Query query(Class<?> beside, String name) {
        return parse(Resources.text(beside, name));
    }

    /** A query text parsed with the project's prefixes; its own PREFIX lines, if any, come on top. */
    private static Query parse(String text) {
        Query q = new Query();
        q.getPrefixMapping().setNsPrefixes(MAPPING);
        return QueryFactory.parse(q, text, null, Syntax.syntaxARQ);
    }
}
