package io.clientele.platform.testing;

import io.clientele.platform.embedded.EmbeddedInfrastructureInitializer;
import io.clientele.platform.embedded.SharedInfrastructure;
import io.clientele.platform.embedded.TopicReader;
import io.clientele.platform.security.SiteTokens;
import java.time.Duration;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Base of a service's integration tests: the whole service on a random port, on the real PostgreSQL, Kafka and
 * schema registry shared by the test JVM. Every test class of a service shares one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@ContextConfiguration(initializers = EmbeddedInfrastructureInitializer.class)
public abstract class ServiceITSupport {

    @Autowired
    protected WebTestClient http;
    @Autowired
    protected DatabaseClient db;
    @Autowired
    protected KafkaTemplate<String, Object> kafka;

    @Value("${clientele.security.hmac-secret}")
    private String hmacSecret;

    /** An admin token for the site. */
    protected String tokenFor(String siteId) {
        return SiteTokens.issue(hmacSecret, siteId, "owner", Duration.ofMinutes(10));
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
