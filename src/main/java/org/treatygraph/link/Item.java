package org.treatygraph.link;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Wikidata item as wbgetentities gives it: the one place that reads an item's JSON. */
final class Item {
    /** The languages whose labels and aliases are compared with our names, the first with a label naming the item. */
    private static final List<String> LANGUAGES = List.of("en", "ru", "tr", "de", "fr");
    private static final Pattern YEAR = Pattern.compile("^([+-]\\d{4,})-");
    private final JsonNode json;

    Item(JsonNode json) {
        this.json = json;
    }

    /** The item of this id in a wbgetentities answer's "entities", or null when Wikidata does not know the id. */
    static Item in(JsonNode entities, String id) {
        JsonNode e = entities.path(id);
        return e.isMissingNode() || e.has("missing") ? null : new Item(e);
    }

    String qid() {
        return json.path("id").asText();
    }

    /** The label in the first of our languages that has one, else the QID. */
    String label() {
        for (String lang : LANGUAGES) if (json.path("labels").has(lang)) return json.path("labels").path(lang).path("value").asText();
        return qid();
    }

    String description() {
        return json.path("descriptions").path("en").path("value").asText("");
    }

    /**
     * The labels and aliases, as written: our languages first, then every other language the item has (a name of
     * ours in any script, "Карс", meets the item's name in that script).
     */
    List<String> names() {
        List<String> out = new ArrayList<>();
        for (String lang : LANGUAGES) {
            if (json.path("labels").has(lang)) out.add(json.path("labels").path(lang).path("value").asText());
            for (JsonNode a : json.path("aliases").path(lang)) out.add(a.path("value").asText());
        }
        json.path("labels").fields().forEachRemaining(l -> {
            if (!LANGUAGES.contains(l.getKey())) out.add(l.getValue().path("value").asText());
        });
        json.path("aliases").fields().forEachRemaining(a -> {
            if (!LANGUAGES.contains(a.getKey())) for (JsonNode v : a.getValue()) out.add(v.path("value").asText());
        });
        return out;
    }

    /** Every item value (QID) of the item's claims, whatever the property: what the item is tied to. */
    Set<String> allItems() {
        Set<String> out = new LinkedHashSet<>();
        json.path("claims").fields().forEachRemaining(c -> {
            for (JsonNode claim : c.getValue()) {
                String id = claim.path("mainsnak").path("datavalue").path("value").path("id").asText("");
                if (id.matches("Q\\d+")) out.add(id);
            }
        });
        return out;
    }

    /** The classes the item is an instance of (P31). */
    List<String> classes() {
        return items("P31");
    }

    /** The item values (QIDs) of the item's claims for a property. */
    List<String> items(String property) {
        List<String> out = new ArrayList<>();
        for (JsonNode claim : claims(property)) {
            String id = claim.path("mainsnak").path("datavalue").path("value").path("id").asText("");
            if (id.matches("Q\\d+")) out.add(id);
        }
        return out;
    }

    /** The years of the item's time values for a property. */
    Set<Integer> years(String property) {
        Set<Integer> out = new LinkedHashSet<>();
        for (JsonNode claim : claims(property)) {
            Matcher m = YEAR.matcher(claim.path("mainsnak").path("datavalue").path("value").path("time").asText());
            if (m.find()) out.add(Integer.parseInt(m.group(1)));
        }
        return out;
    }

    private JsonNode claims(String property) {
        return json.path("claims").path(property);
    }
}
