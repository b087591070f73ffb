package io.clientele.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Picks the strict schema of a resource by its apiVersion and kind, and validates the resource against it. */
final class ResourceSchemas {

    private static final Path SCHEMAS = Manifests.K8S.resolve("schemas");
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
    private static final Map<Path, Schema> CACHE = new ConcurrentHashMap<>();

    private ResourceSchemas() {
    }

    /** What is wrong with the resource; empty when it is valid. A kind with no schema is wrong too. */
    static List<String> problems(JsonNode resource) {
        Path file = schemaFile(resource);
        if (!Files.isRegularFile(file)) {
            return List.of(describe(resource) + ": no schema for " + resource.path("apiVersion").asText() + " "
                    + resource.path("kind").asText() + " (looked for " + SCHEMAS.relativize(file) + ")");
        }
        return CACHE.computeIfAbsent(file, ResourceSchemas::load).validate(resource).stream()
                .map(error -> describe(resource) + ": " + error)
                .toList();
    }

    private static Path schemaFile(JsonNode resource) {
        String apiVersion = resource.path("apiVersion").asText();
        String kind = resource.path("kind").asText().toLowerCase(Locale.ROOT);
        int slash = apiVersion.indexOf('/');
        String group = slash < 0 ? "" : apiVersion.substring(0, slash);
        String version = apiVersion.substring(slash + 1);
        if (group.contains(".") && !group.endsWith(".k8s.io")) {
            return SCHEMAS.resolve("crds").resolve(group).resolve(kind + "_" + version + ".json");
        }
        String groupSuffix = group.isEmpty() ? "" : "-" + group.split("\\.")[0];
        return SCHEMAS.resolve("kubernetes").resolve(kind + groupSuffix + "-" + version + ".json");
    }

    private static Schema load(Path file) {
        try {
            return REGISTRY.getSchema(new ObjectMapper().readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describe(JsonNode resource) {
        return resource.path("kind").asText() + " " + Manifests.name(resource);
    }
}
