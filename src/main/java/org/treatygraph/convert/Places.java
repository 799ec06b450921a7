package org.treatygraph.convert;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.treatygraph.core.Location;
import org.treatygraph.core.Problem;
import org.treatygraph.ontology.GEO;
import org.treatygraph.ontology.IriScheme;
import org.treatygraph.ontology.PROV;
import org.treatygraph.ontology.TG;

/**
 * The territories' coordinates of data/places.yaml (docs/places.md). Each entry places one territory: a
 * point ({@code lat}, {@code long}) or a polygon ({@code wkt}) with the check that justifies it (the stored
 * record read, its words that give the coordinates, the day, and why that record stands for our
 * territory), or {@code none} with the reason it has no coordinates. A point gives its territory
 * geo:hasGeometry a geometry node with geo:asWKT, and wgs84:lat/long (asserted graph); the check hangs on
 * the statement of the geo:hasGeometry triple (provenance graph), as for a Wikidata link. An entry without
 * its check, outside the ranges of latitude and longitude, for an unknown territory or one placed twice,
 * or whose excerpt does not show its numbers, is an error at its line: a wrong point is worse than none.
 */
final class Places {
    private static final Set<String> KEYS = Set.of("territory", "lat", "long", "wkt", "how", "page", "excerpt", "checked", "note", "none");
    private static final List<String> CHECK = List.of("how", "page", "excerpt", "checked", "note");
    private static final Pattern WKT = Pattern.compile("(?i)\\s*(POINT|POLYGON|MULTIPOLYGON)\\s*(\\(.*\\))\\s*");
    private static final Pattern PAIR = Pattern.compile("(-?[0-9]+(?:\\.[0-9]+)?)\\s+(-?[0-9]+(?:\\.[0-9]+)?)");
    private static final Pattern RING = Pattern.compile("\\(([^()]*)\\)");

    private Places() {}

