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

    private final Kind kind;
    private final Location location;
    private final String text;
    private final Map<String, YamlNode> map;
    private final Map<String, Location> keyLocations;
    private final List<YamlNode> list;

    private YamlNode(Kind kind, Location location, String text, Map<String, YamlNode> map,
                     Map<String, Location> keyLocations, List<YamlNode> list) {
        this.kind = kind;
        this.location = location;
        this.text = text;
        this.map = map;
        this.keyLocations = keyLocations;
        this.list = list;
    }

    static YamlNode scalar(Location at, String text) {
        return new YamlNode(Kind.SCALAR, at, text, null, null, null);
    }

    static YamlNode map(Location at, LinkedHashMap<String, YamlNode> entries, Map<String, Location> keyLocations) {
        return new YamlNode(Kind.MAP, at, null, Collections.unmodifiableMap(entries), keyLocations, null);
    }

    static YamlNode list(Location at, List<YamlNode> items) {
        return new YamlNode(Kind.LIST, at, null, null, null, List.copyOf(items));
    }

    public Kind kind() { return kind; }
    public Location location() { return location; }
    public boolean isMap() { return kind == Kind.MAP; }
    public boolean isList() { return kind == Kind.LIST; }
    public boolean isScalar() { return kind == Kind.SCALAR; }

    /** The scalar's text; null for a YAML null. */
    public String text() { return text; }

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
