package io.clientele.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.clientele.schemas.Topics;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** What the manifests promise beyond their schemas: hardened pods, every topic declared, least-privilege ACLs. */
class ManifestPolicyTest {

    static final List<String> OVERLAYS = Manifests.OVERLAYS;
    static final List<String> SERVICES = List.of("customer-service", "access-service", "import-service", "notification-service");
    static final String CONNECT = "clientele-connect";
    static final String GATEWAY = "gateway";

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
    void everyTopicOfTheCatalogueAndItsDeadLetterTopicIsDeclaredCompactedOnlyWhereTheCatalogueSays(String overlay) {
        Map<String, String> policies = Manifests.ofKind(overlay, "KafkaTopic").stream().collect(Collectors.toMap(
                topic -> topic.at("/spec/topicName").asText(), topic -> topic.at("/spec/config/cleanup.policy").asText()));

        for (Topics.Topic topic : Topics.CATALOGUE) {
            assertThat(policies).containsKeys(topic.name(), topic.deadLetters());
            assertThat(policies.get(topic.name())).as(topic.name()).isEqualTo(topic.compacted() ? "compact" : "delete");
            assertThat(policies.get(topic.deadLetters())).as(topic.deadLetters()).isEqualTo("delete");
        }
    }

    /**
     * The ACLs a service needs, derived from the catalogue its listeners and outbox are held to at start
     * ({@code KafkaFootprint}): write what it writes, read what it listens to and write those topics' dead letters,
     * read the dead letters it listens to, and its own consumer group. Nothing more, nothing less.
     */
    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void eachServiceHasAKafkaUserWithExactlyTheAclsItsTopicsNeed(String overlay) {
        List<JsonNode> users = Manifests.ofKind(overlay, "KafkaUser").stream()
                .filter(user -> !CONNECT.equals(Manifests.name(user))).toList();
        assertThat(users).extracting(Manifests::name).containsExactlyInAnyOrderElementsOf(SERVICES);
        for (JsonNode user : users) {
            String service = Manifests.name(user);
            assertThat(granted(user)).as("ACLs of %s in %s", service, overlay).containsExactlyInAnyOrderElementsOf(needed(service));
        }
    }

    /**
     * Where Debezium drains the outboxes: the relays are off, each service database has a connector routing its
     * outbox rows by their topic column with the payload's bytes unchanged, PostgreSQL decodes logically, and
     * Connect's user writes exactly the catalogue's topics and its own storage.
     */
    @Test
    void debeziumPublishesEveryServicesOutboxInsteadOfTheRelays() {
        assertThat(Manifests.ofKind("debezium", "ConfigMap")).filteredOn(map -> "clientele-common".equals(Manifests.name(map)))
                .singleElement().satisfies(map -> assertThat(map.at("/data/CLIENTELE_OUTBOX_ENABLED").asText()).isEqualTo("false"));
        List<JsonNode> connectors = Manifests.ofKind("debezium", "KafkaConnector");
        assertThat(connectors).extracting(connector -> connector.at("/spec/config/database.dbname").asText())
                .containsExactlyInAnyOrder("customer", "access", "imports", "notification");
        assertThat(connectors).allSatisfy(connector -> {
            JsonNode config = connector.at("/spec/config");
            assertThat(config.at("/table.include.list").asText()).isEqualTo("public.outbox");
            assertThat(config.at("/transforms.outbox.type").asText()).isEqualTo("io.debezium.transforms.outbox.EventRouter");
            assertThat(config.at("/transforms.outbox.route.by.field").asText()).isEqualTo("topic");
            assertThat(config.at("/transforms.outbox.table.field.event.payload").asText()).isEqualTo("payload");
            assertThat(config.at("/value.converter").asText()).isEqualTo("org.apache.kafka.connect.converters.ByteArrayConverter");
        });
        assertThat(Manifests.ofKind("debezium", "Cluster").getFirst().at("/spec/postgresql/parameters/wal_level").asText())
                .isEqualTo("logical");

        JsonNode connect = Manifests.ofKind("debezium", "KafkaUser").stream().filter(user -> CONNECT.equals(Manifests.name(user)))
                .findFirst().orElseThrow();
        Set<String> needed = new TreeSet<>();
        Topics.CATALOGUE.forEach(topic -> allow(needed, topic.name(), "Write"));
        for (String storage : List.of("configs", "offsets", "status")) {
            allow(needed, CONNECT + "-" + storage, "Read");
            allow(needed, CONNECT + "-" + storage, "Write");
        }
        needed.add("group " + CONNECT + " Read");
        needed.add("group " + CONNECT + " Describe");
        assertThat(granted(connect)).containsExactlyInAnyOrderElementsOf(needed);
        assertThat(Manifests.ofKind("small", "KafkaConnector")).isEmpty();
    }

