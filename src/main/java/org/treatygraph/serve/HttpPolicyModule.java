package org.treatygraph.serve;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.rdf.model.Model;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.FilterMapping;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHandler;

/**
 * How the server speaks HTTP, from two files beside the Fuseki configuration: CORS (cors.properties, the
 * parameters of Fuseki's CORS filter) and the headers of every response (headers.properties: the content
 * security policy and the like). Every request passes {@link HttpPolicyFilter} first, and every error page
 * is {@link PlainTextErrors}'s.
 */
final class HttpPolicyModule implements FusekiModule {
    static final String CORS_FILE = "cors.properties";
    static final String HEADERS_FILE = "headers.properties";
    private final Path cors;
    private final boolean anyOrigin;
    private final Map<String, String> headers = new TreeMap<>();

    /** @param configDir the folder of the Fuseki configuration, which holds the two files */
    HttpPolicyModule(Path configDir) throws IOException {
        cors = configDir.resolve(CORS_FILE);
        Properties corsSettings = load(cors);
        anyOrigin = "*".equals(corsSettings.getProperty("allowedOrigins", "").strip());
        // The filter's default is to allow credentials: with any origin, that would let every site act with a visitor's cookies.
        if (anyOrigin && !"false".equals(corsSettings.getProperty("allowCredentials", "").strip()))
            throw new IOException(cors + ": allowedOrigins=* needs allowCredentials=false");
        load(configDir.resolve(HEADERS_FILE)).forEach((name, value) -> headers.put(((String) name).strip(), ((String) value).strip()));
    }

    private static Properties load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new IOException(file + ": missing (the server's HTTP settings; fuseki-config/ has one to copy)");
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    @Override
    public String name() {
        return "treaty-graph http policy";
    }

    @Override
    public void prepare(FusekiServer.Builder builder, Set<String> datasetNames, Model config) {
        builder.enableCors(true, cors.toString());
    }

    @Override
    public void serverBeforeStarting(FusekiServer server) {
        PlainTextErrors errors = new PlainTextErrors(headers);
        // The server's handler answers what never reaches the servlets (a path Jetty refuses), the context's the rest.
        server.getJettyServer().setErrorHandler(errors);
        ServletContextHandler context = ServletContextHandler.getServletContextHandler(server.getServletContext());
        context.setErrorHandler(errors);
        // First in the chain, before Fuseki's CORS filter, so that it sees what that filter sends.
        ServletHandler servlets = context.getServletHandler();
        FilterHolder holder = new FilterHolder(new HttpPolicyFilter(headers, anyOrigin));
        holder.setName(name());
        servlets.prependFilter(holder);
        FilterMapping mapping = new FilterMapping();
        mapping.setFilterName(holder.getName());
        mapping.setPathSpec("/*");
        servlets.prependFilterMapping(mapping);
    }
}
