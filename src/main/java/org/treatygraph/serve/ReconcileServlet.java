package org.treatygraph.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.system.Txn;
import org.treatygraph.link.EntityIndex;
import org.treatygraph.ontology.IriScheme;
import org.treatygraph.ontology.TG;

/**
 * /reconcile: the W3C Entity Reconciliation API (the protocol OpenRefine speaks) over the graph's
 * agreements, polities, persons and territories. GET without queries gives the service manifest; a
 * "queries" parameter (GET or form POST) holds a batch {"q0": {"query": …, "type": …, "limit": …,
 * "properties": [{"pid": …, "v": …}]}} and is answered {"q0": {"result": [{"id", "name", "type",
 * "score", "match"}]}}.
 */
final class ReconcileServlet extends HttpServlet {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[][] TYPES = {{"Instrument", "instrument (treaty, agreement, declaration…)"}, {"Agreement", "agreement"},
            {"CollectiveActor", "polity, government or organisation"}, {"Person", "person"}, {"Territory", "territory"}};
    private final Site site;
    private final Limits limits;
    private volatile EntityIndex index;

    ReconcileServlet(Site site, Limits limits) {
        this.site = site;
        this.limits = limits;
    }

    private EntityIndex index() {
        EntityIndex i = index;
        if (i == null) {
            var ds = DatasetFactory.wrap(site.dataset());
            i = Txn.calculateRead(ds, () -> EntityIndex.load(ds));
            index = i;
        }
        return i;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        handle(req, resp);
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        handle(req, resp);
    }

    private void handle(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String queries = req.getParameter("queries");
        if (queries == null) {
            send(resp, 200, manifest(req));
            return;
        }
        JsonNode batch;
        try {
            batch = JSON.readTree(queries);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            refuse(req, resp, "queries is not JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")"));
            return;
        }
        if (!batch.isObject()) {
            refuse(req, resp, "queries must be an object of named queries, e.g. {\"q0\": {\"query\": \"Treaty of Kars\"}}");
            return;
        }
        if (batch.size() > limits.reconcileQueries()) {
            refuse(req, resp, "the batch has " + batch.size() + " queries; this service takes at most " + limits.reconcileQueries() + " a request");
            return;
        }
        ObjectNode out = JSON.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = batch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> q = it.next();
            String problem = problem(q.getValue());
            if (problem != null) {
                refuse(req, resp, "query " + q.getKey() + ": " + problem);
                return;
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = batch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> q = it.next();
            JsonNode query = q.getValue();
            Map<String, String> props = new LinkedHashMap<>();
            for (JsonNode p : query.path("properties")) props.put(p.path("pid").asText(), p.path("v").isObject() ? p.path("v").path("id").asText() : p.path("v").asText());
            ArrayNode result = out.putObject(q.getKey()).putArray("result");
            for (EntityIndex.Match m : index().search(query.get("query").asText(), query.path("type").isTextual() ? query.get("type").asText() : null, props,
                    query.path("limit").asInt(5))) {
                ObjectNode r = result.addObject().put("id", m.entry().id()).put("name", m.entry().label()).put("score", m.score())
                        .put("match", m.exact() && m.score() >= 95);
                ArrayNode types = r.putArray("type");
                for (String t : m.entry().types()) types.addObject().put("id", t).put("name", t);
            }
        }
        send(resp, 200, out);
    }

    /** What is wrong with one query of a batch, in words, or null: every field is checked before any is answered. */
    private String problem(JsonNode query) {
        if (!query.isObject()) return "a query is an object, e.g. {\"query\": \"Treaty of Kars\"}";
        if (!query.path("query").isTextual() || query.get("query").asText().isBlank()) return "\"query\" (the name to match) is missing or empty";
        if (query.get("query").asText().length() > 500) return "\"query\" is longer than 500 characters";
        JsonNode limit = query.get("limit");
        if (limit != null && !(limit.canConvertToInt() && limit.isIntegralNumber() && limit.asInt() >= 1 && limit.asInt() <= limits.reconcileLimit()))
            return "\"limit\" is a whole number from 1 to " + limits.reconcileLimit() + ", found " + limit;
        JsonNode type = query.get("type");
        boolean typeList = type != null && type.isArray() && java.util.stream.StreamSupport.stream(type.spliterator(), false).allMatch(JsonNode::isTextual);
        if (type != null && !type.isTextual() && !type.isNull() && !typeList) return "\"type\" is a type id such as \"Agreement\", found " + type;
        JsonNode props = query.get("properties");
        if (props != null) {
            if (!props.isArray()) return "\"properties\" is a list of {\"pid\": …, \"v\": …}";
            for (JsonNode p : props)
                if (!p.isObject() || !p.path("pid").isTextual() || p.path("v").isMissingNode()) return "each property is {\"pid\": …, \"v\": …}, found " + p;
        }
        return null;
    }

    private ObjectNode manifest(HttpServletRequest req) {
        String base = req.getScheme() + "://" + req.getServerName() + ":" + req.getServerPort();
        ObjectNode m = JSON.createObjectNode();
        m.putArray("versions").add("0.2");
        m.put("name", "The treaty graph (Soviet diplomacy 1917–1925)");
        m.put("identifierSpace", IriScheme.ID);
        m.put("schemaSpace", TG.NS);
        ArrayNode types = m.putArray("defaultTypes");
        for (String[] t : TYPES) types.addObject().put("id", t[0]).put("name", t[1]);
        m.putObject("view").put("url", base + "/id/{{id}}");
        return m;
    }

    private static void refuse(HttpServletRequest req, HttpServletResponse resp, String why) throws IOException {
        Refusals.reason(req, why);
        send(resp, 400, JSON.createObjectNode().put("error", why));
    }

    private static void send(HttpServletResponse resp, int status, JsonNode body) throws IOException {
        Replies.send(resp, status, "application/json; charset=utf-8", JSON.writeValueAsBytes(body));
    }
}
