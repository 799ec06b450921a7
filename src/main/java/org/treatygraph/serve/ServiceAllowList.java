package org.treatygraph.serve;

import java.util.List;
import java.util.Set;
import org.apache.jena.assembler.JA;
import org.apache.jena.http.sys.RegistryRequestModifier;
import org.apache.jena.query.QueryExecException;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.service.ServiceExecutorRegistry;
import org.apache.jena.sparql.service.single.ChainingServiceExecutor;

/**
 * SPARQL SERVICE calls from the public endpoint go only to the endpoints the configuration allows
 * (ja:context "tg:serviceAllowed", one value per endpoint; fuseki-config/treaty-graph.ttl allows the
 * Wikidata Query Service). Anything else is refused before a request leaves the server: an open SERVICE
 * would let anyone make the server fetch from any address, including the machine's own network.
 */
final class ServiceAllowList {
    static final String CONTEXT_NAME = "tg:serviceAllowed";
    static final String USER_AGENT_NAME = "tg:serviceUserAgent";

    private ServiceAllowList() {}

    /** A SERVICE call the list refuses: the client's query asked for it, so the endpoint answers 403, not 500. */
    static final class NotAllowed extends QueryExecException {
        NotAllowed(String message) {
            super(message);
        }
    }

    /** The endpoints a configuration allows. */
    static Set<String> fromConfig(Model config) {
        return ConfigContext.values(config, CONTEXT_NAME);
    }

    /** The User-Agent SERVICE calls send (tg:serviceUserAgent), or null for Jena's own. */
    static String userAgent(Model config) {
        Set<String> v = ConfigContext.values(config, USER_AGENT_NAME);
        return v.isEmpty() ? null : v.iterator().next();
    }


    /**
     * Puts a service registry into the dataset's context that refuses every endpoint not in {@code allowed},
     * and has calls to the allowed ones send {@code userAgent} (when not null). Jena's own User-Agent is a
     * constant; its request-modifier registry (JVM-wide, keyed by endpoint) is the one place to change it.
     */
    static void apply(DatasetGraph dsg, Set<String> allowed, String userAgent) {
        if (userAgent != null) {
            for (String endpoint : allowed) RegistryRequestModifier.get().add(endpoint, (params, headers) -> headers.put("User-Agent", userAgent));
        }
        ChainingServiceExecutor check = (opExecute, opOriginal, binding, execCxt, chain) -> {
            String endpoint = opExecute.getService().isURI() ? opExecute.getService().getURI() : String.valueOf(opExecute.getService());
            if (!allowed.contains(endpoint)) {
                throw new NotAllowed("SERVICE <" + endpoint + "> is not allowed from this endpoint; allowed: "
                        + (allowed.isEmpty() ? "none" : String.join(", ", allowed)));
            }
            return chain.createExecution(opExecute, opOriginal, binding, execCxt);
        };
        ServiceExecutorRegistry registry = ServiceExecutorRegistry.createFrom(ServiceExecutorRegistry.get());
        List<ChainingServiceExecutor> links = registry.getSingleChain();
        links.add(0, check);
        ServiceExecutorRegistry.set(dsg.getContext(), registry);
    }
}
