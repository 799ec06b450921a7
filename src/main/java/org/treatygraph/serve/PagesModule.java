package org.treatygraph.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;
import org.treatygraph.convert.Project;

/**
 * The pages for people and their RDF: /id/* (Linked Data by content negotiation), /explain, /ontology and
 * /shapes (with their RDF suffixes), /sources/*, the faceted browse of instruments (/browse), the query page,
 * the home page, the review of the proposals for Wikidata (/wikidata/proposals), and their style and script (/assets/*).
 */
final class PagesModule implements FusekiModule {
    private final Site site;
    private final Project project;

    PagesModule(Site site, Project project) {
        this.site = site;
        this.project = project;
    }

    @Override
    public String name() {
        return "treaty-graph pages";
    }

    @Override
    public void prepare(FusekiServer.Builder builder, Set<String> datasetNames, Model config) {
        OntologyServlet ontology = new OntologyServlet(project.ontologyFile(), () -> OntologyPages.html(site));
        OntologyServlet shapes = new OntologyServlet(project.shapesFile(),
                () -> ShapesPage.render(RDFDataMgr.loadGraph(project.shapesFile().toString())));
        builder.addServlet("/ontology", ontology).addServlet("/shapes", shapes);
        for (Formats f : Formats.values()) {
            if (f.format != null) builder.addServlet("/ontology." + f.suffix, ontology).addServlet("/shapes." + f.suffix, shapes);
        }
        QueryPageServlet query;
        try {
            query = new QueryPageServlet(site, project.root().resolve("queries"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        site.queryPage = query.render("", "");
        PageCaching caching = new PageCaching(site);   // pages change only with the build: ETag, 304
        for (String path : new String[] {"/id/*", "/ontology", "/shapes", "/sources/*", "/browse", "/timeline", "/map", "/map.json", "/explain", "/wikidata/proposals", ""}) builder.addFilter(path, caching);
        BrowseServlet browse = new BrowseServlet(site);
        MapServlet map = new MapServlet(site, config == null ? Set.of() : ConfigContext.values(config, "tg:mapTiles"));
        builder.addServlet("/id/*", new EntityServlet(site))
                .addServlet("/explain", new ExplainServlet(site, project))
                .addServlet(QueryPageServlet.PATH, query)
                .addServlet("/browse", browse)
                .addServlet("/timeline", new TimelineServlet(browse))
                .addServlet("/map", map)
                .addServlet("/map.json", map)
                .addServlet("/assets/*", new AssetsServlet())
                .addServlet("/sources/*", new SourcesServlet(site))
                .addServlet("/wikidata/proposals", new ProposalsServlet(site,
                        project.wikidataLinksFile().resolveSibling(org.treatygraph.publish.WikidataProperties.FILE_NAME), project.wikidataCacheDir()))
                .addServlet("", new HomeServlet(site))
                .addServlet("/favicon.ico", new HomeServlet(site));
    }
}
