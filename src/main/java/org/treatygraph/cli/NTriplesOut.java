package org.treatygraph.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.jena.atlas.io.AWriter;
import org.apache.jena.atlas.io.Writer2;
import org.apache.jena.atlas.lib.CharSpace;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFormatterNT;
import org.apache.jena.riot.system.StreamRDFBase;

/**
 * N-Triples out, as Jena's N-Triples stream writer writes them, faster: an IRI or a literal that needs no
 * escaping (nearly all) is written as one string; anything else (blank nodes, escapes) goes through Jena's
 * own formatter, so the output is Jena's. Measured: Jena's writer formats character by character and was
 * a quarter of `infer`'s time on LUBM(10) (docs/reasoning-benchmark.md).
 */
final class NTriplesOut extends StreamRDFBase {
    private static final String XSD_STRING = XSDDatatype.XSDstring.getURI();
    private final Writer out;
    private final AWriter jena;
    private final NodeFormatterNT formatter = new NodeFormatterNT(CharSpace.UTF8);

    NTriplesOut(OutputStream os) {
        out = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16);
        jena = Writer2.wrapNoBuffer(out);
    }

    @Override
    public void triple(Triple t) {
        try {
            node(t.getSubject());
            out.write(' ');
            node(t.getPredicate());
            out.write(' ');
            node(t.getObject());
            out.write(" .\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void finish() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void node(Node n) throws IOException {
        if (n.isURI() && plainIri(n.getURI())) {
            out.write('<');
            out.write(n.getURI());
            out.write('>');
        } else if (n.isLiteral() && plainLexical(n.getLiteralLexicalForm()) && plainIri(n.getLiteralDatatypeURI())
                && n.getLiteralBaseDirection() == null) {
            out.write('"');
            out.write(n.getLiteralLexicalForm());
            out.write('"');
            String lang = n.getLiteralLanguage();
            if (lang != null && !lang.isEmpty()) {
                out.write('@');
                out.write(lang);
            } else if (!XSD_STRING.equals(n.getLiteralDatatypeURI())) {
                out.write("^^<");
                out.write(n.getLiteralDatatypeURI());
                out.write('>');
            }
        } else {
            formatter.format(jena, n);
        }
    }

    /** Printable ASCII with none of the characters N-Triples escapes in an IRI. */
    private static boolean plainIri(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c >= 0x7f || c == '<' || c == '>' || c == '"' || c == '{' || c == '}' || c == '|' || c == '^' || c == '`' || c == '\\') return false;
        }
        return true;
    }

    /** Printable ASCII with no quote or backslash: written as it is. */
    private static boolean plainLexical(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < ' ' || c >= 0x7f || c == '"' || c == '\\') return false;
        }
        return true;
    }
}
