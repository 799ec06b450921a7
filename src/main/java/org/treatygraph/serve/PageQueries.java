package org.treatygraph.serve;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecBuilder;
import org.treatygraph.ontology.Prefixes;

/**
 * The pages' queries over the store (resources in page/, parsed once), each run with its parameters bound
 * by substitution. Callers hold a read transaction.
 */
final class PageQueries {
    private static final Map<String, Query> QUERIES = new ConcurrentHashMap<>();

    private PageQueries() {}

    /** Runs page/{name}.rq with its variables bound: select(dsg, "source", "file", node). */
    static List<Binding> select(DatasetGraph dsg, String name, Object... bindings) {
        Query q = QUERIES.computeIfAbsent(name, n -> Prefixes.query(PageQueries.class, "page/" + n + ".rq"));
        QueryExecBuilder b = QueryExec.dataset(dsg).query(q);
        for (int i = 0; i < bindings.length; i += 2) b.substitution(Var.alloc((String) bindings[i]), (Node) bindings[i + 1]);
        List<Binding> rows = new ArrayList<>();
        try (QueryExec qe = b.build()) {
            qe.select().forEachRemaining(rows::add);
        }
        return rows;
    }

    /** A variable's literal text in a row, or null where it is unbound. */
    static String text(Binding row, String var) {
        Node n = row.get(var);
        return n == null ? null : n.isLiteral() ? n.getLiteralLexicalForm() : n.toString();
    }

    /** A variable's integer value in a row. */
    static int integer(Binding row, String var) {
        return Integer.parseInt(row.get(var).getLiteralLexicalForm());
    }
}
