package org.treatygraph.convert;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.SKOS;
import org.treatygraph.core.Location;
import org.treatygraph.core.Problem;
import org.treatygraph.ontology.IriScheme;
import org.treatygraph.ontology.TG;

/**
 * The checked Wikidata links of data/wikidata/links.yaml. Each link gives its entity skos:exactMatch to
 * the item and tg:wikidataId with the bare QID (asserted graph); the statement of the exactMatch triple
 * carries the check (provenance graph). A link without a complete check, to an unknown entity, or
 * repeating an entity or a QID is an error at its line: a wrong link is worse than none.
 *
 * <p>An entry may also list looser links ({@code closeMatch}): another item that Wikidata's own treaty items use
 * for our entity where the exact link names the item whose time covers our facts (the Weimar Republic beside the
 * German Reich). Each is skos:closeMatch with its own check (the page, the excerpt that shows the QID, the label,
 * the item that uses it), so a query joining Wikidata's statements on either item finds our entity.
 */
final class WikidataLinks {
    private static final Pattern QID = Pattern.compile("Q[1-9][0-9]*");
    private static final Set<String> KEYS = Set.of("entity", "qid", "how", "page", "excerpt", "itemLabel", "checked", "note",
            "acceptedBy", "score", "review", "closeMatch");
    private static final Set<String> CLOSE_KEYS = Set.of("qid", "page", "excerpt", "itemLabel", "usedBy", "checked", "note");
    private static final Map<String, List<String>> REQUIRED = Map.of(
            "stored-page", List.of("page", "excerpt", "itemLabel"),
            "accepted-candidate", List.of("acceptedBy", "score"));

    private WikidataLinks() {}

