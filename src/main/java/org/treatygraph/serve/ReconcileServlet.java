package org.treatygraph.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.jena.query.DatasetFactory;
import org.treatygraph.core.DatesInWords;
import org.treatygraph.ontology.IriScheme;
import org.treatygraph.ontology.TG;
import org.treatygraph.reconcile.Catalogue;
import org.treatygraph.reconcile.Matcher;
import org.treatygraph.search.SearchIndex;
import org.treatygraph.serve.view.ReconcilePreview;

/**
 * The W3C Entity Reconciliation service (what OpenRefine and other reconciling clients speak) over every entity
 * of the graph, in the final 0.2 report's dialect at /reconcile and the 1.0 draft's at /reconcile/1.0-draft
 * (whose routes, but for the manifest, answer under /reconcile too):
 * <ul>
 * <li>the manifest (GET of the root: 0.2 at /reconcile, 1.0 draft at /reconcile/1.0-draft);</li>
 * <li>matching: 0.2's {@code queries} (form POST or GET: {"q0": {"query", "type" (one or a list), "limit",
 * "properties": [{"pid", "v"}]}}), the draft's POST /match ({"queries": [{"conditions": [{"matchType": name | id |
 * property, …}], …}]}); candidates scored with their parts as features ({@link Matcher});</li>
 * <li>suggest (GET suggest/entity, suggest/type, suggest/property: prefix, limit, cursor or offset) and 0.2's
 * flyouts (flyout/entity|type|property?id=);</li>
 * <li>preview (GET preview?id=: a small HTML page a client shows in a frame) and view?id= (303 to the entity's
 * page; an id percent-encoded or not);</li>
 * <li>data extension: 0.2's {@code extend} (form POST or GET), the draft's POST /extend, and the property
 * proposals at extend/propose?type=.</li>
 * </ul>
 * Batches, candidates and ids are bounded by the configuration (tg:reconcileQueries, tg:reconcileLimit): a
 * batch beyond is a 413 naming the count; every other mistake is a 400 saying which field, before anything is
 * answered.
 */
final class ReconcileServlet extends HttpServlet {
    static final String V1 = "1.0-draft";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The types offered by default, most useful first. */
    private static final List<String> DEFAULT_TYPES = List.of("Instrument", "Agreement", "CollectiveActor", "Person", "Territory");
    private static final int PREVIEW_ROWS = 6;
    private final Site site;
    private final Limits limits;
    private volatile Catalogue catalogue;
    private volatile Matcher matcher;
    private volatile SearchIndex builtFrom;

    ReconcileServlet(Site site, Limits limits) {
        this.site = site;
        this.limits = limits;
    }

    /** A client's mistake: its status and the message. */
    private static final class Refused extends Exception {
        final int status;

