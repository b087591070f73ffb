package io.clientele.platform;

import io.clientele.platform.consumer.IdempotentConsumer;
import io.clientele.platform.consumer.RecordBatches;
import io.clientele.platform.kafka.KafkaEventsConfiguration;
import io.clientele.platform.outbox.Outbox;
import io.clientele.platform.outbox.OutboxProperties;
import io.clientele.platform.outbox.OutboxRelay;
import io.clientele.platform.security.SiteSecurityConfiguration;
import io.clientele.platform.web.ProblemDetailsHandler;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/** What a service gets by depending on the platform library. */
@AutoConfiguration(afterName = {
        "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration"})
@EnableConfigurationProperties(OutboxProperties.class)
@Import({KafkaEventsConfiguration.class, SiteSecurityConfiguration.class, ProblemDetailsHandler.class})
public class PlatformAutoConfiguration {

    @Bean
    Outbox outbox(DatabaseClient db) {
        return new Outbox(db);
    }

    @Bean
    @ConditionalOnProperty(name = "clientele.outbox.enabled", matchIfMissing = true)
    OutboxRelay outboxRelay(DatabaseClient db, TransactionalOperator tx, KafkaTemplate<String, Object> kafka,
                            OutboxProperties properties) {
        return new OutboxRelay(db, tx, kafka, properties);
    }

    @Bean
    IdempotentConsumer idempotentConsumer(DatabaseClient db, TransactionalOperator tx) {
        return new IdempotentConsumer(db, tx);
    }

    @Bean
    RecordBatches recordBatches(IdempotentConsumer consumer) {
        return new RecordBatches(consumer);
    }
}
