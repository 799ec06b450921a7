package org.treatygraph.serve;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.gzip.GzipHandler;

/**
 * Fuseki Main does not compress responses: Jetty's GzipHandler goes around everything, for clients that
 * send Accept-Encoding: gzip (the .gz dumps are already compressed and pass as they are).
 */
final class CompressionModule implements FusekiModule {
    @Override
    public String name() {
        return "treaty-graph compression";
    }

    @Override
    public void serverBeforeStarting(FusekiServer server) {
        Server jetty = server.getJettyServer();
        GzipHandler gzip = new GzipHandler();
        gzip.setMinGzipSize(1024);
        gzip.addIncludedMethods("GET", "POST");
        gzip.setHandler(jetty.getHandler());
        jetty.setHandler(gzip);
    }
}
