package io.clientele.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** The resources an overlay renders to, as {@code kubectl kustomize} renders them. */
final class Manifests {

    static final Path K8S = Path.of(System.getProperty("k8s.home", "."));
    static final List<String> OVERLAYS = List.of("small", "production", "debezium");

    private static final Map<String, List<JsonNode>> RENDERED = new ConcurrentHashMap<>();

    private Manifests() {
    }

    static List<JsonNode> render(String overlay) {
        return RENDERED.computeIfAbsent(overlay, Manifests::kustomize);
    }

    static List<JsonNode> ofKind(String overlay, String kind) {
        return render(overlay).stream().filter(resource -> kind.equals(resource.path("kind").asText())).toList();
    }

    static String name(JsonNode resource) {
        return resource.path("metadata").path("name").asText();
    }

    private static List<JsonNode> kustomize(String overlay) {
        Path folder = K8S.resolve("overlays").resolve(overlay);
        try {
            Process kubectl = new ProcessBuilder("kubectl", "kustomize", folder.toString()).redirectErrorStream(false).start();
            byte[] output = kubectl.getInputStream().readAllBytes();
            String errors = new String(kubectl.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!kubectl.waitFor(60, TimeUnit.SECONDS) || kubectl.exitValue() != 0) {
                throw new IllegalStateException("kubectl kustomize " + folder + " failed: " + errors);
            }
            try (var parser = new YAMLFactory().createParser(output)) {
                return new YAMLMapper().readerFor(JsonNode.class).<JsonNode>readValues(parser).readAll();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render " + folder + " (is kubectl 1.27+ on the PATH?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
