package org.treatygraph.convert;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.vocabulary.OA;
import org.apache.jena.vocabulary.RDF;
import org.treatygraph.core.Hashing;
import org.treatygraph.core.Location;
import org.treatygraph.ontology.IriScheme;
import org.treatygraph.ontology.PROV;
import org.treatygraph.ontology.TG;

/**
 * Writes the provenance of the asserted facts: each fact as an rdf:Statement with its basis (stated,
 * reading, editorial) and its citations, or, for the editors' own, its attribution to them; each
 * citation as a Web Annotation specific resource of its source with a TextQuoteSelector (exact, prefix,
 * suffix) and a TextPositionSelector (code-point offsets). Plain RDF reification rather than RDF-star,
 * so that every RDF tool, old or new, reads the dumps.
 */
final class Provenance {
    static final int CONTEXT = 32;
    
    private Provenance() {}

    static void write(Collection<Fact> facts, Graph asserted, Graph provenance, Map<Node, Location> statementLocations) {
        Set<Cite> written = new HashSet<>();
        for (Fact f : facts) {
            Triple t = f.triple();
            asserted.add(t);
            Node st = statement(t, provenance);
            statementLocations.put(st, f.location());
            provenance.add(Triple.create(st, TG.basis, f.basis().node()));
            for (String note : f.notes()) provenance.add(Triple.create(st, TG.note, NodeFactory.createLiteralLang(note, "en")));
            for (Cite c : f.cites()) {
                provenance.add(Triple.create(st, TG.citation, c.iri()));
                if (written.add(c)) writeCitation(c, provenance);
            }
            for (Node author : f.accordingTo()) provenance.add(Triple.create(st, TG.accordingTo, author));
            for (String r : f.readings()) provenance.add(Triple.create(st, TG.reading, NodeFactory.createLiteralString(r)));
            if (f.onlyLiteratureTitles())
                provenance.add(Triple.create(st, TG.onlyLiteratureTitle, NodeFactory.createLiteralDT("true", XSDDatatype.XSDboolean)));
            if (f.basis() == Basis.EDITORIAL) {
                // The editors' words: attributed to them, derived from the passages they rest on, never cited.
                provenance.add(Triple.create(st, PROV.wasAttributedTo, TG.editors));
                for (String why : f.editorialReasons()) provenance.add(Triple.create(st, TG.editorialReason, NodeFactory.createLiteralString(why)));
                for (Cite c : f.restsOn()) {
                    provenance.add(Triple.create(st, PROV.wasDerivedFrom, c.iri()));
                    if (written.add(c)) writeCitation(c, provenance);
                }
            }
        }
    }

    private static void writeCitation(Cite c, Graph g) {
        Node cit = c.iri();
        Node quote = NodeFactory.createURI(cit.getURI() + "/quote");
        Node position = NodeFactory.createURI(cit.getURI() + "/position");
        g.add(Triple.create(cit, RDF.type.asNode(), TG.Citation));
        g.add(Triple.create(cit, OA.hasSource.asNode(), c.source().iri()));
        g.add(Triple.create(cit, OA.hasSelector.asNode(), quote));
        g.add(Triple.create(cit, OA.hasSelector.asNode(), position));
        g.add(Triple.create(cit, TG.lineNumber, integer(c.source().lineOf(c.start()), XSDDatatype.XSDinteger)));
        g.add(Triple.create(cit, TG.passagePlace, c.place().node()));
        if (c.quotedAs() != null) g.add(Triple.create(cit, TG.quotedAs, NodeFactory.createLiteralString(c.quotedAs())));
        g.add(Triple.create(quote, RDF.type.asNode(), OA.TextQuoteSelector.asNode()));
        g.add(Triple.create(quote, OA.exact.asNode(), NodeFactory.createLiteralString(c.exact())));
        g.add(Triple.create(quote, OA.prefix.asNode(), NodeFactory.createLiteralString(c.source().before(c.start(), CONTEXT))));
        g.add(Triple.create(quote, OA.suffix.asNode(), NodeFactory.createLiteralString(c.source().after(c.end(), CONTEXT))));
        g.add(Triple.create(position, RDF.type.asNode(), OA.TextPositionSelector.asNode()));
        g.add(Triple.create(position, OA.start.asNode(), integer(c.startOffset(), XSDDatatype.XSDnonNegativeInteger)));
        g.add(Triple.create(position, OA.end.asNode(), integer(c.endOffset(), XSDDatatype.XSDnonNegativeInteger)));
    }

    private static Node integer(int n, XSDDatatype dt) {
        return NodeFactory.createLiteralDT(Integer.toString(n), dt);
    }

    /** Writes the rdf:Statement of a triple (subject, predicate, object), and whose it is; returns its node. */
    static Node statement(Triple t, Graph provenance) {
        Node st = statementIri(t);
        provenance.add(Triple.create(st, RDF.type.asNode(), RDF.Statement.asNode()));
        // Ownership as data: the statement, and a nested node, belong to the entity whose record wrote them.
        Node owner = IriScheme.owner(t.getSubject());
        if (owner != null) {
            provenance.add(Triple.create(st, TG.ofEntity, owner));
            if (!owner.equals(t.getSubject())) provenance.add(Triple.create(t.getSubject(), TG.ofEntity, owner));
        }
        provenance.add(Triple.create(st, RDF.subject.asNode(), t.getSubject()));
        provenance.add(Triple.create(st, RDF.predicate.asNode(), t.getPredicate()));
        provenance.add(Triple.create(st, RDF.object.asNode(), t.getObject()));
        return st;
    }

    /** A stable IRI for the statement of a triple: the same fact gets the same IRI in every build. */
    static Node statementIri(Triple t) {
        String nt = NodeFmtLib.strNT(t.getSubject()) + " " + NodeFmtLib.strNT(t.getPredicate()) + " " + NodeFmtLib.strNT(t.getObject());
        return IriScheme.statement(Hashing.sha256(nt.getBytes(StandardCharsets.UTF_8)).substring(0, 20));
    }
}
