package io.clientele.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class ManifestSchemaValidationTest {

    static final List<String> OVERLAYS = Manifests.OVERLAYS;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyResourceOfTheOverlayMatchesTheSchemaOfItsKind(String overlay) {
        List<JsonNode> resources = Manifests.render(overlay);

        assertThat(resources).hasSizeGreaterThan(40);
        assertThat(resources.stream().flatMap(resource -> ResourceSchemas.problems(resource).stream())).isEmpty();
    }

    @Test
    void aMisspelledFieldFails() {
        ObjectNode deployment = Manifests.ofKind("small", "Deployment").getFirst().deepCopy();
        ((ObjectNode) deployment.at("/spec/template/spec/containers/0")).put("imagePullPolicyy", "Always");

        assertThat(ResourceSchemas.problems(deployment)).singleElement().asString().contains("imagePullPolicyy");
    }

    @Test
    void aValueOfTheWrongTypeFails() {
        ObjectNode topic = Manifests.ofKind("small", "KafkaTopic").getFirst().deepCopy();
        ((ObjectNode) topic.get("spec")).put("replicas", "3");

        assertThat(ResourceSchemas.problems(topic)).singleElement().asString().contains("/spec/replicas");
    }

    @Test
    void aKindWithoutASchemaFails() {
        ObjectNode ingress = Manifests.ofKind("small", "Service").getFirst().deepCopy();
        ingress.put("apiVersion", "networking.k8s.io/v1beta1").put("kind", "Ingress");

        assertThat(ResourceSchemas.problems(ingress)).singleElement().asString().contains("no schema for");
    }
}
