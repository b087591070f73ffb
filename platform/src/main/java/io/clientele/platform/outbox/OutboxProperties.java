package io.clientele.platform.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled      whether this service's relay publishes (off where Debezium drains the table instead)
 * @param pollInterval how often the relay looks for unsent rows
 * @param batchSize    how many rows one round publishes at most
 * @param retention    how long sent rows are kept before they are purged
 */
@ConfigurationProperties("clientele.outbox")
public record OutboxProperties(@DefaultValue("true") boolean enabled,
                               @DefaultValue("100ms") Duration pollInterval,
                               @DefaultValue("2000") int batchSize,
                               @DefaultValue("7d") Duration retention) {
}