        Refused(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    private static Refused bad(String message) {
        return new Refused(400, message);
    }

    private Catalogue catalogue() throws Refused {
        SearchIndex index = site.searchIndex();
        if (index == null) throw new Refused(503, "the names are still being indexed; try again in a moment");
        if (builtFrom != index) {
            synchronized (this) {
                if (builtFrom != index) {
                    Catalogue c = Catalogue.load(DatasetFactory.wrap(site.dataset()), index, site.hierarchy());
                    matcher = new Matcher(c);
                    catalogue = c;
                    builtFrom = index;
                }
            }
        }
        return catalogue;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        handle(req, resp, false);
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        handle(req, resp, true);
    }

    private void handle(HttpServletRequest req, HttpServletResponse resp, boolean post) throws IOException {
        String path = Site.after(req, "/reconcile");
        boolean v1 = path.equals("/" + V1) || path.startsWith("/" + V1 + "/");
        String route = (v1 ? path.substring(V1.length() + 1) : path).replaceAll("^/+|/+$", "");
        String root = base(req) + "/reconcile" + (v1 ? "/" + V1 : "");
        try {
            switch (route) {
                case "" -> {
                    if (req.getParameter("queries") != null) send(resp, 200, matchV02(req.getParameter("queries")));
                    else if (req.getParameter("extend") != null) send(resp, 200, extend(parse("extend", req.getParameter("extend")), false));
                    else if (post) throw bad("a POST to the reconciliation endpoint carries \"queries\" or \"extend\" (form fields)");
                    else send(resp, 200, v1 ? manifestV1(root) : manifestV02(root));
                }
                case "match" -> send(resp, 200, matchV1(body(req, post)));
                case "extend" -> send(resp, 200, extend(body(req, post), true));
                case "extend/propose" -> send(resp, 200, propose(req));
                case "suggest/entity", "suggest/type", "suggest/property" -> send(resp, 200, suggest(route.substring(8), req));
                case "flyout/entity", "flyout/type", "flyout/property" -> send(resp, 200, flyout(route.substring(7), req));
                case "preview" -> preview(req, resp);
                case "view" -> {
                    Catalogue.Entity e = entityParam(req);
                    resp.setStatus(303);
                    resp.setHeader("Location", site.local(e.names().iri()));
                    resp.setContentLength(0);
                }
                default -> throw new Refused(404, "nothing is served at /reconcile" + path + "; the reconciliation service's routes are in its manifest at /reconcile");
            }
        } catch (Refused r) {
            Refusals.reason(req, r.getMessage());
            send(resp, r.status, JSON.createObjectNode().put("error", r.getMessage()));
        }
    }

    private static String base(HttpServletRequest req) {
        return req.getScheme() + "://" + req.getServerName() + ":" + req.getServerPort() + req.getContextPath();
    }

    // ---- manifests

    private ObjectNode manifestV02(String root) throws Refused {
        ObjectNode m = common("0.2");
        m.put("identifierSpace", IriScheme.ID);
        m.put("schemaSpace", TG.NS);
        m.putObject("view").put("url", root + "/view?id={{id}}");
        ObjectNode suggest = m.putObject("suggest");
        for (String kind : new String[] {"entity", "type", "property"})
            suggest.putObject(kind).put("service_url", root).put("service_path", "/suggest/" + kind).put("flyout_service_path", "/flyout/" + kind + "?id=${id}");
        m.putObject("preview").put("url", root + "/preview?id={{id}}").put("width", 400).put("height", 240);
        ObjectNode extend = m.putObject("extend");
        extend.putObject("propose_properties").put("service_url", root).put("service_path", "/extend/propose");
        extend.putArray("property_settings");
        return m;
    }

    private ObjectNode manifestV1(String root) throws Refused {
        ObjectNode m = common(V1);
        m.put("lang", "en");
        m.put("standardizedScore", true);
        m.putObject("view").put("url", root + "/view?id={id}");
        m.putObject("suggest").put("entity", true).put("property", true).put("type", true);
        m.putObject("preview").put("width", 400).put("height", 240);
        m.putObject("extend").put("proposeProperties", true).putArray("propertySettings");
        return m;
    }

    private ObjectNode common(String version) throws Refused {
        ObjectNode m = JSON.createObjectNode();
        m.putArray("versions").add(version);
        m.put("name", "The treaty graph (Soviet diplomacy 1917–1925)");
        m.put("batchSize", limits.reconcileQueries());
        ArrayNode types = m.putArray("defaultTypes");
        Catalogue c = catalogue();
        for (String t : DEFAULT_TYPES) {
            Catalogue.Term term = c.type(t);
            if (term != null) types.add(type(term, false));
        }
        return m;
    }

    // ---- matching

    private JsonNode parse(String field, String text) throws Refused {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw bad(field + " is not JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")"));
        }
    }

