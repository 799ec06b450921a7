package org.treatygraph.serve;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFDataMgr;

/**
 * /ontology and /shapes: the file as Turtle, RDF/XML, JSON-LD or N-Triples by content negotiation (or a
 * suffix), and for /ontology a documentation page generated from the ontology itself for text/html.
 */
final class OntologyServlet extends HttpServlet {
    private final Path file;
    private final Supplier<String> html;

    /** @param html the page for people, or null to offer RDF only */
    OntologyServlet(Path file, Supplier<String> html) {
        this.file = file;
        this.html = html;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getRequestURI().substring(req.getContextPath().length());
        int dot = path.lastIndexOf('.');
        Formats f = dot > 0 ? Formats.bySuffix(path.substring(dot + 1)) : null;
        Replies.vary(resp, "Accept, Accept-Encoding");   // one path, several formats, gzipped when large
        Formats[] offered = html == null ? new Formats[] {Formats.TURTLE, Formats.RDFXML, Formats.JSONLD, Formats.NTRIPLES}
                : new Formats[] {Formats.TURTLE, Formats.HTML, Formats.RDFXML, Formats.JSONLD, Formats.NTRIPLES};
        if (f == null) f = Formats.negotiate(req.getHeader("Accept"), offered);
        if (f == null) {
            resp.sendError(HttpServletResponse.SC_NOT_ACCEPTABLE, Formats.notAcceptable(req.getHeader("Accept"), offered));
            return;
        }
        if (f == Formats.HTML) {
            Replies.html(resp, 200, html.get());
            return;
        }
        Graph g = RDFDataMgr.loadGraph(file.toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFDataMgr.write(out, g, f.format);
        Replies.send(resp, 200, f.contentType(), out.toByteArray());
    }
}
