package io.clientele.platform.embedded;

import java.util.Map;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** A single Kafka broker in KRaft mode, in this JVM. */
public final class EmbeddedKafkaServer implements AutoCloseable {

    private final EmbeddedKafkaKraftBroker broker;

    private EmbeddedKafkaServer(EmbeddedKafkaKraftBroker broker) {
        this.broker = broker;
    }

    /**
     * Starts a broker on a free port (the KRaft test kit binds ports of its own choosing, whatever it is told):
     * {@link #bootstrapServers()} says where. Topics are created by the services that use them.
     */
    public static EmbeddedKafkaServer start() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
        broker.brokerProperties(Map.of(
                "auto.create.topics.enable", "true",
                "num.partitions", "3",
                "group.initial.rebalance.delay.ms", "0"));
        broker.afterPropertiesSet();
        return new EmbeddedKafkaServer(broker);
    }

    public String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    @Override
    public void close() {
        broker.destroy();
    }
}
