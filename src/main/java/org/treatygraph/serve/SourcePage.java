package org.treatygraph.serve;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.system.Txn;
import org.treatygraph.serve.view.Link;
import org.treatygraph.serve.view.SourcePassage;

/**
 * The page of a cited passage: who wrote the source and what it is called (page/source.rq), the passage
 * within its paragraph, and the facts that cite it (page/passage-facts.rq). A paragraph is the lines the
 * passage spans: the sources have a paragraph a line (or an OCR line), none longer than a screen or two.
 */
final class SourcePage {
    /** How much of a paragraph is shown either side of the passage, at most (at a space), in characters. */
    private static final int CONTEXT = 1500;

    private SourcePage() {}

    /** The page of characters start–end (code points, 0 ≤ start ≤ end ≤ length) of a source text. */
    static String render(Site site, String file, String text, int start, int end) {
        DatasetGraph dsg = site.dataset();
        SourcePassage page = Txn.calculateRead(dsg, () -> passage(site, dsg, file, text, start, end));
        return Templates.render("source.jte", java.util.Map.of("page", page));
    }

    private static SourcePassage passage(Site site, DatasetGraph dsg, String file, String text, int start, int end) {
        int si = text.offsetByCodePoints(0, start), ei = text.offsetByCodePoints(0, end);
        int from = text.lastIndexOf('\n', si - 1) + 1;
        int to = text.indexOf('\n', ei);
        if (to < 0) to = text.length();
        int b = from, a = to;   // the paragraph, or CONTEXT characters of it either side, cut at a space
        if (si - from > CONTEXT) {
            int space = text.indexOf(' ', si - CONTEXT);
            b = space < 0 || space >= si ? si - CONTEXT : space + 1;
        }
        if (to - ei > CONTEXT) {
            int space = text.lastIndexOf(' ', ei + CONTEXT);
            a = space <= ei ? ei + CONTEXT : space;
        }
        String before = (b > from ? "… " : "") + text.substring(b, si);
        String after = text.substring(ei, a) + (a < to ? " …" : "");
        int line = (int) text.substring(0, si).chars().filter(c -> c == '\n').count() + 1;

        Node fileNode = NodeFactory.createLiteralString(file);
        List<Binding> src = PageQueries.select(dsg, "source", "file", fileNode);
        Binding doc = src.isEmpty() ? null : src.get(0);
        String label = doc == null ? file : orElse(PageQueries.text(doc, "label"), file);
        String title = doc == null ? null : PageQueries.text(doc, "title");
        String author = doc == null ? null : PageQueries.text(doc, "author");
        Link record = doc == null ? null : new Link(site.local(doc.get("doc").getURI()), "the source's record");

        Labels labels = new Labels(site, dsg);
        List<SourcePassage.Citing> facts = new ArrayList<>();
        for (Binding r : PageQueries.select(dsg, "passage-facts", "file", fileNode, "start", integer(start), "end", integer(end))) {
            int cs = PageQueries.integer(r, "cs"), ce = PageQueries.integer(r, "ce");
            facts.add(new SourcePassage.Citing(labels.fact(r.get("s"), r.get("p"), r.get("o")), PageQueries.text(r, "exact"), href(file, cs, ce)));
        }
        return new SourcePassage(title != null ? title : label, author, label, record, "/sources/" + file, start, end, line,
                before, text.substring(si, ei), after, facts);
    }

    /** The link to a passage of a source file (the page's own address, as entity pages and /explain link it). */
    static String href(String file, int start, int end) {
        return "/sources/" + file + "?start=" + start + "&end=" + end + "#passage";
    }

    private static Node integer(int n) {
        return NodeFactory.createLiteralDT(Integer.toString(n), XSDDatatype.XSDinteger);
    }

    private static String orElse(String s, String otherwise) {
        return s != null ? s : otherwise;
    }
}
