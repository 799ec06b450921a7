package org.treatygraph.serve;

import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.op.OpDistinct;
import org.apache.jena.sparql.algebra.op.OpGroup;
import org.apache.jena.sparql.algebra.op.OpOrder;
import org.apache.jena.sparql.algebra.op.OpReduced;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.iterator.QueryIter1;
import org.apache.jena.sparql.engine.main.QC;
import org.apache.jena.sparql.serializer.SerializationContext;
import org.apache.jena.atlas.io.IndentedWriter;
import org.apache.jena.tdb2.solver.OpExecutorTDB2;

/**
 * A bound on what a query may hold in memory while it runs. ORDER BY, DISTINCT, REDUCED and GROUP BY keep
 * every row they are given before they give one back, so the answer limit (counted on what comes out) and
 * the timeout come too late: measured, {@code SELECT * { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c} took a 1 GB
 * server to OutOfMemoryError in 14 s. Here the rows fed into each of those operators are counted, and past
 * the limit the query ends ({@link TooMuchWork}, a 503 that says so). Built on TDB2's executor, so the
 * store's own pattern matching is unchanged.
 */
final class BoundedExecution extends OpExecutorTDB2 {
    /** A query that would hold more rows than the limit; Fuseki answers a cancelled query with 503. */
    static final class TooMuchWork extends QueryCancelledException {
        private final long limit;

        TooMuchWork(long limit) {
            this.limit = limit;
        }

        @Override
        public String getMessage() {
            return "The query sorts, groups or removes duplicates from more than " + limit + " rows, this endpoint's limit (it holds them all in "
                    + "memory): narrow the pattern, or use the dumps (/dumps/).";
        }
    }

    private final long limit;
    /** Whether the op being executed feeds an operator that holds its input. */
    private boolean feedsAccumulator;

    private BoundedExecution(ExecutionContext execCxt, long limit) {
        super(execCxt);
        this.limit = limit;
    }

    /** Every query on the dataset runs with the bound. */
    static void apply(DatasetGraph dsg, long limit) {
        QC.setFactory(dsg.getContext(), execCxt -> new BoundedExecution(execCxt, limit));
    }

    @Override
    protected QueryIterator exec(Op op, QueryIterator input) {
        boolean counted = feedsAccumulator;
        feedsAccumulator = op instanceof OpOrder || op instanceof OpDistinct || op instanceof OpReduced || op instanceof OpGroup;
        try {
            QueryIterator it = super.exec(op, input);
            return counted ? new Counted(it, execCxt, limit) : it;
        } finally {
            feedsAccumulator = false;
        }
    }

    private static final class Counted extends QueryIter1 {
        private final long limit;
        private long rows;

        Counted(QueryIterator input, ExecutionContext execCxt, long limit) {
            super(input, execCxt);
            this.limit = limit;
        }

        @Override
        protected boolean hasNextBinding() {
            return getInput().hasNext();
        }

        @Override
        protected Binding moveToNextBinding() {
            if (++rows > limit) throw new TooMuchWork(limit);
            return getInput().next();
        }

        @Override
        protected void requestSubCancel() {}

        @Override
        protected void closeSubIterator() {}

        @Override
        protected void details(IndentedWriter out, SerializationContext sCxt) {
            out.print("Counted(" + limit + ")");
        }
    }
}
