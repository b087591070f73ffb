package io.clientele.platform.embedded;

import java.nio.file.Path;

/**
 * PostgreSQL, Kafka and the schema registry, started once per JVM on free ports the first time a test asks for
 * them, and stopped when the JVM exits. Every Spring context of a test run shares them.
 */
public final class SharedInfrastructure {

    private static SharedInfrastructure instance;

    private final EmbeddedPostgresServer postgres;
    private final EmbeddedKafkaServer kafka;
    private final ApicurioRegistryServer registry;

    private SharedInfrastructure() {
        Path home = Path.of(System.getProperty(ApicurioRegistryServer.HOME_PROPERTY, "target/apicurio-registry"));
        this.registry = ApicurioRegistryServer.start(home, 0, Path.of("target/apicurio-registry.log"));
        this.postgres = EmbeddedPostgresServer.start(0);
        this.kafka = EmbeddedKafkaServer.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.close();
            postgres.close();
            registry.close();
        }));
    }

    public static synchronized SharedInfrastructure get() {
        if (instance == null) {
            instance = new SharedInfrastructure();
        }
        return instance;
    }

    public EmbeddedPostgresServer postgres() {
        return postgres;
    }

    public EmbeddedKafkaServer kafka() {
        return kafka;
    }

    public ApicurioRegistryServer registry() {
        return registry;
    }
}
