package org.treatygraph.serve;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.fuseki.server.DataAccessPointRegistry;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdf.model.Model;
import org.treatygraph.convert.NameVariants;
import org.treatygraph.convert.Project;
import org.treatygraph.core.InputException;
import org.treatygraph.core.Progress;
import org.treatygraph.search.SearchIndex;

/**
 * The search box's routes, /search and /search.json ({@link SearchServlet}), over an index of every
 * entity's names ({@link SearchIndex}) built from the store when the server starts, with the project's
 * spelling variants (data/name-variants.yaml); after {@link StoreModule}, which hands the store over.
 */
final class SearchModule implements FusekiModule {
    private final Site site;
    private final Project project;
    private final Progress progress;
    private final boolean madeBeside;

    /**
     * @param madeBeside whether a fresh build makes the index from its graph in memory ({@link #inBackground}) and
     *                   hands it to the site before the server answers ({@link TreatyServer}); else it is made from the store here
     */
    SearchModule(Site site, Project project, Progress progress, boolean madeBeside) {
        this.site = site;
        this.project = project;
        this.progress = progress;
        this.madeBeside = madeBeside;
    }

    /** Starts making the index from a fresh build's graph in memory, on a thread of its own (beside the store's load). */
    static java.util.concurrent.CompletableFuture<SearchIndex> inBackground(org.treatygraph.convert.TreatyGraph graph, Project project, Progress progress) {
        return Background.run("treaty-graph-search-index", () -> SearchIndex.load(graph.queryDataset(), variants(project, progress)));
    }

    private static List<List<String>> variants(Project project, Progress progress) {
        try {
            return NameVariants.groups(project);
        } catch (InputException | IOException e) {
            // The build says what is wrong with the file; the search goes on without the variants.
            progress.step("search: spelling variants not read (" + e.getMessage() + ")");
            return List.of();
        }
    }

    @Override
    public String name() {
        return "treaty-graph search";
    }

    @Override
    public void prepare(FusekiServer.Builder builder, Set<String> datasetNames, Model config) {
        SearchServlet search = new SearchServlet(site, site::searchIndex);
        PageCaching caching = new PageCaching(site);   // hits change only with the build
        builder.addFilter("/search", caching).addFilter("/search.json", caching)
                .addServlet("/search", search).addServlet("/search.json", search);
    }

    @Override
    public void configured(FusekiServer.Builder builder, DataAccessPointRegistry registry, Model config) {
        if (madeBeside) return;
        progress.step("indexing the names of the entities for search");
        SearchIndex index = SearchIndex.load(DatasetFactory.wrap(site.dataset()), variants(project, progress));
        site.searchIndex(index);
        progress.step("search: " + index.size() + " entities indexed");
    }
}
