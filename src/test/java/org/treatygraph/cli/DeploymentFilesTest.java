package org.treatygraph.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The deployment files (deploy/) start the jar with command lines it accepts, probe /$/ping, and agree with each
 * other on the port and the snapshot; no container runtime is needed to check that. ReplicaIT runs
 * deploy/nginx.conf itself.
 */
class DeploymentFilesTest {
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** Parses a command line as `java -jar treaty-graph.jar ARGS` would, failing on an unknown option or command. */
    static CommandLine.ParseResult parse(List<String> args, String where) {
        try {
            return Main.commandLine().parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            return fail(where + ": the jar does not accept " + args + ": " + e.getMessage());
        }
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** Compose's ${VAR:-default} with the defaults. */
    static String interpolate(String s) {
        return s.replaceAll("\\$\\{[A-Z_]+:-([^}]*)}", "$1");
    }

    @Test
    void composeStartsASnapshotAndReplicasOfItAndProbesPing() throws Exception {
        JsonNode services = YAML.readTree(Files.readString(Path.of("deploy/compose.yaml"))).get("services");
        List<String> snapshot = strings(services.get("snapshot").get("command")).stream().map(DeploymentFilesTest::interpolate).toList();
        List<String> replica = strings(services.get("replica").get("command")).stream().map(DeploymentFilesTest::interpolate).toList();
        var made = parse(snapshot, "compose snapshot").subcommand();
        var served = parse(replica, "compose replica").subcommand();
        assertEquals("snapshot", made.commandSpec().name());
        assertEquals("serve", served.commandSpec().name());
        assertEquals(made.matchedOptionValue("--out", null).toString(), served.matchedOptionValue("--snapshot", null).toString(),
                "the replicas serve the snapshot the snapshot service writes");
        assertEquals("0.0.0.0", served.matchedOptionValue("--host", ""), "a replica listens beyond its container's loopback");
        assertEquals(3030, (int) served.matchedOptionValue("--port", 0));
        assertTrue(strings(services.get("replica").get("healthcheck").get("test")).contains("http://127.0.0.1:3030/$$/ping"),
                "the health check asks /$/ping ($$ is compose's $)");
        assertTrue(Files.readString(Path.of("deploy/nginx.conf")).contains("server replica:3030 "), "nginx balances over the replica service's port");
    }

    @Test
    void kubernetesRunsTheSameCommandsAndProbesPing() throws Exception {
        List<JsonNode> docs = new ArrayList<>();
        try (YAMLParser p = new YAMLFactory().createParser(Files.readString(Path.of("deploy/kubernetes/treaty-graph.yaml")))) {
            YAML.readValues(p, JsonNode.class).forEachRemaining(docs::add);
        }
        JsonNode job = docs.stream().filter(d -> d.get("kind").asText().equals("Job")).findFirst().orElseThrow();
        JsonNode deployment = docs.stream().filter(d -> d.get("kind").asText().equals("Deployment")).findFirst().orElseThrow();
        var made = parse(strings(job.at("/spec/template/spec/containers/0/args")), "Job").subcommand();
        JsonNode container = deployment.at("/spec/template/spec/containers/0");
        var served = parse(strings(container.get("args")), "Deployment").subcommand();
        assertEquals(made.matchedOptionValue("--out", null).toString(), served.matchedOptionValue("--snapshot", null).toString());
        assertTrue(strings(deployment.at("/spec/template/spec/initContainers/0/command")).get(2).contains(made.matchedOptionValue("--out", null) + "/SHA256SUMS"),
                "the replicas wait for the snapshot the Job writes");
        for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
            assertEquals("/$/ping", container.at("/" + probe + "/httpGet/path").asText(), probe);
        }
    }

    @Test
    void theImageRunsACommandTheJarAcceptsAndProbesPing() throws Exception {
        String dockerfile = Files.readString(Path.of("deploy/Dockerfile"));
        Matcher cmd = Pattern.compile("(?m)^CMD (\\[.*])$").matcher(dockerfile);
        assertTrue(cmd.find(), "the Dockerfile has an exec-form CMD");
        parse(strings(new ObjectMapper().readTree(cmd.group(1))), "Dockerfile CMD");
        assertTrue(dockerfile.contains("\"http://127.0.0.1:3030/$/ping\"]"), "HEALTHCHECK asks /$/ping");
        // Every path the image copies from the build context is let through by its .dockerignore.
        String ignore = Files.readString(Path.of("deploy/Dockerfile.dockerignore"));
        Matcher copy = Pattern.compile("(?m)^COPY (?!--from)(.+) \\S+$").matcher(dockerfile);
        while (copy.find()) {
            for (String src : copy.group(1).split(" ")) {
                assertTrue(ignore.contains("!" + src + "\n") || ignore.contains("!" + src + "/\n"), src + " is copied but excluded from the build context");
                assertTrue(Files.exists(Path.of(src)), src + " is copied but is not in the repository");
            }
        }
    }
}
