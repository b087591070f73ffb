package io.clientele.platform.kafka;

import io.clientele.schemas.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Bounded retries, then {@code <topic>.dlt} with the error in the record's headers (spring-kafka's
 * {@code kafka_dlt-exception-*} headers), and the listener goes on with the next record. Each dead letter is a WARN
 * line naming the topic, the key and the error, and counts in {@code clientele.dead.letters} (tagged by topic).
 */
final class DeadLetters {

    static final String METRIC = "clientele.dead.letters";
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

    private DeadLetters() {
    }

    static DefaultErrorHandler errorHandler(ProducerFactory<String, Object> producerFactory, KafkaTemplate<String, Object> events,
                                            KafkaEventsProperties properties, MeterRegistry meters) {
        // A record that could not even be deserialized is sent on as the bytes that arrived.
        Map<String, Object> rawConfig = new LinkedHashMap<>(producerFactory.getConfigurationProperties());
        rawConfig.put("key.serializer", StringSerializer.class);
        rawConfig.put("value.serializer", ByteArraySerializer.class);
        KafkaTemplate<String, byte[]> raw = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(rawConfig));

        Map<Class<?>, KafkaOperations<?, ?>> templates = new LinkedHashMap<>();
        templates.put(byte[].class, raw);
        templates.put(Object.class, events);
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(templates,
                (record, error) -> new TopicPartition(record.topic() + Topics.DEAD_LETTER_SUFFIX, -1));
        ConsumerRecordRecoverer counted = (record, error) -> {
            LOG.warn("Record of {} with key {} sent to {}{} after its retries: {}", record.topic(), shownKey(record),
                    record.topic(), Topics.DEAD_LETTER_SUFFIX, rootMessage(error));
            meters.counter(METRIC, "topic", record.topic()).increment();
            recoverer.accept(record, error);
        };
        return new DefaultErrorHandler(counted, new FixedBackOff(properties.retryInterval().toMillis(), properties.retries()));
    }

    /** Sign-ups are keyed by site and e-mail address: a log line, which no erasure reaches, keeps the site alone. */
    private static String shownKey(org.apache.kafka.clients.consumer.ConsumerRecord<?, ?> record) {
        String key = String.valueOf(record.key());
        return Topics.CUSTOMER_SIGNUPS.equals(record.topic()) && key.contains(":")
                ? key.substring(0, key.indexOf(':')) + ":(e-mail address left out)" : key;
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
