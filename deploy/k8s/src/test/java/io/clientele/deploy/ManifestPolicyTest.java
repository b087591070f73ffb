package io.clientele.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.clientele.schemas.Topics;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** What the manifests promise beyond their schemas: hardened pods, every topic declared, least-privilege ACLs. */
class ManifestPolicyTest {

    static final List<String> OVERLAYS = Manifests.OVERLAYS;
    static final List<String> SERVICES = List.of("customer-service", "access-service", "import-service", "notification-service");

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyServiceRunsProbedLimitedNonRootOnAReadOnlyFilesystemAndStopsGracefully(String overlay) {
        List<JsonNode> deployments = Manifests.ofKind(overlay, "Deployment");
        assertThat(deployments).extracting(Manifests::name).containsAll(SERVICES).contains("apicurio-registry");
        for (JsonNode deployment : deployments) {
            JsonNode pod = deployment.at("/spec/template/spec");
            JsonNode container = pod.at("/containers/0");
            String name = Manifests.name(deployment);
            assertThat(container.has("livenessProbe") && container.has("readinessProbe") && container.has("startupProbe"))
                    .as(name + " probes").isTrue();
            assertThat(container.at("/resources/requests/cpu").isMissingNode()).as(name + " cpu request").isFalse();
            assertThat(container.at("/resources/limits/memory").isMissingNode()).as(name + " memory limit").isFalse();
            assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).as(name + " non-root").isTrue();
            assertThat(container.at("/securityContext/readOnlyRootFilesystem").asBoolean()).as(name + " read-only root").isTrue();
            assertThat(container.at("/securityContext/allowPrivilegeEscalation").asBoolean(true)).as(name).isFalse();
        }
        for (String service : SERVICES) {
            JsonNode pod = deployment(overlay, service).at("/spec/template/spec");
            assertThat(pod.at("/containers/0/livenessProbe/httpGet/path").asText()).isEqualTo("/actuator/health/liveness");
            assertThat(pod.at("/containers/0/readinessProbe/httpGet/path").asText()).isEqualTo("/actuator/health/readiness");
            assertThat(pod.at("/containers/0/lifecycle/preStop/sleep/seconds").asInt()).isPositive();
            assertThat(pod.at("/terminationGracePeriodSeconds").asInt()).isGreaterThan(30);
            assertThat(pod.at("/serviceAccountName").asText()).isEqualTo(service);
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void noSecretValueIsKeptInTheRepository(String overlay) {
        assertThat(Manifests.ofKind(overlay, "Secret")).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyTopicOfThePlatformAndItsDeadLetterTopicIsDeclared(String overlay) {
        Set<String> declared = Manifests.ofKind(overlay, "KafkaTopic").stream()
                .map(topic -> topic.at("/spec/topicName").asText()).collect(Collectors.toSet());

        for (String topic : platformTopics()) {
            assertThat(declared).contains(topic, topic + ".dlt");
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void eachServiceHasAKafkaUserLimitedToTheTopicsItUsesAndItsOwnGroup(String overlay) {
        Set<String> known = new HashSet<>();
        for (String topic : platformTopics()) {
            known.add(topic);
            known.add(topic + ".dlt");
        }
        List<JsonNode> users = Manifests.ofKind(overlay, "KafkaUser");
        assertThat(users).extracting(Manifests::name).containsExactlyInAnyOrderElementsOf(SERVICES);
        for (JsonNode user : users) {
            for (JsonNode acl : user.at("/spec/authorization/acls")) {
                JsonNode resource = acl.get("resource");
                assertThat(resource.get("patternType").asText()).isEqualTo("literal");
                switch (resource.get("type").asText()) {
                    case "topic" -> assertThat(known).contains(resource.get("name").asText());
                    case "group" -> assertThat(resource.get("name").asText()).isEqualTo(Manifests.name(user));
                    default -> throw new AssertionError("Unexpected ACL resource " + resource);
                }
                List<String> operations = StreamSupport.stream(acl.get("operations").spliterator(), false)
                        .map(JsonNode::asText).toList();
                assertThat(operations).doesNotContain("All", "Alter", "Delete", "Create");
            }
        }
        assertThat(topicsWritableBy(overlay, "access-service")).containsExactlyInAnyOrder("access.events", "customer.events.dlt");
    }

    @Test
    void productionRunsSeveralReplicasScaledOnCpuAndKeptAvailableAcrossNodes() {
        for (String service : SERVICES) {
            JsonNode deployment = deployment("production", service);
            assertThat(deployment.at("/spec/replicas").asInt()).isGreaterThanOrEqualTo(3);
            assertThat(deployment.at("/spec/template/spec/affinity/podAntiAffinity").isMissingNode()).isFalse();
            assertThat(Manifests.ofKind("production", "HorizontalPodAutoscaler")).anySatisfy(hpa -> {
                assertThat(hpa.at("/spec/scaleTargetRef/name").asText()).isEqualTo(service);
                assertThat(hpa.at("/spec/metrics/0/resource/name").asText()).isEqualTo("cpu");
            });
            assertThat(Manifests.ofKind("production", "PodDisruptionBudget")).anySatisfy(pdb ->
                    assertThat(pdb.at("/spec/selector/matchLabels/app.kubernetes.io~1name").asText()).isEqualTo(service));
        }
        assertThat(Manifests.ofKind("production", "KafkaNodePool").getFirst().at("/spec/replicas").asInt()).isEqualTo(3);
        assertThat(Manifests.ofKind("production", "Cluster").getFirst().at("/spec/instances").asInt()).isEqualTo(3);
    }

    @Test
    void theSmallClusterRunsOneOfEverything() {
        for (String service : SERVICES) {
            assertThat(deployment("small", service).at("/spec/replicas").asInt()).isEqualTo(1);
        }
        assertThat(Manifests.ofKind("small", "KafkaTopic")).allSatisfy(topic -> assertThat(topic.at("/spec/replicas").asInt()).isEqualTo(1));
        assertThat(Manifests.ofKind("small", "HorizontalPodAutoscaler")).isEmpty();
        assertThat(Manifests.ofKind("small", "Cluster").getFirst().at("/spec/instances").asInt()).isEqualTo(1);
    }

    private static JsonNode deployment(String overlay, String name) {
        return Manifests.ofKind(overlay, "Deployment").stream().filter(d -> name.equals(Manifests.name(d))).findFirst()
                .orElseThrow(() -> new AssertionError("No Deployment " + name + " in " + overlay));
    }

    private static Set<String> topicsWritableBy(String overlay, String user) {
        return Manifests.ofKind(overlay, "KafkaUser").stream().filter(u -> user.equals(Manifests.name(u)))
                .flatMap(u -> StreamSupport.stream(u.at("/spec/authorization/acls").spliterator(), false))
                .filter(acl -> "topic".equals(acl.at("/resource/type").asText()))
                .filter(acl -> StreamSupport.stream(acl.get("operations").spliterator(), false).anyMatch(op -> "Write".equals(op.asText())))
                .map(acl -> acl.at("/resource/name").asText())
                .collect(Collectors.toSet());
    }

    private static List<String> platformTopics() {
        return Arrays.stream(Topics.class.getFields())
                .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
                .map(ManifestPolicyTest::value)
                .toList();
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