    /**
     * Reads the places and writes them; problems are added, nothing is written for an entry with one.
     * @param entities the entities the records define (their IRIs)
     */
    static void read(YamlNode root, Set<Node> entities, Graph asserted, Graph provenance, Map<Node, Location> locations, List<Problem> problems) {
        if (root.isScalar() && root.text() == null) return;
        if (!root.isList()) {
            problems.add(new Problem(root.location(), "expected a list of places (territory, lat, long and the check, or none), not " + root.describe()));
            return;
        }
        List<String> territories = entities.stream().map(IriScheme::id).filter(id -> id != null && id.startsWith("territory/")).sorted().toList();
        Map<String, Location> placed = new HashMap<>();
        for (YamlNode item : root.items()) {
            if (!item.isMap()) {
                problems.add(new Problem(item.location(), "a place is a map (territory, lat, long, how, page, excerpt, checked, note; or territory and none), not " + item.describe()));
                continue;
            }
            int before = problems.size();
            for (String key : item.entries().keySet()) {
                if (!KEYS.contains(key)) problems.add(new Problem(item.keyLocation(key), "unknown key '" + key + "'" + Suggest.nearest(key, KEYS)));
            }
            String territory = text(item, "territory", problems);
            Node subject = territory == null ? null : IriScheme.iri(territory);
            if (territory != null) {
                if (!territories.contains(territory) || !entities.contains(subject)) {
                    problems.add(new Problem(item.get("territory").location(), "no territory '" + territory + "' in the records" + Suggest.nearest(territory, territories)));
                } else if (placed.containsKey(territory)) {
                    problems.add(new Problem(item.get("territory").location(), territory + " is already placed at " + placed.get(territory)));
                }
                placed.putIfAbsent(territory, item.location());
            }

            if (item.get("none") != null) {
                String reason = text(item, "none", problems);
                for (String key : List.of("lat", "long", "wkt", "how", "page", "excerpt", "checked"))
                    if (item.get(key) != null)
                        problems.add(new Problem(item.keyLocation(key), "'" + key + "' beside 'none': an entry either places its territory, with the check, or says why it has no coordinates"));
                if (problems.size() > before) continue;
                Triple why = Triple.create(subject, TG.noCoordinatesReason, NodeFactory.createLiteralLang(reason, "en"));
                asserted.add(why);
                // The reason is the editors' own words, attributed to them like their notes.
                Node whySt = Provenance.statement(why, provenance);
                provenance.add(Triple.create(whySt, TG.basis, TG.Editorial));
                provenance.add(Triple.create(whySt, PROV.wasAttributedTo, TG.editors));
                locations.put(whySt, item.location());
                continue;
            }

            BigDecimal lat = degrees(item, "lat", 90, problems), lon = degrees(item, "long", 180, problems);
            if ((item.get("lat") == null) != (item.get("long") == null))
                problems.add(new Problem(item.location(), "a point needs both 'lat' and 'long'"));
            String wkt = item.get("wkt") == null ? null : wkt(item, problems);
            if (item.get("lat") == null && item.get("long") == null && item.get("wkt") == null) {
                problems.add(new Problem(item.location(), "a place needs 'lat' and 'long' (or 'wkt') with the check, or 'none' with the reason it has no coordinates"));
                continue;
            }
            List<String> missing = new ArrayList<>();
            for (String key : CHECK) {
                YamlNode v = item.get(key);
                if (v == null || !v.isScalar() || v.text() == null || v.text().isBlank()) missing.add(key);
            }
            if (!missing.isEmpty()) {
                problems.add(new Problem(item.location(), "a point without its check: " + territory + " needs " + String.join(", ", missing.stream().map(k -> "'" + k + "'").toList())
                        + " (the stored record read, its words that give the coordinates, the day, and why that record is this territory)"));
                continue;
            }
            String how = item.get("how").text().strip();
            if (!how.equals("stored-page")) problems.add(new Problem(item.get("how").location(), "how '" + how + "': expected stored-page"));
            String page = item.get("page").text().strip();
            if (!page.matches("https?://\\S+")) problems.add(new Problem(item.get("page").location(), "page '" + page + "' is not an http(s) URL"));
            String checked = item.get("checked").text().strip();
            try {
                LocalDate.parse(checked);
            } catch (DateTimeParseException e) {
                problems.add(new Problem(item.get("checked").location(), "checked '" + checked + "' is not a date (YYYY-MM-DD)"));
            }
            String excerpt = item.get("excerpt").text();
            List<String[]> shown = new ArrayList<>();
            if (lat != null) shown.add(new String[] {"latitude", item.get("lat").text()});
            if (lon != null) shown.add(new String[] {"longitude", item.get("long").text()});
            if (wkt != null && lat == null) {
                Matcher m = PAIR.matcher(wkt);
                if (m.find()) {
                    shown.add(new String[] {"longitude", m.group(1)});
                    shown.add(new String[] {"latitude", m.group(2)});
                }
            }
            for (String[] s : shown) {
                if (!Pattern.compile("(?<![0-9])" + Pattern.quote(s[1]) + "(?![0-9])").matcher(excerpt).find())
                    problems.add(new Problem(item.get("excerpt").location(), "the excerpt does not show the " + s[0] + " " + s[1]
                            + ": it must be the record's words that give the coordinates, digit for digit"));
            }
            if (problems.size() > before) continue;

            Node geometry = IriScheme.geometry(subject);
            String asWkt = wkt != null ? wkt : "POINT(" + lon.toPlainString() + " " + lat.toPlainString() + ")";
            Triple has = Triple.create(subject, GEO.hasGeometry, geometry);
            asserted.add(has);
            asserted.add(Triple.create(geometry, RDF.type.asNode(), GEO.Geometry));
            asserted.add(Triple.create(geometry, GEO.asWKT, NodeFactory.createLiteralDT(asWkt, GEO.wktLiteral)));
            if (lat != null && lon != null) {
                asserted.add(Triple.create(subject, GEO.lat, NodeFactory.createLiteralDT(lat.toPlainString(), XSDDatatype.XSDdecimal)));
                asserted.add(Triple.create(subject, GEO.lon, NodeFactory.createLiteralDT(lon.toPlainString(), XSDDatatype.XSDdecimal)));
            }
            Node st = Provenance.statement(has, provenance);
            // The geometry node belongs to the territory: its description (and page) include it.
            provenance.add(Triple.create(geometry, TG.ofEntity, subject));
            locations.put(st, item.location());
            locations.put(geometry, item.location());
            provenance.add(Triple.create(st, TG.checkMethod, TG.StoredPageCheck));
            provenance.add(Triple.create(st, TG.checkedOn, NodeFactory.createLiteralDT(checked, XSDDatatype.XSDdate)));
            provenance.add(Triple.create(st, TG.checkedAgainst, NodeFactory.createURI(page)));
            provenance.add(Triple.create(st, TG.checkExcerpt, NodeFactory.createLiteralString(excerpt)));
            provenance.add(Triple.create(st, TG.note, NodeFactory.createLiteralLang(item.get("note").text(), "en")));
        }
    }

