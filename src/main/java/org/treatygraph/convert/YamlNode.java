package org.treatygraph.convert;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.treatygraph.core.Location;

/**
 * A YAML value with the place it was read from. Jackson's tree model drops locations, and every error
 * the converter reports must say file:line:column, so records are read into this small tree instead.
 */
public final class YamlNode {
    public enum Kind { MAP, LIST, SCALAR }

    /**
     * What YAML read a scalar as. Kept because the text alone hides it: {@code 19200507} unquoted is a number
     * and {@code "19200507"} text, and a literal's datatype wants one or the other.
     */
    public enum Scalar {
        TEXT("the text"), INTEGER("the number"), FLOAT("the number"), BOOLEAN("the boolean");

        private final String words;

        Scalar(String words) {
            this.words = words;
        }
    }

    private final Kind kind;
    private final Location location;
    private final String text;
    private final Scalar scalar;
    private final Map<String, YamlNode> map;
    private final Map<String, Location> keyLocations;
    private final List<YamlNode> list;

    private YamlNode(Kind kind, Location location, String text, Scalar scalar, Map<String, YamlNode> map,
                     Map<String, Location> keyLocations, List<YamlNode> list) {
        this.kind = kind;
        this.location = location;
        this.text = text;
        this.scalar = scalar;
        this.map = map;
        this.keyLocations = keyLocations;
        this.list = list;
    }

    /** A scalar: its text as written and what YAML read it as (null for a YAML null). */
    static YamlNode scalar(Location at, String text, Scalar scalar) {
        return new YamlNode(Kind.SCALAR, at, text, text == null ? null : scalar, null, null, null);
    }

    static YamlNode map(Location at, LinkedHashMap<String, YamlNode> entries, Map<String, Location> keyLocations) {
        return new YamlNode(Kind.MAP, at, null, null, Collections.unmodifiableMap(entries), keyLocations, null);
    }

    static YamlNode list(Location at, List<YamlNode> items) {
        return new YamlNode(Kind.LIST, at, null, null, null, null, List.copyOf(items));
    }

    public Kind kind() { return kind; }
    public Location location() { return location; }
    public boolean isMap() { return kind == Kind.MAP; }
    public boolean isList() { return kind == Kind.LIST; }
    public boolean isScalar() { return kind == Kind.SCALAR; }

    /** The scalar's text; null for a YAML null. */
    public String text() { return text; }

    /** What YAML read the scalar as; null for a YAML null and for maps and lists. */
    public Scalar scalar() { return scalar; }

    /** The scalar as YAML read it, for messages: "the number 19200507", "the text '99999'". */
    public String describeScalar() {
        return text == null ? "nothing" : scalar.words + " " + (scalar == Scalar.TEXT ? "'" + text + "'" : text);
    }

    public Map<String, YamlNode> entries() { return map; }

    public YamlNode get(String key) { return map == null ? null : map.get(key); }

    public Location keyLocation(String key) { return keyLocations.getOrDefault(key, location); }

    /** The items of a list, or this node alone: records may write one value without a list. */
    public List<YamlNode> items() { return kind == Kind.LIST ? list : List.of(this); }

    public String describe() {
        return switch (kind) {
            case MAP -> "a map";
            case LIST -> "a list";
            case SCALAR -> text == null ? "nothing" : "'" + text + "'";
        };
    }
}
