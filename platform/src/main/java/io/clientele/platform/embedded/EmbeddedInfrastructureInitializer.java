package io.clientele.platform.embedded;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a service's context at the {@link SharedInfrastructure}: its own database (named by
 * {@code clientele.database.name}), the broker and the registry. For tests:
 * {@code @ContextConfiguration(initializers = EmbeddedInfrastructureInitializer.class)}.
 */
public class EmbeddedInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String database = context.getEnvironment().getRequiredProperty("clientele.database.name");
        SharedInfrastructure infrastructure = SharedInfrastructure.get();
        infrastructure.postgres().createDatabase(database);
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("clientele-embedded-infrastructure",
                Map.of("clientele.database.port", infrastructure.postgres().port(),
                        "spring.kafka.bootstrap-servers", infrastructure.kafka().bootstrapServers(),
                        "clientele.schema-registry.url", infrastructure.registry().confluentApiUrl())));
    }
}
