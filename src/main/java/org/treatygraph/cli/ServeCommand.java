package org.treatygraph.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.treatygraph.core.Progress;
import org.treatygraph.serve.TreatyServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Builds the graph if the inputs changed since the store was loaded (or opens the store), and serves SPARQL, "
                + "Linked Data pages, the ontology and the dumps with an embedded Fuseki configured from fuseki-config/.")
final class ServeCommand implements Callable<Integer> {
    @Mixin ProjectOption project;
    @Spec CommandSpec spec;

    @Option(names = "--port", defaultValue = "3030", description = "HTTP port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--db", paramLabel = "DIR", defaultValue = "run/tdb2",
            description = "The store directory: generations of the TDB2 store, each with the dumps of its build (default: ${DEFAULT-VALUE}).")
    Path db;

    @Mixin KeepFreeOption keepFree;

    @Option(names = "--releases", paramLabel = "DIR", defaultValue = "run/releases",
            description = "The releases to serve under /dumps/releases/ (default: ${DEFAULT-VALUE}; the `release` command writes them).")
    Path releases;

    @Option(names = "--mem", description = "Keep the store in memory (built at every start).")
    boolean mem;

    @Option(names = "--snapshot", paramLabel = "DIR",
            description = "Serve a copy of this published snapshot (made by `snapshot --out DIR`, by the same jar from the same project) "
                    + "instead of building: it is copied into --db, each file checked, unless --db already holds it. For replicas.")
    Path snapshot;

    @Option(names = "--base-iri", paramLabel = "IRI", defaultValue = "/",
            description = "Where https://w3id.org/treaty-graph/ maps to in links (default: this server, ${DEFAULT-VALUE}).")
    String baseIri;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = TreatyServer.LOOPBACK,
            description = "Where to listen (default: ${DEFAULT-VALUE}, this machine only). 0.0.0.0 publishes the server on every "
                    + "interface; an address of this machine, on that one.")
    String host;

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "Query timeout; a query that runs longer ends in an error status (default: the configuration's, 30 s).")
    Integer timeout;

    @Option(names = "--config", paramLabel = "FILE", defaultValue = "fuseki-config/treaty-graph.ttl",
            description = "The Fuseki configuration (default: ${DEFAULT-VALUE}).")
    Path config;

    @Override
    public Integer call() throws Exception {
        long keepFreeBytes = keepFree.bytes(spec.commandLine());
        if (mem && snapshot != null) throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--snapshot copies the snapshot into --db; it cannot be served --mem");
        var p = project.project();
        Path store = mem ? null : (db.isAbsolute() ? db : p.root().resolve(db));
        Path conf = config.isAbsolute() ? config : p.root().resolve(config);
        TreatyServer server = TreatyServer.start(new TreatyServer.Options(p, conf, store, port, baseIri, host, timeout, java.util.List.of(), keepFreeBytes,
                        releases.isAbsolute() ? releases : p.root().resolve(releases),
                        snapshot == null ? null : snapshot.toAbsolutePath()),
                new Progress(spec.commandLine().getErr()));
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "treaty-graph-shutdown"));
        var out = spec.commandLine().getOut();
        String u = server.url();
        out.println("Serving the treaty graph at " + u);
        if (server.stale() != null) out.println("  NOTE         " + server.stale());
        out.println("  SPARQL       " + u + "treaties/sparql");
        out.println("  entities     " + u + "id/agreement/treaty-of-kars-1921");
        out.println("  ontology     " + u + "ontology");
        out.println("  dumps        " + u + "dumps/");
        out.println("Ctrl-C stops it.");
        out.flush();
        server.join();
        return 0;
    }
}