    /**
     * Reads the links and writes them; problems are added, nothing is written for an entry with one.
     * @param entities the entities the records define (their IRIs)
     */
    static void read(YamlNode root, Set<Node> entities, Graph asserted, Graph provenance, Map<Node, Location> locations, List<Problem> problems) {
        YamlNode list = root.isMap() ? root.get("links") : null;
        if (list == null || !list.isList()) {
            if (!(root.isScalar() && root.text() == null)) problems.add(new Problem(root.location(), "expected a map with a list under 'links'"));
            return;
        }
        Map<String, Location> byEntity = new HashMap<>(), byQid = new HashMap<>();
        Map<String, Location> closeQids = new HashMap<>();
        for (YamlNode item : list.items()) {
            if (!item.isMap()) {
                problems.add(new Problem(item.location(), "a link is a map (entity, qid, how, …), not " + item.describe()));
                continue;
            }
            int before = problems.size();
            for (String key : item.entries().keySet()) {
                if (!KEYS.contains(key)) problems.add(new Problem(item.keyLocation(key), "unknown key '" + key + "'" + Suggest.nearest(key, KEYS)));
            }
            String entity = text(item, "entity", problems), qid = text(item, "qid", problems), how = text(item, "how", problems);
            String checked = text(item, "checked", problems);
            Node subject = entity == null ? null : IriScheme.iri(entity);
            if (subject != null && (!entities.contains(subject) || !entity.matches("[a-z-]+/[^/]+"))) {
                problems.add(new Problem(item.get("entity").location(), "no entity '" + entity + "' in the records"
                        + Suggest.nearest(entity, entities.stream().map(IriScheme::id).toList())));
            }
            if (qid != null && !QID.matcher(qid).matches()) problems.add(new Problem(item.get("qid").location(), "'" + qid + "' is not a Wikidata item id (Q followed by digits)"));
            if (how != null && !REQUIRED.containsKey(how)) {
                problems.add(new Problem(item.get("how").location(), "how '" + how + "': expected one of " + REQUIRED.keySet().stream().sorted().toList()));
            } else if (how != null) {
                for (String key : REQUIRED.get(how)) text(item, key, problems);
            }
            if (checked != null) {
                try {
                    LocalDate.parse(checked);
                } catch (DateTimeParseException e) {
                    problems.add(new Problem(item.get("checked").location(), "checked '" + checked + "' is not a date (YYYY-MM-DD)"));
                }
            }
            if ("stored-page".equals(how) && qid != null && item.get("excerpt") != null && item.get("excerpt").text() != null
                    && !Pattern.compile("(?<![0-9])" + qid.substring(1) + "(?![0-9])").matcher(item.get("excerpt").text()).find()) {
                problems.add(new Problem(item.get("excerpt").location(), "the excerpt does not show " + qid + ": it must be the page's words that give the QID"));
            }
            String page = item.get("page") == null ? null : item.get("page").text();
            if (page != null && !page.matches("https?://\\S+")) problems.add(new Problem(item.get("page").location(), "page '" + page + "' is not an http(s) URL"));
            Double score = null;
            if (item.get("score") != null) {
                try {
                    score = Double.parseDouble(item.get("score").text());
                    if (score < 0 || score > 100) throw new NumberFormatException();
                } catch (NumberFormatException | NullPointerException e) {
                    problems.add(new Problem(item.get("score").location(), "score must be a number from 0 to 100"));
                }
            }
            if (entity != null && byEntity.containsKey(entity)) problems.add(new Problem(item.get("entity").location(), entity + " is already linked at " + byEntity.get(entity)));
            if (qid != null && byQid.containsKey(qid)) problems.add(new Problem(item.get("qid").location(), qid + " is already linked to another entity at " + byQid.get(qid)));
            if (entity != null) byEntity.putIfAbsent(entity, item.location());
            if (qid != null) byQid.putIfAbsent(qid, item.location());
            List<YamlNode> close = closeMatches(item, qid, closeQids, problems);
            if (problems.size() > before) continue;

            Triple link = Triple.create(subject, SKOS.exactMatch.asNode(), NodeFactory.createURI(IriScheme.WIKIDATA_ITEM + qid));
            Triple id = Triple.create(subject, TG.wikidataId, NodeFactory.createLiteralString(qid));
            asserted.add(link);
            asserted.add(id);
            Node st = Provenance.statement(link, provenance);
            locations.put(st, item.location());
            locations.put(Provenance.statementIri(id), item.location());
            provenance.add(Triple.create(st, TG.checkMethod, how.equals("stored-page") ? TG.StoredPageCheck : TG.AcceptedCandidate));
            provenance.add(Triple.create(st, TG.checkedOn, NodeFactory.createLiteralDT(checked, XSDDatatype.XSDdate)));
            if (page != null) provenance.add(Triple.create(st, TG.checkedAgainst, NodeFactory.createURI(page)));
            literal(item, "excerpt", st, TG.checkExcerpt, provenance);
            literal(item, "itemLabel", st, TG.itemLabelSeen, provenance);
            literal(item, "acceptedBy", st, TG.acceptedBy, provenance);
            if (item.get("note") != null && item.get("note").text() != null)
                provenance.add(Triple.create(st, TG.note, NodeFactory.createLiteralLang(item.get("note").text(), "en")));
            if (score != null) provenance.add(Triple.create(st, TG.candidateScore,
                    NodeFactory.createLiteralDT(BigDecimal.valueOf(score).toPlainString(), XSDDatatype.XSDdecimal)));
            for (YamlNode c : close) {
                Triple looser = Triple.create(subject, SKOS.closeMatch.asNode(), NodeFactory.createURI(IriScheme.WIKIDATA_ITEM + c.get("qid").text().strip()));
                asserted.add(looser);
                Node cst = Provenance.statement(looser, provenance);
                locations.put(cst, c.location());
                provenance.add(Triple.create(cst, TG.checkMethod, TG.StoredPageCheck));
                provenance.add(Triple.create(cst, TG.checkedOn, NodeFactory.createLiteralDT(c.get("checked").text().strip(), XSDDatatype.XSDdate)));
                provenance.add(Triple.create(cst, TG.checkedAgainst, NodeFactory.createURI(c.get("page").text().strip())));
                provenance.add(Triple.create(cst, TG.usedByItem, NodeFactory.createURI(IriScheme.WIKIDATA_ITEM + c.get("usedBy").text().strip())));
                literal(c, "excerpt", cst, TG.checkExcerpt, provenance);
                literal(c, "itemLabel", cst, TG.itemLabelSeen, provenance);
                if (c.get("note") != null && c.get("note").text() != null)
                    provenance.add(Triple.create(cst, TG.note, NodeFactory.createLiteralLang(c.get("note").text(), "en")));
            }
        }
        // A looser link's item is not another entity's exact item: that would say two of our entities are near one thing.
        closeQids.forEach((q, at) -> {
            if (byQid.containsKey(q)) problems.add(new Problem(at, q + " is the exact link of another entry (" + byQid.get(q) + "): a closeMatch names an item no entity is linked to exactly"));
        });
    }

