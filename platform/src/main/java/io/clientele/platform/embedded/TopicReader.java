package io.clientele.platform.embedded;

import io.clientele.schemas.serde.AvroDeserializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads everything a topic holds so far, with a consumer group of its own: what tests use to look at a topic. */
public final class TopicReader {

    private TopicReader() {
    }

    public static List<ConsumerRecord<String, byte[]>> rawRecords(String bootstrapServers, String topic) {
        return read(bootstrapServers, topic, new ByteArrayDeserializer());
    }

    /** The records as Avro events (generated classes), read through the registry. */
    public static List<ConsumerRecord<String, Object>> events(String bootstrapServers, String registryUrl, String topic) {
        AvroDeserializer deserializer = new AvroDeserializer();
        deserializer.configure(Map.of("schema.registry.url", registryUrl, "specific.avro.reader", true), false);
        return read(bootstrapServers, topic, deserializer);
    }

    private static <V> List<ConsumerRecord<String, V>> read(String bootstrapServers, String topic, Deserializer<V> values) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "topic-reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, V>> records = new ArrayList<>();
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(config, new StringDeserializer(), values)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            int emptyPolls = 0;
            // Until the group has its partitions and two polls in a row bring nothing new.
            while (System.nanoTime() < deadline && (consumer.assignment().isEmpty() || emptyPolls < 2)) {
                var polled = consumer.poll(Duration.ofMillis(300));
                polled.forEach(records::add);
                emptyPolls = polled.isEmpty() && !consumer.assignment().isEmpty() ? emptyPolls + 1 : 0;
            }
        }
        return records;
    }
}
