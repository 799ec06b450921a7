package org.treatygraph.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.treatygraph.convert.YamlNode;
import org.treatygraph.convert.YamlReader;
import org.treatygraph.core.InputException;
import org.treatygraph.core.Location;
import org.treatygraph.core.Problem;

/**
 * The Wikidata properties the QuickStatements proposals may use (data/wikidata/properties.yaml), each with the
 * stored public record it was checked against. A role without an entry is not proposed; its facts wait.
 */
public final class WikidataProperties {
    public static final String FILE_NAME = "properties.yaml";
    /** The roles the proposals know: the statements' (as the queries name them) and the references'. */
    public static final Set<String> ROLES = Set.of("signatory", "participant", "participantIn", "pointInTime", "location",
            "ratifiedBy", "inception", "dissolved", "statedIn", "referenceUrl", "quotation", "retrieved");
    private static final Pattern ID = Pattern.compile("P[1-9][0-9]*");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Set<String> KEYS = Set.of("role", "id", "label", "datatype", "oneValue", "usedFor", "checks", "checked", "note");

    /** A checked property: what it is used for, and where it was checked. */
    public record Property(String role, String id, String label, String datatype, boolean oneValue, String usedFor,
                           List<Check> checks, String checked, Location location) {}

    /** A stored page and the words read there. */
    public record Check(String page, String excerpt) {}

    private final Map<String, Property> byRole;

    private WikidataProperties(Map<String, Property> byRole) {
        this.byRole = byRole;
    }

    /** No property checked: every fact waits. */
    public static WikidataProperties none() {
        return new WikidataProperties(Map.of());
    }

    /** Reads and checks the file; every problem at its file:line:column, all at once. */
    public static WikidataProperties load(Path file) throws IOException {
        if (!Files.exists(file)) return none();
        String name = file.getFileName().toString().equals(FILE_NAME) ? "data/wikidata/" + FILE_NAME : file.toString();
        YamlNode root = YamlReader.read(file, name);
        List<Problem> problems = new ArrayList<>();
        Map<String, Property> byRole = new LinkedHashMap<>();
        Map<String, String> roleOfId = new LinkedHashMap<>();
        YamlNode list = root.isMap() ? root.get("properties") : null;
        if (list == null || !list.isList()) {
            problems.add(new Problem(root.location(), "expected a map with a list 'properties'"));
            throw new InputException(problems);
        }
        for (YamlNode e : list.items()) {
            if (!e.isMap()) {
                problems.add(new Problem(e.location(), "expected a property entry (role, id, label, checks, checked), found " + e.describe()));
                continue;
            }
            for (String key : e.entries().keySet()) {
                if (!KEYS.contains(key)) problems.add(new Problem(e.keyLocation(key), "unknown key '" + key + "' (allowed: " + String.join(", ", new java.util.TreeSet<>(KEYS)) + ")"));
            }
            String role = text(e, "role", problems), id = text(e, "id", problems), label = text(e, "label", problems);
            String checked = text(e, "checked", problems);
            if (role == null || id == null || label == null || checked == null) continue;
            if (!ROLES.contains(role)) {
                problems.add(new Problem(e.get("role").location(), "unknown role '" + role + "' (the proposals know: " + String.join(", ", new java.util.TreeSet<>(ROLES)) + ")"));
                continue;
            }
            if (!ID.matcher(id).matches()) {
                problems.add(new Problem(e.get("id").location(), "'" + id + "' is not a Wikidata property id (P followed by digits)"));
                continue;
            }
            if (!DAY.matcher(checked).matches()) problems.add(new Problem(e.get("checked").location(), "checked must be the day of the check (YYYY-MM-DD), not '" + checked + "'"));
            if (byRole.containsKey(role)) {
                problems.add(new Problem(e.get("role").location(), "role '" + role + "' is given twice (first at " + byRole.get(role).location() + ")"));
                continue;
            }
            if (roleOfId.containsKey(id)) problems.add(new Problem(e.get("id").location(), id + " is already the property of role '" + roleOfId.get(id) + "'"));
            List<Check> checks = new ArrayList<>();
            YamlNode cs = e.get("checks");
            if (cs == null || !cs.isList() || cs.items().isEmpty()) {
                problems.add(new Problem(cs == null ? e.location() : cs.location(), id + " has no check: a property is used only with the stored page it was checked against"));
            } else {
                for (YamlNode c : cs.items()) {
                    String page = c.isMap() ? text(c, "page", problems) : null, excerpt = c.isMap() ? text(c, "excerpt", problems) : null;
                    if (!c.isMap()) problems.add(new Problem(c.location(), "expected a check (page, excerpt), found " + c.describe()));
                    if (page == null || excerpt == null) continue;
                    if (!page.startsWith("https://") && !page.startsWith("http://"))
                        problems.add(new Problem(c.get("page").location(), "page must be the URL of the stored page, not '" + page + "'"));
                    if (!excerpt.contains(id) && !excerpt.replace('_', ' ').contains(label))   // SpocWiki notes write labels with underscores
                        problems.add(new Problem(c.get("excerpt").location(), "the excerpt shows neither " + id + " nor its label '" + label + "'"));
                    checks.add(new Check(page, excerpt));
                }
            }
            YamlNode one = e.get("oneValue");
            boolean oneValue = false;
            if (one != null) {
                if (!one.isScalar() || one.scalar() != YamlNode.Scalar.BOOLEAN) problems.add(new Problem(one.location(), "oneValue must be true or false, not " + one.describe()));
                else oneValue = Boolean.parseBoolean(one.text());
            }
            YamlNode datatype = e.get("datatype"), usedFor = e.get("usedFor");
            roleOfId.put(id, role);
            byRole.put(role, new Property(role, id, label, datatype == null ? "" : datatype.text(), oneValue,
                    usedFor == null ? "" : usedFor.text(), List.copyOf(checks), checked, e.location()));
        }
        if (!problems.isEmpty()) throw new InputException(problems);
        return new WikidataProperties(byRole);
    }

    private static String text(YamlNode map, String key, List<Problem> problems) {
        YamlNode v = map.get(key);
        if (v == null) {
            problems.add(new Problem(map.location(), "missing '" + key + "'"));
            return null;
        }
        if (!v.isScalar() || v.text() == null || v.text().isBlank()) {
            problems.add(new Problem(v.location(), "'" + key + "' must be a non-empty value, found " + v.describe()));
            return null;
        }
        return v.text().strip();
    }

    /** The checked property of a role, or null when none was checked (its facts wait). */
    public Property of(String role) {
        return byRole.get(role);
    }

    public List<Property> all() {
        return List.copyOf(byRole.values());
    }
}