    private static Set<String> granted(JsonNode user) {
        Set<String> granted = new TreeSet<>();
        for (JsonNode acl : user.at("/spec/authorization/acls")) {
            JsonNode resource = acl.get("resource");
            assertThat(resource.get("patternType").asText()).isEqualTo("literal");
            for (JsonNode operation : acl.get("operations")) {
                granted.add(resource.get("type").asText() + " " + resource.get("name").asText() + " " + operation.asText());
            }
        }
        return granted;
    }

    private static Set<String> needed(String service) {
        Set<String> acls = new TreeSet<>();
        for (Topics.Topic topic : Topics.CATALOGUE) {
            if (topic.writer().equals(service)) {
                allow(acls, topic.name(), "Write");
            }
            if (topic.readers().contains(service)) {
                allow(acls, topic.name(), "Read");
                allow(acls, topic.deadLetters(), "Write");
            }
            if (topic.deadLetterReaders().contains(service)) {
                allow(acls, topic.deadLetters(), "Read");
            }
        }
        acls.add("group " + service + " Read");
        acls.add("group " + service + " Describe");
        return acls;
    }

    private static void allow(Set<String> acls, String topic, String operation) {
        acls.add("topic " + topic + " " + operation);
        acls.add("topic " + topic + " Describe");
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void thePublicHostReachesOnlyTheGatewayWhichReachesOnlyTheServicesAndTheIdentityProviderAndEveryMailLinksToIt(String overlay) {
        List<JsonNode> ingresses = Manifests.ofKind(overlay, "Ingress");
        assertThat(ingresses).hasSize(1);
        JsonNode rule = ingresses.getFirst().at("/spec/rules/0");
        assertThat(ingresses.getFirst().at("/spec/rules").size()).isEqualTo(1);
        assertThat(rule.at("/http/paths").size()).isEqualTo(1);
        assertThat(rule.at("/http/paths/0/backend/service/name").asText()).isEqualTo(GATEWAY);
        String host = "https://" + rule.at("/host").asText();

        JsonNode policy = Manifests.ofKind(overlay, "NetworkPolicy").stream().filter(p -> Manifests.name(p).equals(GATEWAY))
                .findFirst().orElseThrow();
        assertThat(policy.at("/spec/egress").size()).isEqualTo(2);
        assertThat(policy.at("/spec/egress/0/to/0/podSelector/matchLabels/app.kubernetes.io~1component").asText()).isEqualTo("service");
        // The identity provider the console signs in with, over HTTPS only.
        assertThat(policy.at("/spec/egress/1/ports").size()).isEqualTo(1);
        assertThat(policy.at("/spec/egress/1/ports/0/port").asInt()).isEqualTo(443);

        JsonNode links = Manifests.ofKind(overlay, "ConfigMap").stream()
                .filter(map -> Manifests.name(map).equals("notification-service")).findFirst().orElseThrow().at("/data");
        for (String base : List.of("CLIENTELE_NOTIFICATION_PUBLIC_BASE_URL", "CLIENTELE_NOTIFICATION_ADMIN_BASE_URL",
                "CLIENTELE_NOTIFICATION_TRACKING_BASE_URL")) {
            assertThat(links.at("/" + base).asText()).as(base).startsWith(host);
        }
        JsonNode pod = deployment(overlay, GATEWAY).at("/spec/template/spec");
        assertThat(pod.at("/containers/0/readinessProbe/httpGet/path").asText()).isEqualTo("/actuator/health/readiness");
        assertThat(pod.at("/serviceAccountName").asText()).isEqualTo(GATEWAY);
    }

    @Test
    void productionRunsSeveralReplicasScaledOnCpuAndKeptAvailableAcrossNodes() {
        for (String service : java.util.stream.Stream.concat(SERVICES.stream(), java.util.stream.Stream.of(GATEWAY)).toList()) {
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
        for (String service : java.util.stream.Stream.concat(SERVICES.stream(), java.util.stream.Stream.of(GATEWAY)).toList()) {
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

}
