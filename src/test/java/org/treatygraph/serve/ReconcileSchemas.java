package org.treatygraph.serve;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The W3C Entity Reconciliation specification's JSON schemas (src/test/resources/reconciliation-api/, whose
 * README says where they come from), for the 0.2 report and the 1.0 draft: every request a test sends and
 * every answer it gets is checked against its schema. Nothing is fetched: the schemas' addresses are mapped
 * to the stored files.
 */
final class ReconcileSchemas {
    static final String V02 = "0.2", V1 = "1.0-draft";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private ReconcileSchemas() {}

    /** Fails unless {@code value} is valid against {@code name} (e.g. "manifest") of that version of the specification. */
    static void assertValid(String version, String name, JsonNode value) {
        List<Error> errors = schema(version, name).validate(value);
        assertTrue(errors.isEmpty(), () -> version + " " + name + ": " + errors + "\n" + value);
    }

    /** Whether the value is valid: for the tests that check a schema rejects what it should. */
    static boolean isValid(String version, String name, JsonNode value) {
        return schema(version, name).validate(value).isEmpty();
    }

    private static Schema schema(String version, String name) {
        return SCHEMAS.computeIfAbsent(version + "/" + name, k -> {
            String folder = "classpath:reconciliation-api/" + version + "/";
            // Each version its own registry: both publish a schema under …/specs/draft/schemas/.
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7, b -> b
                    .schemaIdResolvers(r -> r.mapPrefix("https://reconciliation-api.github.io/specs/" + (version.equals(V02) ? "0.2" : "draft") + "/schemas/", folder)
                            .mapPrefix("https://reconciliation-api.github.io/specs/draft/schemas/", folder))
                    .schemaLoader(l -> l.fetchRemoteResources(false)));
            try (InputStream in = ReconcileSchemas.class.getResourceAsStream("/reconciliation-api/" + version + "/" + name + ".json")) {
                if (in == null) fail("no schema " + version + "/" + name);
                ObjectNode node = (ObjectNode) JSON.readTree(in);
                // "http://json-schema.org/schema#" names no dialect the validator knows; the schemas are written in draft 7.
                node.remove("$schema");
                return registry.getSchema(SchemaLocation.of(node.path("$id").asText(folder + name + ".json")), node);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
