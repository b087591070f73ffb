package io.clientele.platform.kafka;

import java.util.ArrayList;
import java.util.List;
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
                                               KafkaTemplate<String, Object> kafkaTemplate, KafkaEventsProperties properties) {
        return DeadLetters.errorHandler(producerFactory, kafkaTemplate, properties);
    }

    @Bean
    KafkaAdmin.NewTopics clienteleTopics(KafkaEventsProperties properties) {
        List<NewTopic> topics = new ArrayList<>();
        if (properties.createTopics()) {
            for (String topic : properties.topics()) {
                topics.add(TopicBuilder.name(topic).partitions(properties.partitions()).replicas(properties.replicas()).build());
                topics.add(TopicBuilder.name(topic + KafkaEventsProperties.DEAD_LETTER_SUFFIX)
                        .partitions(properties.partitions()).replicas(properties.replicas()).build());
            }
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }
}