    /** The entry's looser links, checked as a stored-page link is; problems are added for each that is incomplete. */
    private static List<YamlNode> closeMatches(YamlNode item, String exactQid, Map<String, Location> closeQids, List<Problem> problems) {
        YamlNode list = item.get("closeMatch");
        if (list == null) return List.of();
        if (!list.isList()) {
            problems.add(new Problem(list.location(), "closeMatch is a list of looser links (qid, page, excerpt, itemLabel, usedBy, checked), not " + list.describe()));
            return List.of();
        }
        List<YamlNode> good = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (YamlNode c : list.items()) {
            if (!c.isMap()) {
                problems.add(new Problem(c.location(), "a closeMatch is a map (qid, page, excerpt, itemLabel, usedBy, checked), not " + c.describe()));
                continue;
            }
            int before = problems.size();
            for (String key : c.entries().keySet()) {
                if (!CLOSE_KEYS.contains(key)) problems.add(new Problem(c.keyLocation(key), "unknown key '" + key + "' in a closeMatch" + Suggest.nearest(key, CLOSE_KEYS)));
            }
            String qid = closeText(c, "qid", problems), usedBy = closeText(c, "usedBy", problems), checked = closeText(c, "checked", problems);
            String page = closeText(c, "page", problems), excerpt = closeText(c, "excerpt", problems);
            closeText(c, "itemLabel", problems);
            if (qid != null && !QID.matcher(qid).matches()) problems.add(new Problem(c.get("qid").location(), "'" + qid + "' is not a Wikidata item id (Q followed by digits)"));
            if (usedBy != null && !QID.matcher(usedBy).matches()) problems.add(new Problem(c.get("usedBy").location(), "usedBy '" + usedBy + "' is not a Wikidata item id: it names the Wikidata item (a treaty) whose statements use this item"));
            if (page != null && !page.matches("https?://\\S+")) problems.add(new Problem(c.get("page").location(), "page '" + page + "' is not an http(s) URL"));
            if (checked != null) {
                try {
                    LocalDate.parse(checked);
                } catch (DateTimeParseException e) {
                    problems.add(new Problem(c.get("checked").location(), "checked '" + checked + "' is not a date (YYYY-MM-DD)"));
                }
            }
            if (qid != null && excerpt != null && !Pattern.compile("(?<![0-9])" + qid.substring(1) + "(?![0-9])").matcher(excerpt).find())
                problems.add(new Problem(c.get("excerpt").location(), "the excerpt does not show " + qid + ": it must be the page's words that give the QID"));
            if (qid != null && qid.equals(exactQid)) problems.add(new Problem(c.get("qid").location(), qid + " is this entry's exact link; a closeMatch names another item"));
            if (qid != null && !seen.add(qid)) problems.add(new Problem(c.get("qid").location(), qid + " is listed twice as a closeMatch of this entry"));
            if (qid != null) closeQids.putIfAbsent(qid, c.get("qid").location());
            if (problems.size() == before) good.add(c);
        }
        return good;
    }

    private static String closeText(YamlNode c, String key, List<Problem> problems) {
        YamlNode v = c.get(key);
        if (v == null || !v.isScalar() || v.text() == null || v.text().isBlank()) {
            problems.add(new Problem(v == null ? c.location() : v.location(), "a closeMatch needs '" + key + "'" + (v == null ? "" : ", found " + v.describe())));
            return null;
        }
        return v.text().strip();
    }

    /** A required scalar, or null with a problem. */
    private static String text(YamlNode item, String key, List<Problem> problems) {
        YamlNode v = item.get(key);
        if (v == null || !v.isScalar() || v.text() == null || v.text().isBlank()) {
            problems.add(new Problem(v == null ? item.location() : v.location(), "a link needs '" + key + "'" + (v == null ? "" : ", found " + v.describe())));
            return null;
        }
        return v.text().strip();
    }

    private static void literal(YamlNode item, String key, Node st, Node p, Graph g) {
        YamlNode v = item.get(key);
        if (v != null && v.text() != null) g.add(Triple.create(st, p, NodeFactory.createLiteralString(v.text())));
    }
}
