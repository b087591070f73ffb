package io.clientele.platform.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clientele.events.SiteUpdated;
import io.clientele.platform.PlatformTestSupport;
import io.clientele.platform.embedded.SharedInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;

/** Each test keys its records alike, so that they share a partition and come in the order they were sent. */
class RecordBatchesIT extends PlatformTestSupport {

    private static final String BATCHES = "platform-test.site-batches";

    @Autowired
    KafkaTemplate<String, Object> kafka;
    @Autowired
    DatabaseClient db;
    @Autowired
    MeterRegistry meters;

    @Test
    void aBatchIsAppliedOnceEvenWhenItsEventsComeAgain() throws Exception {
        double duplicatesBefore = meters.counter("clientele.events.duplicates", "consumer", "site-effects").count();
        double appliedBefore = meters.counter("clientele.events.applied", "consumer", "site-effects").count();
        List<SiteUpdated> sites = List.of(site("batch-a", "A"), site("batch-b", "B"), site("batch-c", "C"));
        for (SiteUpdated site : sites) {
            kafka.send(BATCHES, "redelivered", site);
        }
        kafka.send(BATCHES, "redelivered", sites.get(0)).get();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(applied("batch-c")).isEqualTo(1));

        SiteUpdated later = site("batch-a", "A again");
        kafka.send(BATCHES, "redelivered", later).get();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(applied("batch-a")).isEqualTo(2));
        assertThat(applied("batch-b")).isEqualTo(1);
        // What a consumer did, by consumer (counted just after each batch commits): four events applied, the one
        // that came again skipped.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(meters.counter("clientele.events.applied", "consumer", "site-effects").count() - appliedBefore)
                    .isGreaterThanOrEqualTo(4);
            assertThat(meters.counter("clientele.events.duplicates", "consumer", "site-effects").count() - duplicatesBefore)
                    .isGreaterThanOrEqualTo(1);
        });
    }

    @Test
    void aFailingEventInABatchGoesToTheDeadLetterTopicAndTheOthersAreApplied() throws Exception {
        kafka.send(BATCHES, "poisoned", site("batch-before-poison", "Before"));
        kafka.send(BATCHES, "poisoned", site("batch-poisoned", "poison"));
        kafka.send(BATCHES, "poisoned", site("batch-after-poison", "After")).get();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(applied("batch-after-poison")).isEqualTo(1));
        assertThat(applied("batch-before-poison")).isEqualTo(1);
        ConsumerRecord<String, byte[]> dead = await().atMost(Duration.ofSeconds(30))
                .until(() -> deadLetter("poisoned"), record -> record != null);
        assertThat(header(dead, "kafka_dlt-exception-message")).contains("poison site cannot be applied");
        assertThat(applied("batch-poisoned")).isZero();
    }

    @Test
    void anUnreadableRecordInABatchGoesToTheDeadLetterTopicAndTheOthersAreApplied() throws Exception {
        byte[] garbage = "not avro at all".getBytes(StandardCharsets.UTF_8);
        kafka.send(BATCHES, "garbled", site("batch-before-garbage", "Before")).get();
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(
                Map.of("bootstrap.servers", SharedInfrastructure.get().kafka().bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(BATCHES, "garbled", garbage)).get();
        }
        kafka.send(BATCHES, "garbled", site("batch-after-garbage", "After")).get();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(applied("batch-after-garbage")).isEqualTo(1));
        assertThat(applied("batch-before-garbage")).isEqualTo(1);
        ConsumerRecord<String, byte[]> dead = await().atMost(Duration.ofSeconds(30))
                .until(() -> deadLetter("garbled"), record -> record != null);
        assertThat(dead.value()).isEqualTo(garbage);
        assertThat(header(dead, "kafka_dlt-original-topic")).isEqualTo(BATCHES);
    }

    private long applied(String siteId) {
        return db.sql("SELECT count(*) AS n FROM site_effects WHERE site_id = :siteId").bind("siteId", siteId)
                .map(row -> row.get("n", Long.class)).one().block();
    }

    private static ConsumerRecord<String, byte[]> deadLetter(String key) {
        return allRecords(BATCHES + ".dlt").stream().filter(record -> key.equals(record.key())).findFirst().orElse(null);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