    /** Decimal degrees within ±limit, or null (with a problem where the key is there but wrong). */
    private static BigDecimal degrees(YamlNode item, String key, int limit, List<Problem> problems) {
        YamlNode v = item.get(key);
        if (v == null) return null;
        String what = key.equals("lat") ? "latitude" : "longitude";
        if (!v.isScalar() || v.text() == null || (v.scalar() != YamlNode.Scalar.FLOAT && v.scalar() != YamlNode.Scalar.INTEGER)) {
            problems.add(new Problem(v.location(), key + " must be the " + what + " in decimal degrees (a number such as 40.60199), found "
                    + (v.isScalar() ? v.describeScalar() : v.describe())));
            return null;
        }
        BigDecimal d;
        try {
            d = new BigDecimal(v.text().strip());
        } catch (NumberFormatException e) {
            problems.add(new Problem(v.location(), key + " must be the " + what + " in decimal degrees, found " + v.describeScalar()));
            return null;
        }
        if (d.abs().compareTo(BigDecimal.valueOf(limit)) > 0) {
            problems.add(new Problem(v.location(), what + " " + v.text() + " is outside -" + limit + "..." + limit));
            return null;
        }
        return d;
    }

    /** A WKT POINT, POLYGON or MULTIPOLYGON with longitude-latitude pairs in range and closed rings, or null with a problem. */
    private static String wkt(YamlNode item, List<Problem> problems) {
        YamlNode v = item.get("wkt");
        String text = v.isScalar() ? v.text() : null;
        Matcher m = text == null ? null : WKT.matcher(text);
        if (m == null || !m.matches()) {
            problems.add(new Problem(v.location(), "wkt must be a WKT POINT, POLYGON or MULTIPOLYGON in longitude-latitude order, found " + v.describe()));
            return null;
        }
        String body = m.group(2);
        if (!PAIR.matcher(body).replaceAll("").replaceAll("[(),\\s]", "").isEmpty()) {
            problems.add(new Problem(v.location(), "wkt: expected pairs of numbers (longitude latitude) separated by commas inside parentheses"));
            return null;
        }
        Matcher p = PAIR.matcher(body);
        while (p.find()) {
            BigDecimal lon = new BigDecimal(p.group(1)), lat = new BigDecimal(p.group(2));
            if (lon.abs().compareTo(BigDecimal.valueOf(180)) > 0 || lat.abs().compareTo(BigDecimal.valueOf(90)) > 0) {
                problems.add(new Problem(v.location(), "wkt: the pair '" + p.group() + "' is outside longitude -180...180, latitude -90...90 (WKT gives longitude first)"));
                return null;
            }
        }
        if (!m.group(1).equalsIgnoreCase("POINT")) {
            Matcher r = RING.matcher(body);
            while (r.find()) {
                String[] pts = r.group(1).strip().split("\\s*,\\s*");
                if (pts.length < 4 || !pts[0].equals(pts[pts.length - 1])) {
                    problems.add(new Problem(v.location(), "wkt: a polygon's ring needs at least four points, the last the same as the first"));
                    return null;
                }
            }
        }
        return m.group(1).toUpperCase() + body;
    }

    /** A required scalar, or null with a problem. */
    private static String text(YamlNode item, String key, List<Problem> problems) {
        YamlNode v = item.get(key);
        if (v == null || !v.isScalar() || v.text() == null || v.text().isBlank()) {
            problems.add(new Problem(v == null ? item.location() : v.location(), "a place needs '" + key + "'" + (v == null ? "" : ", found " + v.describe())));
            return null;
        }
        return v.text().strip();
    }
}
