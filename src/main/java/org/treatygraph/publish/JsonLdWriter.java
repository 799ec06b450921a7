package org.treatygraph.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;

/** Writes the JSON-LD dump with Jena and the context it uses as a file of its own, to be published. */
final class JsonLdWriter {
    private final Map<String, String> prefixes;

    JsonLdWriter(Map<String, String> prefixes) {
        this.prefixes = new TreeMap<>(prefixes);
    }

    Path writeContext(Path p) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        ObjectNode ctx = root.putObject("@context");
        prefixes.forEach(ctx::put);
        Files.writeString(p, json.writeValueAsString(root) + "\n");
        return p;
    }

    Path write(Path p, Graph g) throws IOException {
        try (OutputStream out = Files.newOutputStream(p)) {
            RDFDataMgr.write(out, g, RDFFormat.JSONLD11);
        }
        return p;
    }
}
