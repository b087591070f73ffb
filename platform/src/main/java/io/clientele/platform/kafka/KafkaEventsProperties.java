package io.clientele.platform.kafka;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param topics        topics to create besides those {@code Topics.CATALOGUE} gives the service; each is created
 *                      with its dead-letter topic when {@code createTopics} is on (locally; on Kubernetes the topics
 *                      are declared resources)
 * @param partitions    partitions of each created topic
 * @param replicas      replicas of each created topic
 * @param retries       how many times a failed record is retried before it goes to its dead-letter topic
 * @param retryInterval the pause between two tries
 */
@ConfigurationProperties("clientele.kafka")
public record KafkaEventsProperties(@DefaultValue List<String> topics,
                                    @DefaultValue("true") boolean createTopics,
                                    @DefaultValue("3") int partitions,
                                    @DefaultValue("1") short replicas,
                                    @DefaultValue("3") int retries,
                                    @DefaultValue("500ms") Duration retryInterval) {
}