    private JsonNode body(HttpServletRequest req, boolean post) throws Refused, IOException {
        if (!post) throw new Refused(405, "this route takes a POST of a JSON body");
        String type = req.getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json"))
            throw new Refused(415, "the body is JSON: send it with Content-Type: application/json");
        byte[] bytes;
        try (InputStream in = req.getInputStream()) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 1, limits.requestBytes()) + 1);
        }
        if (bytes.length > limits.requestBytes()) throw new Refused(413, "the body is larger than " + limits.requestBytes() + " bytes");
        return parse("the body", new String(bytes, StandardCharsets.UTF_8));
    }

    private ObjectNode matchV02(String text) throws Refused {
        JsonNode batch = parse("queries", text);
        if (!batch.isObject()) throw bad("queries must be an object of named queries, e.g. {\"q0\": {\"query\": \"Treaty of Kars\"}}");
        batchSize(batch.size());
        Catalogue c = catalogue();
        Map<String, Matcher.Query> queries = new LinkedHashMap<>();
        for (var it = batch.fields(); it.hasNext(); ) {
            var q = it.next();
            try {
                queries.put(q.getKey(), queryV02(q.getValue(), c));
            } catch (Refused r) {
                throw new Refused(r.status, "query " + q.getKey() + ": " + r.getMessage());
            }
        }
        ObjectNode out = JSON.createObjectNode();
        queries.forEach((key, q) -> {
            ArrayNode result = out.putObject(key).putArray("result");
            for (Matcher.Candidate m : matcher.match(q)) result.add(candidate(m, c));
        });
        return out;
    }

    private void batchSize(int n) throws Refused {
        if (n > limits.reconcileQueries())
            throw new Refused(413, "the batch has " + n + " queries; this service takes at most " + limits.reconcileQueries() + " a request");
    }

    private Matcher.Query queryV02(JsonNode query, Catalogue c) throws Refused {
        if (!query.isObject()) throw bad("a query is an object, e.g. {\"query\": \"Treaty of Kars\"}");
        JsonNode name = query.get("query");
        JsonNode props = query.get("properties");
        if (props != null && !props.isArray()) throw bad("\"properties\" is a list of {\"pid\": …, \"v\": …}");
        boolean hasProps = props != null && !props.isEmpty();
        if (name != null && (!name.isTextual() || name.asText().isBlank()))
            throw bad("\"query\" (the name to match) is missing or empty: give a name, or leave it out and give \"properties\"");
        if (name == null && !hasProps) throw bad("\"query\" (the name to match) is missing or empty, and there are no \"properties\" to match by");
        if (name != null && name.asText().length() > 500) throw bad("\"query\" is longer than 500 characters");
        List<Catalogue.Term> types = types(query.get("type"), c);
        List<Matcher.Condition> conditions = new ArrayList<>();
        if (props != null)
            for (JsonNode p : props) {
                if (!p.isObject() || !p.path("pid").isTextual() || p.path("v").isMissingNode()) throw bad("each property is {\"pid\": …, \"v\": …}, found " + p);
                conditions.add(new Matcher.Condition(property(p.get("pid").asText(), c), values(p.get("v"), "v"), Matcher.Quantifier.ANY, false));
            }
        return new Matcher.Query(name == null ? null : name.asText(), types, limit(query.get("limit"), 5), conditions, null);
    }

    private List<Catalogue.Term> types(JsonNode type, Catalogue c) throws Refused {
        List<Catalogue.Term> out = new ArrayList<>();
        if (type == null || type.isNull()) return out;
        List<String> given = new ArrayList<>();
        if (type.isTextual()) given.add(type.asText());
        else if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.isTextual()) throw bad("\"type\" is a type id such as \"Agreement\", or a list of them, found " + type);
                given.add(t.asText());
            }
        } else throw bad("\"type\" is a type id such as \"Agreement\", or a list of them, found " + type);
        for (String g : given) {
            if (g.isBlank()) continue;
            Catalogue.Term t = c.type(g);
            if (t == null) throw bad("no type \"" + Refusals.oneLine(g, 80) + "\"; the types are at /reconcile/suggest/type?prefix=");
            out.add(t);
        }
        return out;
    }

    private static Catalogue.Term property(String pid, Catalogue c) throws Refused {
        List<Catalogue.Term> ts = c.property(pid);
        if (ts.isEmpty()) throw bad("no property \"" + Refusals.oneLine(pid, 80) + "\"; the properties are at /reconcile/suggest/property?prefix=");
        if (ts.size() > 1)
            throw bad("\"" + Refusals.oneLine(pid, 40) + "\" is the Wikidata property of " + String.join(" and ", ts.stream().map(Catalogue.Term::id).toList()) + " here: name one of them");
        return ts.get(0);
    }

    /** A property value, or a list of them, as strings: an entity's id for {"id": …}. */
    private static List<String> values(JsonNode v, String field) throws Refused {
        List<String> out = new ArrayList<>();
        for (JsonNode x : v.isArray() ? v : List.of(v)) {
            if (x.isObject() && x.path("id").isTextual()) out.add(x.get("id").asText());
            else if (x.isTextual() || x.isNumber() || x.isBoolean()) out.add(x.asText());
            else throw bad("\"" + field + "\" is a string, number, boolean or {\"id\": …}, or a list of them, found " + Refusals.oneLine(x.toString(), 80));
        }
        if (out.isEmpty()) throw bad("\"" + field + "\" has no value");
        return out;
    }

    private int limit(JsonNode limit, int fallback) throws Refused {
        if (limit == null) return fallback;
        if (!(limit.isIntegralNumber() && limit.canConvertToInt() && limit.asInt() >= 1 && limit.asInt() <= limits.reconcileLimit()))
            throw bad("\"limit\" is a whole number from 1 to " + limits.reconcileLimit() + ", found " + Refusals.oneLine(limit.toString(), 40));
        return limit.asInt();
    }

    private ObjectNode matchV1(JsonNode batch) throws Refused {
        if (!batch.isObject() || !batch.path("queries").isArray())
            throw bad("the body is {\"queries\": [{\"conditions\": [{\"matchType\": \"name\", \"propertyValue\": \"Treaty of Kars\"}]}]}");
        JsonNode list = batch.get("queries");
        batchSize(list.size());
        Catalogue c = catalogue();
        List<Matcher.Query> queries = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            try {
                queries.add(queryV1(list.get(i), c));
            } catch (Refused r) {
                throw new Refused(r.status, "query " + i + ": " + r.getMessage());
            }
        }
        ObjectNode out = JSON.createObjectNode();
        ArrayNode results = out.putArray("results");
        for (Matcher.Query q : queries) {
            ArrayNode candidates = results.addObject().putArray("candidates");
            for (Matcher.Candidate m : matcher.match(q)) candidates.add(candidate(m, c));
        }
        return out;
    }

    private Matcher.Query queryV1(JsonNode query, Catalogue c) throws Refused {
        if (!query.isObject()) throw bad("a query is an object with \"conditions\"");
        JsonNode conds = query.get("conditions");
        if (conds == null || !conds.isArray() || conds.isEmpty()) throw bad("\"conditions\" is a list of at least one condition");
        String name = null, id = null;
        List<Matcher.Condition> conditions = new ArrayList<>();
        for (JsonNode cond : conds) {
            if (!cond.isObject() || cond.path("propertyValue").isMissingNode()) throw bad("each condition is {\"matchType\": …, \"propertyValue\": …}, found " + Refusals.oneLine(cond.toString(), 80));
            String matchType = cond.path("matchType").asText("");
            List<String> vs = values(cond.get("propertyValue"), "propertyValue");
            switch (matchType) {
                case "name" -> {
                    if (name != null || vs.size() != 1 || vs.get(0).isBlank()) throw bad("a query has one name condition, with one non-empty name");
                    if (vs.get(0).length() > 500) throw bad("the name is longer than 500 characters");
                    name = vs.get(0);
                }
                case "id" -> {
                    if (id != null || vs.size() != 1) throw bad("a query has one id condition, with one id");
                    id = vs.get(0);
                }
                case "property" -> {
                    if (!cond.path("propertyId").isTextual()) throw bad("a property condition names its \"propertyId\"");
                    String q = cond.path("matchQuantifier").asText("any");
                    Matcher.Quantifier quantifier = switch (q) {
                        case "any" -> Matcher.Quantifier.ANY;
                        case "all" -> Matcher.Quantifier.ALL;
                        case "none" -> Matcher.Quantifier.NONE;
                        default -> throw bad("\"matchQuantifier\" is any, all or none, found " + Refusals.oneLine(q, 40));
                    };
                    conditions.add(new Matcher.Condition(property(cond.get("propertyId").asText(), c), vs, quantifier, cond.path("required").asBoolean(false)));
                }
                default -> throw bad("\"matchType\" is name, id or property, found " + Refusals.oneLine(cond.path("matchType").toString(), 40));
            }
        }
        JsonNode type = query.get("type");
        if (type != null && !type.isTextual()) throw bad("\"type\" is one type id such as \"Agreement\", found " + type);
        return new Matcher.Query(name, types(type, c), limit(query.get("limit"), 5), conditions, id);
    }

    private ObjectNode candidate(Matcher.Candidate m, Catalogue c) {
        ObjectNode r = JSON.createObjectNode().put("id", m.entity().id()).put("name", m.entity().label());
        String description = description(m.entity());
        if (description != null) r.put("description", description);
        r.put("score", m.score()).put("match", m.match());
        ArrayNode types = r.putArray("type");
        for (Catalogue.Term t : c.typesOf(m.entity())) types.addObject().put("id", t.id()).put("name", t.label());
        ArrayNode features = r.putArray("features");
        for (Matcher.Feature f : m.features()) {
            ObjectNode o = features.addObject().put("id", f.id()).put("name", f.name());
            if (f.value() instanceof Boolean b) o.put("value", b);
            else o.put("value", ((Number) f.value()).doubleValue());
        }
        return r;
    }

    private static String description(Catalogue.Entity e) {
        String kind = e.names().kindLabel(), date = e.names().date();
        return date == null ? kind : kind + ", " + date;
    }

    private static ObjectNode type(Catalogue.Term t, boolean withDescription) {
        ObjectNode o = JSON.createObjectNode().put("id", t.id()).put("name", t.label());
        if (withDescription && t.definition() != null) o.put("description", t.definition());
        return o;
    }

    // ---- suggest, flyout, preview

    private int intParam(HttpServletRequest req, String name, int fallback, int min, int max) throws Refused {
        String v = req.getParameter(name);
        if (v == null) return fallback;
        try {
            int n = Integer.parseInt(v.strip());
            if (n >= min && n <= max) return n;
        } catch (NumberFormatException ignored) {
            // said below
        }
        throw bad(name + " is a whole number from " + min + " to " + max + ", found \"" + Refusals.oneLine(v, 40) + "\"");
    }

    private ObjectNode suggest(String kind, HttpServletRequest req) throws Refused {
        String prefix = req.getParameter("prefix");
        if (prefix == null) throw bad("prefix (what the user typed) is missing");
        if (prefix.length() > 200) throw bad("prefix is longer than 200 characters");
        int limit = intParam(req, "limit", 10, 1, limits.reconcileLimit());
        int offset = intParam(req, req.getParameter("offset") != null ? "offset" : "cursor", 0, 0, 10_000);
        Catalogue c = catalogue();
        ObjectNode out = JSON.createObjectNode();
        ArrayNode result = out.putArray("result");
        if (kind.equals("entity")) {
            List<Catalogue.Entity> found = new ArrayList<>();
            Catalogue.Entity byId = c.entity(prefix);
            if (byId != null) found.add(byId);
            for (SearchIndex.Hit h : c.index().search(prefix, offset + limit + 1)) {
                Catalogue.Entity e = c.entity(h.entity().iri());
                if (e != null && !found.contains(e)) found.add(e);
            }
            for (Catalogue.Entity e : found.subList(Math.min(offset, found.size()), Math.min(offset + limit, found.size()))) {
                ObjectNode o = result.addObject().put("id", e.id()).put("name", e.label());
                String d = description(e);
                if (d != null) o.put("description", d);
                ArrayNode notable = o.putArray("notable");
                for (Catalogue.Term t : c.typesOf(e)) notable.addObject().put("id", t.id()).put("name", t.label());
            }
        } else {
            List<Catalogue.Term> terms = new ArrayList<>((kind.equals("type") ? c.types() : c.properties()).values());
            List<String> words = c.index().words(prefix);
            List<Catalogue.Term> hits = new ArrayList<>();
            for (Catalogue.Term t : terms) if (suggests(t, prefix.strip(), words, c)) hits.add(t);
            // A Wikidata property id suggests every property of ours it corresponds to.
            hits.sort(Comparator.comparingInt((Catalogue.Term t) -> t.id().equalsIgnoreCase(prefix.strip()) || prefix.strip().equalsIgnoreCase(t.wikidata()) ? 0 : 1)
                    .thenComparing(t -> t.label().toLowerCase(Locale.ROOT)));
            for (Catalogue.Term t : hits.subList(Math.min(offset, hits.size()), Math.min(offset + limit, hits.size()))) {
                ObjectNode o = type(t, true);
                if (kind.equals("type")) {
                    List<Catalogue.Term> broader = c.broader(t);
                    if (!broader.isEmpty()) {
                        ArrayNode b = o.putArray("broader");
                        for (Catalogue.Term x : broader) b.add(type(x, false));
                    }
                }
                result.add(o);
            }
        }
        return out;
    }

    /** Whether a type or property is suggested for what was typed: its id or Wikidata id begins with it, or each typed word begins a word of its label or id. */
    private static boolean suggests(Catalogue.Term t, String prefix, List<String> words, Catalogue c) {
        if (prefix.isEmpty()) return true;
        String p = prefix.toLowerCase(Locale.ROOT).replaceFirst("^tg:", "");
        if (t.id().toLowerCase(Locale.ROOT).startsWith(p) || t.wikidata() != null && t.wikidata().equalsIgnoreCase(p)) return true;
        List<String> label = c.index().words(t.label() + " " + t.id().replaceAll("([a-z])([A-Z])", "$1 $2"));
        return !words.isEmpty() && words.stream().allMatch(w -> label.stream().anyMatch(l -> l.startsWith(w)));
    }

    private Catalogue.Entity entityParam(HttpServletRequest req) throws Refused {
        String id = req.getParameter("id");
        if (id == null || id.isBlank()) throw bad("id (an entity's id, such as territory/kars) is missing");
        Catalogue.Entity e = catalogue().entity(id);
        if (e == null) throw new Refused(404, "no entity \"" + Refusals.oneLine(id, 80) + "\"");
        return e;
    }

    private ReconcilePreview previewOf(Catalogue.Entity e, Catalogue c) {
        List<ReconcilePreview.Row> rows = new ArrayList<>();
        for (var entry : e.values().entrySet()) {
            if (rows.size() >= PREVIEW_ROWS) break;
            Catalogue.Term p = c.properties().values().stream().filter(t -> t.iri().equals(entry.getKey())).findFirst().orElse(null);
            if (p == null || p.id().equals(Catalogue.WIKIDATA)) continue;
            Set<String> words = new LinkedHashSet<>();
            for (Catalogue.Value v : entry.getValue()) {
                Catalogue.Entity target = v.iri() == null ? null : c.entity(v.iri());
                if (target != null) words.add(target.label());
                else if (v.isDate()) words.add(DatesInWords.span(v.earliest(), v.latest()));
            }
            if (!words.isEmpty()) rows.add(new ReconcilePreview.Row(p.label(), String.join(", ", words)));
        }
        rows.sort(Comparator.comparing(ReconcilePreview.Row::label));
        return new ReconcilePreview(e.label(), e.names().kindLabel(), e.names().date(), rows, site.local(e.names().iri()));
    }

    private void preview(HttpServletRequest req, HttpServletResponse resp) throws Refused, IOException {
        Catalogue.Entity e = entityParam(req);
        // Shown in a client's frame, from another origin: the site's framing refusals do not apply here.
        resp.setHeader("X-Frame-Options", null);
        String policy = resp.getHeader("Content-Security-Policy");
        if (policy != null) resp.setHeader("Content-Security-Policy", policy.replace("frame-ancestors 'none'", "frame-ancestors *"));
        Replies.html(resp, 200, Templates.render("reconcile-preview.jte", Map.of("preview", previewOf(e, catalogue()), "page", true)));
    }

    private ObjectNode flyout(String kind, HttpServletRequest req) throws Refused {
        Catalogue c = catalogue();
        String id = req.getParameter("id");
        if (id == null || id.isBlank()) throw bad("id is missing");
        ReconcilePreview p;
        if (kind.equals("entity")) p = previewOf(entityParam(req), c);
        else {
            Catalogue.Term t = kind.equals("type") ? c.type(id) : c.property(id).stream().findFirst().orElse(null);
            if (t == null) throw new Refused(404, "no " + kind + " \"" + Refusals.oneLine(id, 80) + "\"");
            p = new ReconcilePreview(t.label(), kind, null, t.definition() == null ? List.of() : List.of(new ReconcilePreview.Row("definition", t.definition())), null);
        }
        return JSON.createObjectNode().put("id", id).put("html", Templates.render("reconcile-preview.jte", Map.of("preview", p, "page", false)));
    }

    // ---- data extension

    private ObjectNode propose(HttpServletRequest req) throws Refused {
        String given = req.getParameter("type");
        if (given == null || given.isBlank()) throw bad("type (a type id such as Agreement) is missing");
        int limit = intParam(req, "limit", 10, 1, limits.reconcileLimit());
        Catalogue c = catalogue();
        Catalogue.Term type = c.type(given);
        if (type == null) throw bad("no type \"" + Refusals.oneLine(given, 80) + "\"; the types are at /reconcile/suggest/type?prefix=");
        Map<String, Integer> uses = new LinkedHashMap<>();
        for (Catalogue.Entity e : c.entities()) if (c.isA(e, type)) for (String p : e.values().keySet()) uses.merge(p, 1, Integer::sum);
        List<Catalogue.Term> props = new ArrayList<>();
        for (Catalogue.Term p : c.properties().values()) if (uses.containsKey(p.iri())) props.add(p);
        props.sort(Comparator.comparingInt((Catalogue.Term p) -> -uses.get(p.iri())).thenComparing(Catalogue.Term::id));
        ObjectNode out = JSON.createObjectNode().put("type", given);
        if (req.getParameter("limit") != null) out.put("limit", limit);
        ArrayNode list = out.putArray("properties");
        for (Catalogue.Term p : props.subList(0, Math.min(limit, props.size()))) list.add(type(p, true));
        return out;
    }

    private ObjectNode extend(JsonNode query, boolean v1) throws Refused {
        if (!query.isObject() || !query.path("ids").isArray() || !query.path("properties").isArray())
            throw bad("a data extension query is {\"ids\": [\"territory/kars\"], \"properties\": [{\"id\": \"hasParty\"}]}");
        Catalogue c = catalogue();
        JsonNode ids = query.get("ids"), props = query.get("properties");
        if (ids.size() > limits.reconcileLimit()) throw new Refused(413, "the query has " + ids.size() + " ids; this service takes at most " + limits.reconcileLimit() + " a request");
        if (props.size() > limits.reconcileLimit()) throw new Refused(413, "the query has " + props.size() + " properties; this service takes at most " + limits.reconcileLimit());
        List<Catalogue.Entity> entities = new ArrayList<>();
        List<String> idTexts = new ArrayList<>();
        for (JsonNode id : ids) {
            if (!id.isTextual()) throw bad("each of \"ids\" is an entity id such as \"territory/kars\", found " + Refusals.oneLine(id.toString(), 60));
            Catalogue.Entity e = c.entity(id.asText());
            if (e == null) throw bad("no entity \"" + Refusals.oneLine(id.asText(), 80) + "\"");
            entities.add(e);
            idTexts.add(id.asText());
        }
        List<String> pids = new ArrayList<>();
        List<Catalogue.Term> terms = new ArrayList<>();
        for (JsonNode p : props) {
            if (!p.isObject() || !p.path("id").isTextual()) throw bad("each of \"properties\" is {\"id\": …}, found " + Refusals.oneLine(p.toString(), 60));
            pids.add(p.get("id").asText());
            terms.add(property(p.get("id").asText(), c));
        }
        ObjectNode out = JSON.createObjectNode();
        ArrayNode meta = out.putArray("meta");
        for (int i = 0; i < terms.size(); i++) {
            ObjectNode m = meta.addObject().put("id", pids.get(i)).put("name", terms.get(i).label());
            String range = terms.get(i).range();
            if (range != null && range.startsWith(TG.NS) && c.types().containsKey(range.substring(TG.NS.length())))
                m.set("type", type(c.types().get(range.substring(TG.NS.length())), false));
        }
        ArrayNode rowsV1 = v1 ? out.putArray("rows") : null;
        ObjectNode rowsV02 = v1 ? null : out.putObject("rows");
        for (int n = 0; n < entities.size(); n++) {
            Catalogue.Entity e = entities.get(n);
            ObjectNode row02 = v1 ? null : rowsV02.putObject(idTexts.get(n));
            ArrayNode row1 = null;
            if (v1) {
                ObjectNode r = rowsV1.addObject().put("id", idTexts.get(n));
                row1 = r.putArray("properties");
            }
            for (int i = 0; i < terms.size(); i++) {
                ArrayNode values = v1 ? row1.addObject().put("id", pids.get(i)).putArray("values") : row02.putArray(pids.get(i));
                Set<String> seen = new LinkedHashSet<>();
                for (Catalogue.Value v : e.values().getOrDefault(terms.get(i).iri(), List.of())) {
                    ObjectNode value = value(v, c);
                    if (seen.add(value.toString())) values.add(value);
                }
            }
        }
        return out;
    }

    /** A value as the specification types it: an entity {id, name}, a day {date}, a number {int}/{float}, else {str}. */
    private static ObjectNode value(Catalogue.Value v, Catalogue c) {
        ObjectNode o = JSON.createObjectNode();
        if (v.iri() != null) {
            if (v.iri().startsWith(IriScheme.WIKIDATA_ITEM)) return o.put("str", v.iri().substring(IriScheme.WIKIDATA_ITEM.length()));
            Catalogue.Entity target = c.entity(v.iri());
            if (target != null) return o.put("id", target.id()).put("name", target.label());
            if (v.isDate())
                return v.earliest().equals(v.latest()) ? o.put("date", v.earliest() + "T00:00:00Z") : o.put("str", DatesInWords.span(v.earliest(), v.latest()));
            if (v.label() != null) return o.put("str", v.label());
            return o.put("str", v.iri().startsWith(IriScheme.ID) ? IriScheme.id(v.iri()) : v.iri());
        }
        if (v.isDate()) return o.put("str", DatesInWords.span(v.earliest(), v.latest()));
        String dt = v.datatype() == null ? "" : v.datatype();
        try {
            if (dt.endsWith("#integer") || dt.endsWith("#int") || dt.endsWith("#nonNegativeInteger") || dt.endsWith("#positiveInteger"))
                return o.put("int", Long.parseLong(v.lexical()));
            if (dt.endsWith("#decimal") || dt.endsWith("#double") || dt.endsWith("#float")) return o.put("float", Double.parseDouble(v.lexical()));
            if (dt.endsWith("#date") && v.lexical().matches("\\d{4}-\\d{2}-\\d{2}")) return o.put("date", v.lexical() + "T00:00:00Z");
        } catch (NumberFormatException ignored) {
            // as text
        }
        return o.put("str", v.lexical());
    }

    private static void send(HttpServletResponse resp, int status, JsonNode body) throws IOException {
        Replies.send(resp, status, "application/json; charset=utf-8", JSON.writeValueAsBytes(body));
    }
}
