package org.treatygraph.serve;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.system.Txn;
import org.treatygraph.core.InputException;
import org.treatygraph.ontology.IriScheme;
import org.treatygraph.publish.QuickStatements;
import org.treatygraph.publish.WikidataProperties;
import org.treatygraph.serve.view.WikidataProposals;

/**
 * /wikidata/proposals: the QuickStatements proposals of the served graph in words, with their evidence and
 * lines, the facts not proposed with their reasons, and the properties with their checks. Computed from the
 * store by publish.QuickStatements, as the dump is (retrieved: the day the served build was made).
 */
final class ProposalsServlet extends HttpServlet {
    private final Site site;
    private final Path properties;
    private final Path cache;
    private volatile String page;
    private volatile String pageBuild;

    ProposalsServlet(Site site, Path properties, Path cache) {
        this.site = site;
        this.properties = properties;
        this.cache = cache;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String build = String.valueOf(site.build());
        String html = page;
        if (html == null || !build.equals(pageBuild)) {
            WikidataProperties checked;
            try {
                checked = WikidataProperties.load(properties);
            } catch (InputException e) {
                resp.sendError(503, "The Wikidata properties file has problems: " + e.getMessage());
                return;
            }
            html = render(checked);
            page = html;
            pageBuild = build;
        }
        Replies.html(resp, 200, html);
    }

    private String render(WikidataProperties checked) throws IOException {
        LocalDate day = site.builtAt() == null ? LocalDate.now(ZoneOffset.UTC) : LocalDate.ofInstant(site.builtAt(), ZoneOffset.UTC);
        Map<String, java.util.Set<String>> known = QuickStatements.knownClaims(cache);
        Dataset ds = DatasetFactory.wrap(site.dataset());
        QuickStatements qs = Txn.calculateRead(ds, () -> new QuickStatements(ds, checked, IriScheme.BASE, day, known));
        List<WikidataProposals.Proposal> proposals = qs.proposals().stream().map(p -> new WikidataProposals.Proposal(site.local(p.subject()),
                p.subjectLabel(), p.qid(), p.property().label() + " (" + p.property().id() + "): " + p.valueWords(),
                p.references().stream().map(r -> new WikidataProposals.Reference(r.url() == null ? "" : site.local(r.url()), r.source(), r.quote())).toList(),
                p.lines())).toList();
        List<WikidataProposals.Skipped> skipped = qs.skipped().stream().map(s -> new WikidataProposals.Skipped(site.local(s.subject()), s.subjectLabel(),
                s.fact(), s.reason())).toList();
        List<WikidataProposals.Property> props = checked.all().stream().map(p -> new WikidataProposals.Property(p.role(), p.id(), p.label(), p.usedFor(),
                p.checks().stream().map(WikidataProperties.Check::page).distinct().toList(), p.checked())).toList();
        return Templates.render("wikidata-proposals.jte", Map.of("page", new WikidataProposals(proposals, skipped, props, qs.lines().size())));
    }
}
