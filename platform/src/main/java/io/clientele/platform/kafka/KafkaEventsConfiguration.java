package io.clientele.platform.kafka;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.clientele.schemas.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.core.env.Environment;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.util.backoff.FixedBackOff;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;

/**
 * Kafka for Clientele's Avro events. Serializers, the idempotent producer and the consumer settings come from
 * {@code clientele-platform.yml}; this adds the dead-letter error handler (which Boot's listener container
 * factory picks up) and the service's topics.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KafkaEventsProperties.class)
public class KafkaEventsConfiguration {

    @Bean
    DefaultErrorHandler deadLetterErrorHandler(ProducerFactory<String, Object> producerFactory,
                                               KafkaTemplate<String, Object> kafkaTemplate, KafkaEventsProperties properties,
                                               MeterRegistry meters) {
        return DeadLetters.errorHandler(producerFactory, kafkaTemplate, properties, meters);
    }

    /** The topics this service uses (from {@link Topics#CATALOGUE}) and any others configured, each with its dead letters. */
    @Bean
    KafkaAdmin.NewTopics clienteleTopics(KafkaEventsProperties properties, Environment environment) {
        List<NewTopic> topics = new ArrayList<>();
        if (properties.createTopics()) {
            Map<String, Boolean> compacted = new LinkedHashMap<>();
            Topics.usedBy(environment.getRequiredProperty("spring.application.name"))
                    .forEach(topic -> compacted.put(topic.name(), topic.compacted()));
            properties.topics().forEach(topic -> compacted.putIfAbsent(topic, false));
            compacted.forEach((topic, compact) -> {
                TopicBuilder builder = TopicBuilder.name(topic).partitions(properties.partitions()).replicas(properties.replicas());
                topics.add((compact ? builder.compact() : builder).build());
                topics.add(TopicBuilder.name(topic + Topics.DEAD_LETTER_SUFFIX)
                        .partitions(properties.partitions()).replicas(properties.replicas()).build());
            });
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    @Bean
    KafkaFootprint kafkaFootprint(Environment environment) {
        return new KafkaFootprint(environment.getRequiredProperty("spring.application.name"));
    }

    /**
     * For listeners of a dead-letter topic, the end of the line: a record is retried until it applies (a failure
     * there is the service's own database), never dead-lettered again.
     */
    @Bean
    ConcurrentKafkaListenerContainerFactory<Object, Object> deadLetterListenerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumerFactory,
            KafkaEventsProperties properties) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure(factory, consumerFactory);
        factory.setCommonErrorHandler(new DefaultErrorHandler(
                new FixedBackOff(properties.retryInterval().toMillis(), FixedBackOff.UNLIMITED_ATTEMPTS)));
        return factory;
    }
}
