package org.treatygraph.convert;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.jena.datatypes.RDFDatatype;
import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.treatygraph.convert.YamlNode.Scalar;
import org.treatygraph.core.Problem;
import org.treatygraph.ontology.Term;

/**
 * A record's scalar as a literal of its property's range datatype, checked strictly. XSD alone is too
 * lenient for hand-written data: "19200507" and "99999" are valid xsd:gYears, "1" a valid xsd:boolean,
 * "+05" a valid xsd:integer. So a value must also be of the YAML type the datatype wants (a number
 * unquoted, a date quoted), in its plain form (four-digit years, no time zone, no 0x or 1_000), and a
 * date must fall in the window of plausible dates.
 */
final class Literals {
    /** How a datatype's values are written: what YAML must read them as, their plain form, and in words. */
    private record Form(Set<Scalar> yaml, Pattern lexical, String written) {
        Form(Set<Scalar> yaml, String lexical, String written) {
            this(yaml, Pattern.compile(lexical), written);
        }
    }

    private static final String WHOLE = "-?(0|[1-9][0-9]*)";
    private static final Form INTEGER = new Form(Set.of(Scalar.INTEGER), WHOLE, "a whole number in plain digits, such as 5");
    private static final Form DAY = new Form(Set.of(Scalar.TEXT), "[0-9]{4}-[0-9]{2}-[0-9]{2}", "\"YYYY-MM-DD\"");
    private static final Map<XSDDatatype, Form> FORMS = Map.ofEntries(
            Map.entry(XSDDatatype.XSDinteger, INTEGER), Map.entry(XSDDatatype.XSDint, INTEGER), Map.entry(XSDDatatype.XSDlong, INTEGER),
            Map.entry(XSDDatatype.XSDshort, INTEGER), Map.entry(XSDDatatype.XSDbyte, INTEGER),
            Map.entry(XSDDatatype.XSDnonNegativeInteger, INTEGER), Map.entry(XSDDatatype.XSDpositiveInteger, INTEGER),
            Map.entry(XSDDatatype.XSDnonPositiveInteger, INTEGER), Map.entry(XSDDatatype.XSDnegativeInteger, INTEGER),
            Map.entry(XSDDatatype.XSDunsignedLong, INTEGER), Map.entry(XSDDatatype.XSDunsignedInt, INTEGER),
            Map.entry(XSDDatatype.XSDunsignedShort, INTEGER), Map.entry(XSDDatatype.XSDunsignedByte, INTEGER),
            Map.entry(XSDDatatype.XSDdecimal, new Form(Set.of(Scalar.INTEGER, Scalar.FLOAT), WHOLE + "(\\.[0-9]+)?", "a number in plain digits, such as 6.5")),
            Map.entry(XSDDatatype.XSDdouble, new Form(Set.of(Scalar.INTEGER, Scalar.FLOAT), WHOLE + "(\\.[0-9]+)?([eE]-?[0-9]+)?", "a number such as 6.5 or 2.5e3")),
            Map.entry(XSDDatatype.XSDfloat, new Form(Set.of(Scalar.INTEGER, Scalar.FLOAT), WHOLE + "(\\.[0-9]+)?([eE]-?[0-9]+)?", "a number such as 6.5 or 2.5e3")),
            Map.entry(XSDDatatype.XSDboolean, new Form(Set.of(Scalar.BOOLEAN), "true|false", "true or false")),
            Map.entry(XSDDatatype.XSDdate, DAY),
            Map.entry(XSDDatatype.XSDgYearMonth, new Form(Set.of(Scalar.TEXT), "[0-9]{4}-[0-9]{2}", "\"YYYY-MM\"")),
            Map.entry(XSDDatatype.XSDgYear, new Form(Set.of(Scalar.TEXT), "[0-9]{4}", "\"YYYY\"")));

    private final DateWindow window;

    /** @param window the plausible dates, or null to leave dates unchecked (the source list: a source's own dates are later) */
    Literals(DateWindow window) {
        this.window = window;
    }

    /** The literal for a datatype property's value, or null with a problem at the value. */
    Node literal(Term term, YamlNode value, List<Problem> problems) {
        String text = value.text();
        if (term.datatypes().isEmpty()) return NodeFactory.createLiteralString(text.strip());
        for (String dt : term.datatypes()) {
            RDFDatatype datatype = TypeMapper.getInstance().getSafeTypeByName(dt);
            // Text is kept as written, whatever YAML read it as: the words are the source's, not a value to parse.
            if (datatype.equals(XSDDatatype.XSDstring)) return NodeFactory.createLiteralString(text.strip());
            Form form = form(datatype);
            if (!form.yaml().contains(value.scalar()) || !form.lexical().matcher(text).matches() || !datatype.isValid(text)) continue;
            Node literal = NodeFactory.createLiteralDT(text, datatype);
            LocalDate[] range = Dates.range(literal);
            if (window != null && range != null && !window.admits(range)) {
                problems.add(new Problem(value.location(), "implausible date for '" + term.key() + "': " + text
                        + " lies outside the window of plausible dates, " + window + "; if the date is right, widen the window there"));
                return null;
            }
            return literal;
        }
        List<Form> forms = term.datatypes().stream().map(dt -> form(TypeMapper.getInstance().getSafeTypeByName(dt))).distinct().toList();
        boolean quoted = forms.stream().allMatch(f -> f.yaml().equals(Set.of(Scalar.TEXT)));
        boolean unquoted = forms.stream().noneMatch(f -> f.yaml().contains(Scalar.TEXT));
        problems.add(new Problem(value.location(), "wrong datatype for '" + term.key() + "': expected " + RecordConverter.describe(term.datatypes())
                + " (" + (quoted ? "quoted: " : unquoted ? "unquoted: " : "") + RecordConverter.either(forms.stream().map(Form::written).toList())
                + "), found " + value.describeScalar()));
        return null;
    }

    /** A day written "YYYY-MM-DD" that the calendar has, or null. */
    static LocalDate day(YamlNode value) {
        String text = value.text();
        if (value.scalar() != Scalar.TEXT || !DAY.lexical().matcher(text).matches() || !XSDDatatype.XSDdate.isValid(text)) return null;
        return LocalDate.parse(text);
    }

    private static Form form(RDFDatatype datatype) {
        Form form = datatype instanceof XSDDatatype x ? FORMS.get(x) : null;
        // Any other datatype: text, as XSD defines it.
        return form != null ? form : new Form(Set.of(Scalar.TEXT), "(?s).*", "text that is a valid " + datatype.getURI());
    }
}
