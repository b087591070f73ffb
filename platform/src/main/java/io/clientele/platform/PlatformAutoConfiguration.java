package io.clientele.platform;

import io.clientele.platform.consumer.IdempotentConsumer;
import io.clientele.platform.consumer.RecordBatches;
import io.clientele.platform.kafka.KafkaEventsConfiguration;
import io.clientele.platform.kafka.KafkaFootprint;
import com.zaxxer.hikari.HikariDataSource;
import io.clientele.platform.limit.RateLimitConverter;
import io.clientele.platform.limit.RateLimiter;
import io.clientele.platform.link.LinkSeal;
import io.clientele.platform.link.LinkSealProperties;
import io.clientele.platform.link.UnsubscribeTokens;
import io.clientele.platform.outbox.Outbox;
import io.clientele.platform.outbox.OutboxProperties;
import io.clientele.platform.outbox.OutboxPurge;
import io.clientele.platform.outbox.OutboxRelay;
import io.clientele.platform.security.SiteSecurityConfiguration;
import io.clientele.platform.web.ClientAddresses;
import io.clientele.platform.web.KnownQueryParameters;
import io.clientele.platform.web.ProblemDetailsHandler;
import io.clientele.platform.web.RequestGuard;
import io.clientele.platform.web.SafeTextModule;
import io.clientele.platform.web.TrustedProxiesProperties;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import io.clientele.schemas.serde.AvroSerializer;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

/** What a service gets by depending on the platform library. */
@AutoConfiguration(afterName = {
        "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration"})
@EnableConfigurationProperties({OutboxProperties.class, TrustedProxiesProperties.class, LinkSealProperties.class})
@Import({KafkaEventsConfiguration.class, SiteSecurityConfiguration.class, ProblemDetailsHandler.class})
public class PlatformAutoConfiguration {

    @Bean
    Outbox outbox(DatabaseClient db, KafkaFootprint footprint, ProducerFactory<String, Object> producers) {
        AvroSerializer wire = new AvroSerializer();
        wire.configure(producers.getConfigurationProperties(), false);
        return new Outbox(db, footprint, wire);
    }

    @Bean
    @ConditionalOnProperty(name = "clientele.outbox.enabled", matchIfMissing = true)
    OutboxRelay outboxRelay(DatabaseClient db, TransactionalOperator tx, KafkaTemplate<String, Object> kafka,
                            OutboxProperties properties, Environment environment, MeterRegistry meters) {
        return new OutboxRelay(db, tx, kafka, properties, environment.getRequiredProperty("spring.application.name"), meters);
    }

    @Bean
    OutboxPurge outboxPurge(DatabaseClient db, OutboxProperties properties) {
        return new OutboxPurge(db, properties);
    }

    @Bean
    RequestGuard requestGuard() {
        return new RequestGuard();
    }

    @Bean
    KnownQueryParameters knownQueryParameters(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mapping) {
        return new KnownQueryParameters(mapping);
    }

    @Bean
    ClientAddresses clientAddresses(TrustedProxiesProperties properties) {
        return new ClientAddresses(properties.trustedProxies());
    }

    @Bean
    @ConfigurationPropertiesBinding
    static RateLimitConverter rateLimitConverter() {
        return new RateLimitConverter();
    }

    @Bean(destroyMethod = "close")
    RateLimiter rateLimiter(Environment environment) {
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName("rate-limits");
        pool.setJdbcUrl(environment.getRequiredProperty("spring.flyway.url"));
        pool.setUsername(environment.getProperty("spring.flyway.user"));
        pool.setPassword(environment.getProperty("spring.flyway.password"));
        pool.setMaximumPoolSize(4);
        pool.setMinimumIdle(0);
        return new RateLimiter(pool);
    }

    @Bean
    LinkSeal linkSeal(LinkSealProperties properties) {
        return new LinkSeal(properties.sealPublicKey(), properties.sealPrivateKey());
    }

    @Bean
    UnsubscribeTokens unsubscribeTokens(LinkSealProperties properties) {
        return new UnsubscribeTokens(properties.unsubscribeSecret());
    }

    /** Registered by Spring Boot's Jackson configuration into the mapper that reads request bodies. */
    @Bean
    SafeTextModule safeTextModule() {
        return new SafeTextModule();
    }

    @Bean
    IdempotentConsumer idempotentConsumer(DatabaseClient db, TransactionalOperator tx, MeterRegistry meters) {
        return new IdempotentConsumer(db, tx, meters);
    }

    @Bean
    RecordBatches recordBatches(IdempotentConsumer consumer) {
        return new RecordBatches(consumer);
    }
}
