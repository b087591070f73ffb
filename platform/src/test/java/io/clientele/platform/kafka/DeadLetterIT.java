package io.clientele.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clientele.events.SiteUpdated;
import io.clientele.platform.PlatformTestSupport;
import io.clientele.platform.embedded.SharedInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;

@ExtendWith(OutputCaptureExtension.class)
class DeadLetterIT extends PlatformTestSupport {

    private static final String DEAD_LETTERS = TOPIC + ".dlt";

    @Autowired
    KafkaTemplate<String, Object> kafka;
    @Autowired
    DatabaseClient db;
    @Autowired
    MeterRegistry meters;

    @Test
    void aRecordThatCannotBeReadGoesToTheDeadLetterTopicAndTheNextIsStillApplied() throws Exception {
        byte[] garbage = "not avro at all".getBytes(StandardCharsets.UTF_8);
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(
                Map.of("bootstrap.servers", SharedInfrastructure.get().kafka().bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(TOPIC, "garbage", garbage)).get();
        }
        SiteUpdated next = site("after-garbage", "Next");
        kafka.send(TOPIC, next.getSiteId(), next).get();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(applied("after-garbage")).isEqualTo(1));
        ConsumerRecord<String, byte[]> dead = await().atMost(Duration.ofSeconds(30))
                .until(() -> deadLetter("garbage"), record -> record != null);
        assertThat(dead.value()).isEqualTo(garbage);
        assertThat(header(dead, "kafka_dlt-exception-message")).contains("failed to deserialize");
        assertThat(header(dead, "kafka_dlt-exception-stacktrace")).contains("Unknown magic byte");
        assertThat(header(dead, "kafka_dlt-original-topic")).isEqualTo(TOPIC);
    }

    @Test
    void aRecordWhoseEffectKeepsFailingIsRetriedThenDeadLetteredAndTheNextIsStillApplied(CapturedOutput log) throws Exception {
        double before = meters.counter("clientele.dead.letters", "topic", TOPIC).count();
        SiteUpdated poison = site("poisoned", "poison");
        kafka.send(TOPIC, "poisoned", poison).get();
        SiteUpdated next = site("after-poison", "Next");
        kafka.send(TOPIC, next.getSiteId(), next).get();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(applied("after-poison")).isEqualTo(1));
        ConsumerRecord<String, byte[]> dead = await().atMost(Duration.ofSeconds(30))
                .until(() -> deadLetter("poisoned"), record -> record != null);
        assertThat(header(dead, "kafka_dlt-exception-message")).contains("poison site cannot be applied");
        assertThat(header(dead, "kafka_dlt-exception-fqcn")).isNotBlank();
        assertThat(applied("poisoned")).isZero();
        // An operator sees it without reading the dead-letter topic: a WARN line and a count by topic.
        assertThat(log.getOut()).contains("WARN").contains("Record of " + TOPIC + " with key poisoned sent to " + DEAD_LETTERS)
                .contains("poison site cannot be applied");
        assertThat(meters.counter("clientele.dead.letters", "topic", TOPIC).count()).isGreaterThan(before);
    }

    private long applied(String siteId) {
        return db.sql("SELECT count(*) AS n FROM site_effects WHERE site_id = :siteId").bind("siteId", siteId)
                .map(row -> row.get("n", Long.class)).one().block();
    }

    private static ConsumerRecord<String, byte[]> deadLetter(String key) {
        return allRecords(DEAD_LETTERS).stream().filter(record -> key.equals(record.key())).findFirst().orElse(null);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
