package org.treatygraph.publish;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import org.treatygraph.core.Resources;
import org.treatygraph.history.TerritoryHistory;

/**
 * The territories as GeoJSON (RFC 7946: a FeatureCollection, each territory a Feature with its IRI as id, its
 * point or polygon [longitude, latitude] or a null geometry, its names, kind, check and history as properties)
 * and as Linked Places Format (LPF v1.2.2/1.3: GeoJSON-LD with names and their citations, types, geometry with
 * its citation, when, relations to the polities with their when). Both are written the same way every time: the
 * features in IRI order, members in a fixed order, two-space indentation, "\n" line ends.
 */
public final class PlaceExports {
    /** The LPF context, as the LPF README names it. */
    public static final String LPF_CONTEXT = "https://raw.githubusercontent.com/LinkedPasts/linked-places/master/linkedplaces-context-v1.1.jsonld";

    private static final JsonNodeFactory F = JsonNodeFactory.withExactBigDecimals(true);
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private final List<Places.Place> places;

    PlaceExports(List<Places.Place> places) {
        this.places = places;
    }

    // ------------------------------------------------------------------ GeoJSON

    ObjectNode geoJson() {
        ObjectNode fc = F.objectNode();
        fc.put("type", "FeatureCollection");
        ArrayNode features = fc.putArray("features");
        for (Places.Place p : places) features.add(feature(p));
        return fc;
    }

    /** One territory as an RFC 7946 Feature. */
    static ObjectNode feature(Places.Place p) {
        ObjectNode f = F.objectNode();
        f.put("type", "Feature");
        f.put("id", p.iri());
        f.set("geometry", p.geometry() == null ? F.nullNode() : geometry(p.geometry()));
        ObjectNode props = f.putObject("properties");
        props.put("id", p.id());
        props.put("label", p.label());
        props.put("kind", p.kindLabel());
        ArrayNode alt = props.putArray("altLabels");
        for (Places.Name n : p.names().subList(1, p.names().size())) alt.add(n.text());
        props.put("page", p.iri());
        props.put("wikidata", p.wikidata());
        if (p.check() == null) {
            props.putNull("coordinatesCheck");
        } else {
            ObjectNode c = props.putObject("coordinatesCheck");
            c.put("method", p.check().method());
            c.put("methodLabel", p.check().methodLabel());
            c.put("checkedAgainst", p.check().against());
            c.put("excerpt", p.check().excerpt());
            c.put("checkedOn", p.check().checkedOn());
        }
        props.put("noCoordinatesReason", p.noCoordinatesReason());
        ArrayNode history = props.putArray("history");
        for (Places.Interval i : p.history()) {
            ObjectNode h = history.addObject();
            h.put("relation", i.relation());
            h.put("relationType", i.relationType());
            h.put("polity", i.polity());
            h.put("polityLabel", i.polityLabel());
            h.set("from", bound(i.start()));
            h.set("to", bound(i.end()));
            h.put("interval", i.interval());
            h.set("sources", sources(i.refs()));
        }
        return f;
    }

    private static ObjectNode bound(TerritoryHistory.Bound b) {
        ObjectNode o = F.objectNode();
        o.put("iso", Places.iso(b));
        o.put("words", Places.words(b));
        o.put("sourceWords", b.text());
        o.put("act", b.act());
        o.put("stillHolding", b.endOfSources());
        return o;
    }

    private static ArrayNode sources(SortedSet<SourceRefs.Ref> refs) {
        ArrayNode a = F.arrayNode();
        for (SourceRefs.Ref r : refs) {
            ObjectNode o = a.addObject();
            o.put("ref", r.label());
            o.put("quote", r.oneLineQuote());
            o.put("citation", r.iri());
        }
        return a;
    }

    private static ObjectNode geometry(Places.Geometry g) {
        ObjectNode o = F.objectNode();
        o.put("type", g.type());
        o.set("coordinates", coordinates(g.coordinates()));
        return o;
    }

    private static JsonNode coordinates(Object c) {
        if (c instanceof BigDecimal d) return F.numberNode(d);
        ArrayNode a = F.arrayNode();
        for (Object x : (List<?>) c) a.add(coordinates(x));
        return a;
    }

    // ------------------------------------------------------------------ Linked Places

    ObjectNode lpf() {
        ObjectNode fc = F.objectNode();
        fc.put("type", "FeatureCollection");
        fc.put("@context", LPF_CONTEXT);
        ArrayNode features = fc.putArray("features");
        for (Places.Place p : places) features.add(lpfFeature(p));
        return fc;
    }

