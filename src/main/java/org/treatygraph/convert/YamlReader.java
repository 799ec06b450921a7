package org.treatygraph.convert;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.treatygraph.core.InputException;
import org.treatygraph.core.Location;
import org.treatygraph.core.Problem;

/** Reads a YAML file with Jackson's streaming parser into a {@link YamlNode} tree that keeps locations. */
public final class YamlReader {
    private static final YAMLFactory FACTORY = new YAMLFactory();

    private YamlReader() {}

    /**
     * @param file        the file to read
     * @param displayName how messages name the file (a path relative to the project)
     * @throws InputException a byte that is not UTF-8, malformed YAML or a duplicate key, with file:line:column
     */
    public static YamlNode read(Path file, String displayName) throws IOException {
        String text = Utf8.read(file, displayName);
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) return YamlNode.list(new Location(displayName, 1, 1), List.of());
            return readValue((YAMLParser) p, displayName, new HashMap<>());
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            Location where = at == null ? new Location(displayName, 1, 1)
                    : new Location(displayName, Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()));
            throw new InputException(new Problem(where, "malformed YAML: " + e.getOriginalMessage().replaceAll("\\s+", " ").trim()));
        }
    }

    /** Reads the value at the current token; anchors are remembered and aliases resolved to what they name. */
    private static YamlNode readValue(YAMLParser p, String file, Map<String, YamlNode> anchors) throws IOException {
        Location at = location(p, file);
        if (p.isCurrentAlias()) {
            YamlNode target = anchors.get(p.getText());
            if (target == null) throw new InputException(new Problem(at, "unknown YAML alias *" + p.getText()
                    + " (anchors work on lists and maps; Jackson does not report an anchor on a single value, so repeat the text)"));
            return target;
        }
        String anchor = p.getObjectId();
        YamlNode value = readPlainValue(p, file, anchors, at);
        if (anchor != null) anchors.put(anchor, value);
        return value;
    }

    private static YamlNode readPlainValue(YAMLParser p, String file, Map<String, YamlNode> anchors, Location at) throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                LinkedHashMap<String, YamlNode> entries = new LinkedHashMap<>();
                Map<String, Location> keys = new HashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    Location keyAt = location(p, file);
                    if (entries.containsKey(key))
                        throw new InputException(new Problem(keyAt, "duplicate key '" + key + "' (first at line " + keys.get(key).line() + ")"));
                    p.nextToken();
                    entries.put(key, readValue(p, file, anchors));
                    keys.put(key, keyAt);
                }
                return YamlNode.map(at, entries, keys);
            }
            case START_ARRAY -> {
                List<YamlNode> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) items.add(readValue(p, file, anchors));
                return YamlNode.list(at, items);
            }
            case VALUE_NULL -> {
                return YamlNode.scalar(at, null, null);
            }
            default -> {
                YamlNode.Scalar type = switch (t) {
                    case VALUE_NUMBER_INT -> YamlNode.Scalar.INTEGER;
                    case VALUE_NUMBER_FLOAT -> YamlNode.Scalar.FLOAT;
                    case VALUE_TRUE, VALUE_FALSE -> YamlNode.Scalar.BOOLEAN;
                    default -> YamlNode.Scalar.TEXT;
                };
                return YamlNode.scalar(at, p.getText(), type);
            }
        }
    }

    private static Location location(JsonParser p, String file) {
        JsonLocation l = p.currentTokenLocation();
        return new Location(file, Math.max(1, l.getLineNr()), Math.max(1, l.getColumnNr()));
    }
}
