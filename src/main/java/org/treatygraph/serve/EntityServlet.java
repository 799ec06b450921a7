package org.treatygraph.serve;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.sparql.graph.GraphFactory;
import org.treatygraph.ontology.IriScheme;

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
        String rest = Site.after(req, "/id/");
        if (rest.isEmpty()) {
            resp.sendError(404, "an entity is at /id/{kind}/{slug}, e.g. /id/agreement/treaty-of-kars-1921");
            return;
        }
        if (rest.matches("[a-z-]+/?")) {   // a kind, not an entity: the list of its entities
            String page = EntityLists.page(site, rest.replace("/", ""));
            if (page == null) resp.sendError(404, "there is no kind of entity \"" + Refusals.oneLine(rest.replace("/", ""), 40) + "\"; an entity is at /id/{kind}/{slug}");
            else Replies.html(resp, 200, page);
            return;
        }
        Formats bySuffix = null;
        int dot = rest.lastIndexOf('.');
        if (dot > rest.lastIndexOf('/')) {   // ids have no dots (lower-case, hyphenated slugs): after one is a format
            bySuffix = Formats.bySuffix(rest.substring(dot + 1));
            if (bySuffix == null) {
                resp.sendError(404, "\"." + Refusals.oneLine(rest.substring(dot + 1), 40) + "\" is not a format offered here; the suffixes are "
                        + Formats.suffixes() + ", or none for content negotiation");
                return;
            }
            rest = rest.substring(0, dot);
        }
        String iri = IriScheme.iri(rest).getURI();
        resp.setHeader("Vary", "Accept");
        // GeoJSON last, so a wildcard still gets Turtle.
        Formats[] offered = {Formats.TURTLE, Formats.HTML, Formats.JSONLD, Formats.RDFXML, Formats.NTRIPLES, Formats.GEOJSON};
        Formats f = bySuffix != null ? bySuffix : Formats.negotiate(req.getHeader("Accept"), offered);
        if (f == null) {
            resp.sendError(HttpServletResponse.SC_NOT_ACCEPTABLE, Formats.notAcceptable(req.getHeader("Accept"), offered));
            return;
        }
        Dataset store = DatasetFactory.wrap(site.dataset());
        if (f == Formats.GEOJSON) {   // the entity must exist: its (kept) Turtle view says so
            if (site.descriptions.view(store, IriScheme.iri(rest), Formats.TURTLE,
                    description -> DescriptionWriter.write(description.getDefaultGraph(), NodeFactory.createURI(iri), Formats.TURTLE)) == null) {
                notFound(req, resp, f, iri);
            } else {
                Replies.send(resp, 200, f.contentType(), site.places.view(iri));
            }
            return;
        }
        Formats format = f;
        byte[] body = site.descriptions.view(store, IriScheme.iri(rest), f, description -> format == Formats.HTML
                ? EntityPage.render(site, description, iri).getBytes(StandardCharsets.UTF_8)
                : DescriptionWriter.write(description.getDefaultGraph(), NodeFactory.createURI(iri), format));
        if (body == null) notFound(req, resp, f, iri);
        else Replies.send(resp, 200, f.contentType(), body);
    }

    private static void notFound(HttpServletRequest req, HttpServletResponse resp, Formats f, String iri) throws IOException {
        // One line: a decoded path may hold a line break, which must not end the comment below.
        String why = Refusals.oneLine("the treaty graph has nothing about <" + iri + ">", 300);
        Refusals.reason(req, why);
        // An RDF client gets an empty document of the syntax it asked for, written by Jena's own writer (with
        // the reason as a comment in the line-based syntaxes).
        String body = f == Formats.HTML
                ? Html.page("Not found", "<h1>Not found</h1><p>The treaty graph has nothing about <code>" + Html.esc(iri) + "</code>.</p>")
                : f == Formats.GEOJSON ? "{\"type\":\"FeatureCollection\",\"features\":[]}"
                : (f == Formats.TURTLE || f == Formats.NTRIPLES ? "# " + why + "\n" : "")
                        + RDFWriter.source(GraphFactory.createDefaultGraph()).format(f.format).asString();
        Replies.send(resp, 404, f.contentType(), body.getBytes(StandardCharsets.UTF_8));
    }
}
