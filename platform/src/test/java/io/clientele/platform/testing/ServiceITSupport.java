package io.clientele.platform.testing;

import io.clientele.platform.embedded.EmbeddedInfrastructureInitializer;
import io.clientele.platform.embedded.SharedInfrastructure;
import io.clientele.platform.embedded.TopicReader;
import io.clientele.platform.link.LinkSeal;
import io.clientele.platform.security.SiteRole;
import io.clientele.platform.security.SiteTokens;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Base of a service's integration tests: the whole service on a random port, on the real PostgreSQL, Kafka and
 * schema registry shared by the test JVM. Every test class of a service shares one context. The tests' client stands
 * for the gateway in front of the service, whose forwarding headers are believed, and each test comes from a client
 * address of its own ({@code X-Forwarded-For}), so that the abuse limits one test reaches do not touch another.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@ContextConfiguration(initializers = EmbeddedInfrastructureInitializer.class)
@TestPropertySource(properties = "clientele.web.trusted-proxies=127.0.0.1,::1")
public abstract class ServiceITSupport {

    @Autowired
    protected WebTestClient http;
    @Autowired
    protected DatabaseClient db;
    @Autowired
    protected KafkaTemplate<String, Object> kafka;
    /** Seals and opens link tokens with the test JVM's key pair, as the services under test do. */
    @Autowired
    protected LinkSeal linkSeal;

    @Value("${clientele.security.hmac-secret}")
    private String hmacSecret;

    /** A link-sealing key pair of the test JVM's own: every service under test seals and opens link tokens with it. */
    private static final KeyPair LINK_KEYS = linkKeys();

    @DynamicPropertySource
    static void linkSealKeys(DynamicPropertyRegistry registry) {
        registry.add("clientele.links.seal-public-key",
                () -> Base64.getEncoder().encodeToString(LINK_KEYS.getPublic().getEncoded()));
        registry.add("clientele.links.seal-private-key",
                () -> Base64.getEncoder().encodeToString(LINK_KEYS.getPrivate().getEncoded()));
    }

    private static KeyPair linkKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeEach
    void fromAnAddressOfItsOwn() {
        http = http.mutate().defaultHeader("X-Forwarded-For", anAddress()).build();
    }

    /** A client address no other test uses. */
    protected static String anAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    /** An admin token for the site: its owner's. */
    protected String tokenFor(String siteId) {
        return SiteTokens.issue(hmacSecret, siteId, "owner", Duration.ofMinutes(10));
    }

    /** A collaborator's admin token for the site. */
    protected String tokenFor(String siteId, SiteRole role) {
        return SiteTokens.issue(hmacSecret, siteId, role.claim(), role, Duration.ofMinutes(10));
    }

    /** Everything the topic holds so far, read as events. */
    protected static List<ConsumerRecord<String, Object>> events(String topic) {
        SharedInfrastructure infrastructure = SharedInfrastructure.get();
        return TopicReader.events(infrastructure.kafka().bootstrapServers(), infrastructure.registry().confluentApiUrl(), topic);
    }

    /** Publishes an event as another service would, and waits for the broker's acknowledgement. */
    protected void publish(String topic, String key, SpecificRecord event) {
        kafka.send(topic, key, event).join();
    }

    /** The single number a {@code SELECT count(*) AS n ...} query answers. */
    protected long count(String sql) {
        return db.sql(sql).map(row -> row.get("n", Long.class)).one().block();
    }
}
