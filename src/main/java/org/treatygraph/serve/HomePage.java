package org.treatygraph.serve;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.system.Txn;
import org.treatygraph.ontology.IriScheme;
import org.treatygraph.serve.view.Home;
import org.treatygraph.serve.view.Link;

/**
 * The home page (home.jte): how many entities of each kind, linked to their lists (page/home-kinds.rq);
 * how many facts asserted and inferred and triples in all (page/home-graphs.rq); entities to start from
 * (page/home-entry-points.rq); and the build the pages and dumps come from.
 */
final class HomePage {
    private HomePage() {}

    static String render(Site site) {
        DatasetGraph dsg = site.dataset();
        Home home = Txn.calculateRead(dsg, () -> home(site, dsg));
        return Templates.render("home.jte", Map.of("home", home));
    }

    private static Home home(Site site, DatasetGraph dsg) {
        List<Home.Count> kinds = new ArrayList<>();
        for (Binding r : PageQueries.select(dsg, "home-kinds")) {
            String kind = PageQueries.text(r, "kind");
            String label = PageQueries.text(r, "label");
            kinds.add(new Home.Count(label != null ? label : kind, Long.parseLong(PageQueries.text(r, "n")), "/id/" + kind + "/"));
        }
        long asserted = 0, inferred = 0, all = 0;
        for (Binding r : PageQueries.select(dsg, "home-graphs")) {
            long n = Long.parseLong(PageQueries.text(r, "n"));
            String g = r.get("graph").getURI();
            if (g.equals(IriScheme.ASSERTED_GRAPH.getURI())) asserted = n;
            if (g.equals(IriScheme.INFERRED_GRAPH.getURI())) inferred = n;
            all += n;
        }
        List<Home.Count> facts = List.of(
                new Home.Count("facts stated in the records, each with its evidence", asserted, null),
                new Home.Count("facts the ontology's rules infer from them", inferred, null),
                new Home.Count("triples in all (with the evidence, quotes and ontology)", all, "/dumps/"));
        List<Link> entryPoints = new ArrayList<>();
        for (Binding r : PageQueries.select(dsg, "home-entry-points"))
            entryPoints.add(new Link(site.local(r.get("e").getURI()), PageQueries.text(r, "label")));
        String build = site.build() == null ? null : site.build().substring(0, Math.min(12, site.build().length()));
        String builtAt = site.builtAt() == null ? null
                : DateTimeFormatter.ofPattern("d MMMM uuuu, HH:mm 'UTC'", java.util.Locale.ENGLISH).format(site.builtAt().atZone(ZoneOffset.UTC));
        return new Home(kinds, facts, entryPoints, build, builtAt);
    }
}