    /** Feature-level members the LPF schema allows: @id, type, properties, when, names, types, geometry, links, relations, descriptions. */
    static ObjectNode lpfFeature(Places.Place p) {
        ObjectNode f = F.objectNode();
        f.put("@id", p.iri());
        f.put("type", "Feature");
        String[] type = TYPES.getOrDefault(localName(p.kind()), TYPES.get("Territory"));
        ObjectNode props = f.putObject("properties");
        props.put("title", p.label());
        props.putArray("fclasses").add(type[2]);
        ArrayNode spans = F.arrayNode();
        for (Places.Interval i : p.history()) spans.add(timespan(i));
        if (!spans.isEmpty()) {
            ObjectNode when = f.putObject("when");
            when.set("timespans", spans);
            when.put("label", "the dates of the territory's history in the sources: who held it, was assigned it, claimed it, what it lay within");
        }
        ArrayNode names = f.putArray("names");
        for (Places.Name n : p.names()) {
            ObjectNode name = names.addObject();
            name.put("toponym", n.text());
            name.put("lang", n.lang() == null ? "en" : n.lang());
            ArrayNode cites = name.putArray("citations");
            for (SourceRefs.Ref r : n.refs()) cites.add(citation(r));
        }
        ObjectNode t = f.putArray("types").addObject();
        t.put("identifier", "aat:" + type[0]);
        t.put("label", type[1]);
        ObjectNode sl = t.putArray("sourceLabels").addObject();
        sl.put("label", p.kindLabel());
        sl.put("lang", "en");
        // The LPF schema types geometry as an object: a place without checked coordinates has none (no null).
        if (p.geometry() != null) {
            ObjectNode g = geometry(p.geometry());
            g.put("geowkt", p.geometry().wkt());
            if (p.check() != null) {
                ObjectNode c = g.putArray("citations").addObject();
                c.put("label", checkWords(p.check()));
                if (p.check().against() != null) c.put("@id", p.check().against());
            }
            f.set("geometry", g);
        }
        ArrayNode links = F.arrayNode();
        if (p.wikidata() != null) links.addObject().put("type", "exactMatch").put("identifier", "wd:" + p.wikidata());
        if (!links.isEmpty()) f.set("links", links);
        ArrayNode relations = F.arrayNode();
        for (Places.Interval i : p.history()) {
            ObjectNode r = relations.addObject();
            r.put("relationType", i.relationType());
            r.put("relationTo", i.polity());
            r.put("label", oneLine(i.words()));
            ObjectNode when = r.putObject("when");
            when.putArray("timespans").add(timespan(i));
            when.put("label", oneLine("from " + Places.words(i.start()) + " to " + Places.words(i.end())));
            ArrayNode cites = r.putArray("citations");
            for (SourceRefs.Ref ref : i.refs()) cites.add(citation(ref));
        }
        if (!relations.isEmpty()) f.set("relations", relations);
        if (p.noCoordinatesReason() != null) {
            f.putArray("descriptions").addObject().put("value", oneLine("No coordinates: " + p.noCoordinatesReason())).put("lang", "en");
        }
        return f;
    }

    /** An LPF timespan: each bound "in" its ISO form at its own precision, or earliest and latest; an unknown bound is {}. */
    private static ObjectNode timespan(Places.Interval i) {
        ObjectNode ts = F.objectNode();
        ts.set("start", lpfBound(i.start()));
        ts.set("end", lpfBound(i.end()));
        return ts;
    }

    private static ObjectNode lpfBound(TerritoryHistory.Bound b) {
        ObjectNode o = F.objectNode();
        if (b.earliest() == null && b.latest() == null) return o;
        String iso = Places.iso(b);
        if (b.earliest() != null && b.latest() != null && !iso.contains("/")) {
            o.put("in", iso);
        } else {
            if (b.earliest() != null) o.put("earliest", b.earliest().toString());
            if (b.latest() != null) o.put("latest", b.latest().toString());
        }
        return o;
    }

    private static ObjectNode citation(SourceRefs.Ref r) {
        ObjectNode c = F.objectNode();
        c.put("label", "source " + r.label() + ": \u201c" + r.oneLineQuote() + "\u201d");
        c.put("@id", r.iri());
        return c;
    }

    private static String checkWords(Places.Check c) {
        StringBuilder b = new StringBuilder(c.methodLabel() != null ? c.methodLabel() : "checked");
        if (c.against() != null) b.append(": ").append(c.against());
        if (c.checkedOn() != null) b.append(", on ").append(c.checkedOn());
        if (c.excerpt() != null) b.append(" (\u201c").append(c.excerpt()).append("\u201d)");
        return oneLine(b.toString());
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    private static String localName(String iri) {
        return iri.substring(Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/')) + 1);
    }

    /** By class name: AAT id, AAT label, GeoNames feature class (exports/lpf-types.tsv, which says where they come from). */
    private static final Map<String, String[]> TYPES = new LinkedHashMap<>();
    static {
        for (String line : Resources.text(PlaceExports.class, "exports/lpf-types.tsv").split("\n")) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t");
            TYPES.put(f[0], new String[] {f[1], f[2], f[3]});
        }
    }

    // ------------------------------------------------------------------ writing

    /** JSON as the dumps write it: two-space indentation, "\n" line ends, a final line end. */
    static byte[] bytes(JsonNode n) {
        DefaultIndenter indent = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter().withObjectIndenter(indent).withArrayIndenter(indent);
        try {
            return (JSON.writer(pp).writeValueAsString(n) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path p, JsonNode n) throws IOException {
        Files.write(p, bytes(n));
        return p;
    }
}
