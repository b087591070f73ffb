package io.clientele.platform.kafka;

import io.clientele.schemas.Topics;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Bounded retries, then {@code <topic>.dlt} with the error in the record's headers (spring-kafka's
 * {@code kafka_dlt-exception-*} headers), and the listener goes on with the next record.
 */
final class DeadLetters {

    private DeadLetters() {
    }

    static DefaultErrorHandler errorHandler(ProducerFactory<String, Object> producerFactory, KafkaTemplate<String, Object> events,
                                            KafkaEventsProperties properties) {
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
        return new DefaultErrorHandler(recoverer,
                new FixedBackOff(properties.retryInterval().toMillis(), properties.retries()));
    }
}
