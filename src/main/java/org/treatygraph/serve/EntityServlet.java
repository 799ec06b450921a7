package org.treatygraph.serve;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.treatygraph.ontology.IriScheme;
import org.treatygraph.ontology.Prefixes;

/**
 * Linked Data for every entity IRI under /id/: its description as RDF (its own triples, the nodes that
 * belong to it such as roles, dates and articles, their citations, and the labels of what it links to)
 * or as a page for people, chosen by Accept or by a .ttl/.jsonld/.rdf/.nt suffix.
 */
final class EntityServlet extends HttpServlet {
    private final Site site;

    EntityServlet(Site site) {
        this.site = site;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getRequestURI().substring(req.getContextPath().length());   // /id/agreement/…
        String rest = path.substring("/id/".length());
        Formats bySuffix = null;
        int dot = rest.lastIndexOf('.');
        if (dot > rest.lastIndexOf('/') && Formats.bySuffix(rest.substring(dot + 1)) != null) {
            bySuffix = Formats.bySuffix(rest.substring(dot + 1));
            rest = rest.substring(0, dot);
        }
        String iri = IriScheme.iri(rest).getURI();
        resp.setHeader("Vary", "Accept");
        Formats f = bySuffix != null ? bySuffix
                : Formats.negotiate(req.getHeader("Accept"), Formats.TURTLE, Formats.HTML, Formats.JSONLD, Formats.RDFXML, Formats.NTRIPLES);
        if (f == null) {
            resp.sendError(HttpServletResponse.SC_NOT_ACCEPTABLE, "Offered: text/html, text/turtle, application/ld+json, application/rdf+xml, application/n-triples");
            return;
        }
        Dataset store = DatasetFactory.wrap(site.dataset());
        Formats format = f;
        byte[] body = site.descriptions.view(store, IriScheme.iri(rest), f, description -> format == Formats.HTML
                ? new EntityPage(site, description, iri).render().getBytes(StandardCharsets.UTF_8)
                : RDFWriter.source(description.getDefaultGraph()).format(format.format).asString().getBytes(StandardCharsets.UTF_8));
        if (body == null) notFound(resp, f, iri);
        else Replies.send(resp, 200, f.contentType(), body);
    }

    private static void notFound(HttpServletResponse resp, Formats f, String iri) throws IOException {
        // An RDF client gets an empty document of the syntax it asked for, written by Jena's own writer.
        byte[] body = f == Formats.HTML
                ? Html.page("Not found", "<h1>Not found</h1><p>The treaty graph has nothing about <code>" + Html.esc(iri) + "</code>.</p>").getBytes(StandardCharsets.UTF_8)
                : RDFWriter.source(GraphFactory.createDefaultGraph()).format(f.format).asString().getBytes(StandardCharsets.UTF_8);
        Replies.send(resp, 404, f.contentType(), body);
    }
}
